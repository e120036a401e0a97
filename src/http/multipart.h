// multipart/form-data decoding while the body arrives. File parts go straight to their own
// files, so neither memory nor disk holds the upload twice.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
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
  MultipartForm(const MultipartForm&) = delete;
  MultipartForm& operator=(const MultipartForm&) = delete;

  std::map<std::string, std::string> fields;  // text fields (each at most 1 MiB)
  std::vector<UploadedFile> files;
  std::string error;  // why the body is not valid multipart; empty when it is

  const UploadedFile* file(std::string_view field) const;
};

// The boundary parameter of a multipart/form-data Content-Type, or nullopt.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Incremental decoder: feed() the body in pieces of any size, then finish(). A malformed body
// is not an exception here: the first problem is recorded in the form's `error`, the rest of
// the body is skipped, and the handler reports it (see parse_multipart).
class MultipartDecoder {
 public:
  MultipartDecoder(std::string_view content_type, std::string out_dir);
  ~MultipartDecoder();
  MultipartDecoder(const MultipartDecoder&) = delete;
  MultipartDecoder& operator=(const MultipartDecoder&) = delete;

  void feed(std::string_view bytes);
  std::shared_ptr<MultipartForm> finish();

 private:
  enum class State { preamble, after_delimiter, headers, body, done };
  bool step();  // one state transition if the buffer allows it
  void write_part(std::string_view bytes);
  void end_part();
  void fail(const std::string& why);

  std::string out_dir_;
  std::string delimiter_, separator_;
  std::shared_ptr<MultipartForm> form_ = std::make_shared<MultipartForm>();
  State state_ = State::preamble;
  std::string buffer_;
  std::size_t pos_ = 0;
  std::string part_name_, field_value_;
  bool part_is_file_ = false;
  std::FILE* out_ = nullptr;
};

// The request's decoded multipart form (decoded by the server as the body arrived, or from
// req.body here). Throws util::HttpError 400 with a clear message when the request is not
// multipart/form-data or the body is malformed.
std::shared_ptr<const MultipartForm> parse_multipart(const Request& req, const std::string& out_dir);

}  // namespace axis::http
