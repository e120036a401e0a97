// What a route that sends a generated file needs: a temp file in the spool folder that is
// removed unless handed to the server (which removes it after sending), and the
// Content-Disposition value naming the download. Not thread-safe (one request's objects).
#pragma once

#include <string>

namespace axis::api {

class TempFile {
 public:
  // An empty file "<prefix>-XXXXXX" in `dir`. HttpError 500 when it cannot be made.
  TempFile(const std::string& dir, const std::string& prefix);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  // Hands the file over (to http::Response::temp_file); it is no longer removed here.
  std::string release();

 private:
  std::string path_;
};

// `attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>` (RFC 6266): the exact
// UTF-8 name plus an ASCII fallback with every other byte as '_'.
std::string attachment(const std::string& filename);

}  // namespace axis::api
