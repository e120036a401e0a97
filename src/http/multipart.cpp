#include "http/multipart.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

#include "http/http_error.h"
#include "http/request.h"
#include "http/request_id.h"
#include "util/random_id.h"

namespace axis::http {
namespace {

constexpr std::size_t kChunk = 1 << 18;
constexpr std::size_t kMaxHeaderBytes = 16 * 1024;
constexpr std::size_t kMaxFieldBytes = 1 << 20;

[[noreturn]] void malformed(const std::string& why) {
  throw HttpError(400, "Malformed multipart body: " + why);
}

// Reads the body from a file or from memory, refilling a sliding buffer.
class BodyReader {
 public:
  explicit BodyReader(const Request& req) {
    if (!req.body_path.empty()) {
      file_ = std::fopen(req.body_path.c_str(), "rb");
      if (file_ == nullptr) throw HttpError(400, "Request body is not available");
    } else {
      buffer_ = req.body;
      eof_ = true;
    }
  }
  ~BodyReader() {
    if (file_ != nullptr) std::fclose(file_);
  }
  // Ensures at least `want` bytes are buffered unless the body ends first.
  void fill(std::size_t want) {
    while (!eof_ && buffer_.size() - pos_ < want) {
      if (pos_ > 0) {
        buffer_.erase(0, pos_);
        pos_ = 0;
      }
      const std::size_t old = buffer_.size();
      buffer_.resize(old + kChunk);
      const std::size_t n = std::fread(buffer_.data() + old, 1, kChunk, file_);
      buffer_.resize(old + n);
      if (n == 0) eof_ = true;
    }
  }
  std::string_view view() const { return std::string_view(buffer_).substr(pos_); }
  void consume(std::size_t n) { pos_ += n; }
  bool exhausted() const { return eof_ && pos_ >= buffer_.size(); }

 private:
  std::FILE* file_ = nullptr;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool eof_ = false;
};

std::string header_param(std::string_view header, std::string_view name) {
  // name="value" or name=value, case-insensitive name match on a ';'-separated list
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t semi = header.find(';', pos);
    std::string_view item = header.substr(pos, semi == std::string_view::npos ? std::string_view::npos : semi - pos);
    pos = semi == std::string_view::npos ? header.size() : semi + 1;
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key(item.substr(0, eq));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (key != name) continue;
    std::string_view value = item.substr(eq + 1);
    if (value.size() >= 2 && value.front() == '"') {
      std::string out;
      for (std::size_t i = 1; i < value.size() && value[i] != '"'; ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        out.push_back(value[i]);
      }
      return out;
    }
    return std::string(value);
  }
  return {};
}

struct PartHeaders {
  std::string name, filename;
  bool is_file = false;
};

PartHeaders parse_part_headers(std::string_view block) {
  PartHeaders h;
  std::size_t pos = 0;
  while (pos < block.size()) {
    std::size_t eol = block.find("\r\n", pos);
    std::string_view line = block.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    pos = eol == std::string_view::npos ? block.size() : eol + 2;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key(line.substr(0, colon));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (key != "content-disposition") continue;
    std::string_view value = line.substr(colon + 1);
    h.name = header_param(value, "name");
    h.is_file = value.find("filename") != std::string_view::npos;
    h.filename = header_param(value, "filename");
  }
  if (h.name.empty()) malformed("a part has no Content-Disposition name");
  return h;
}

}  // namespace

MultipartForm::~MultipartForm() {
  for (const UploadedFile& f : files) std::remove(f.path.c_str());
}

MultipartForm::MultipartForm(MultipartForm&& other) noexcept
    : fields(std::move(other.fields)), files(std::move(other.files)) {
  other.files.clear();
}

const UploadedFile* MultipartForm::file(std::string_view field) const {
  for (const UploadedFile& f : files) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  std::string lowered(content_type.substr(0, 19));
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lowered != "multipart/form-data") return std::nullopt;
  std::string boundary = header_param(content_type.substr(19), "boundary");
  if (boundary.empty() || boundary.size() > 200) return std::nullopt;
  return boundary;
}

MultipartForm parse_multipart(const Request& req, const std::string& out_dir) {
  auto boundary = multipart_boundary(req.header("content-type"));
  if (!boundary) throw HttpError(400, "Expected a multipart/form-data upload with a 'file' field");
  const std::string delimiter = "--" + *boundary;
  const std::string separator = "\r\n" + delimiter;
  BodyReader in(req);
  MultipartForm form;

  // Preamble up to the first delimiter.
  in.fill(kMaxHeaderBytes);
  std::size_t first = in.view().find(delimiter);
  if (first == std::string_view::npos) malformed("no boundary found");
  in.consume(first + delimiter.size());

  while (true) {
    in.fill(2);
    if (in.view().substr(0, 2) == "--") return form;  // closing delimiter
    if (in.view().substr(0, 2) != "\r\n") malformed("boundary not followed by a line break");
    in.consume(2);
    in.fill(kMaxHeaderBytes);
    const std::size_t end = in.view().find("\r\n\r\n");
    if (end == std::string_view::npos) malformed("part headers too long or unterminated");
    PartHeaders headers = parse_part_headers(in.view().substr(0, end));
    in.consume(end + 4);

    std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(nullptr, &std::fclose);
    UploadedFile upload;
    std::string field_value;
    if (headers.is_file) {
      upload = {headers.name, headers.filename, out_dir + "/file-" + util::random_hex_id() + ".csv", 0};
      out.reset(std::fopen(upload.path.c_str(), "wb"));
      if (!out) throw std::runtime_error("cannot create upload file in " + out_dir);
      form.files.push_back(upload);  // registered now so it is removed on any failure
    }
    // Copy bytes until the separator, keeping a tail that could hold a split separator.
    while (true) {
      in.fill(kChunk);
      std::string_view data = in.view();
      const std::size_t hit = data.find(separator);
      std::size_t take;
      if (hit != std::string_view::npos) take = hit;
      else if (in.exhausted() || data.size() <= separator.size()) malformed("body ends inside a part");
      else take = data.size() - separator.size();
      if (headers.is_file) {
        if (take > 0 && std::fwrite(data.data(), 1, take, out.get()) != take) {
          throw std::runtime_error("cannot write upload file (disk full?)");
        }
        form.files.back().size += take;
      } else {
        field_value.append(data.substr(0, take));
        if (field_value.size() > kMaxFieldBytes) malformed("form field '" + headers.name + "' is too large");
      }
      in.consume(take);
      if (hit != std::string_view::npos) break;
    }
    in.consume(separator.size());
    if (!headers.is_file) form.fields[headers.name] = std::move(field_value);
  }
}

}  // namespace axis::http
