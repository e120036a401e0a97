// Streaming multipart/form-data parsing of a spooled request body. File parts are copied to
// their own files chunk by chunk, so memory use does not grow with the upload.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace axis::http {

struct Request;

struct UploadedFile {
  std::string field;     // form field name, e.g. "file"
  std::string filename;  // as sent by the client (never used as a path)
  std::string path;      // where its bytes are now; removed by ~MultipartForm
  std::uint64_t size = 0;
};

class MultipartForm {
 public:
  MultipartForm() = default;
  ~MultipartForm();  // removes the extracted files
  MultipartForm(MultipartForm&&) noexcept;
  MultipartForm& operator=(MultipartForm&&) = delete;
  MultipartForm(const MultipartForm&) = delete;
  MultipartForm& operator=(const MultipartForm&) = delete;

  std::map<std::string, std::string> fields;  // text fields (each at most 1 MiB)
  std::vector<UploadedFile> files;

  const UploadedFile* file(std::string_view field) const;
};

// The boundary parameter of a multipart/form-data Content-Type, or nullopt.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Parses the request's spooled body (req.body_path; or req.body when it was not spooled).
// File parts are written under out_dir. Throws HttpError 400 with a clear message when the
// request is not multipart/form-data or the body is malformed.
MultipartForm parse_multipart(const Request& req, const std::string& out_dir);

}  // namespace axis::http
