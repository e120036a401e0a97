#include "http/multipart.h"

#include <cstdio>
#include <optional>
#include <stdexcept>

#include "http/request.h"
#include "http/request_id.h"
#include "util/http_error.h"
#include "util/random_id.h"
#include "util/text.h"

namespace axis::http {
namespace {

constexpr std::size_t kMaxHeaderBytes = 16 * 1024;
constexpr std::size_t kMaxFieldBytes = 1 << 20;

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

// nullopt when the block has no named Content-Disposition.
std::optional<PartHeaders> parse_part_headers(std::string_view block) {
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
  if (h.name.empty()) return std::nullopt;
  return h;
}

}  // namespace

MultipartForm::~MultipartForm() {
  for (const UploadedFile& f : files) std::remove(f.path.c_str());
}

const UploadedFile* MultipartForm::file(std::string_view field) const {
  for (const UploadedFile& f : files) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  if (util::ascii_lower(content_type.substr(0, 19)) != "multipart/form-data") return std::nullopt;
  std::string boundary = header_param(content_type.substr(19), "boundary");
  if (boundary.empty() || boundary.size() > 200) return std::nullopt;
  return boundary;
}

MultipartDecoder::MultipartDecoder(std::string_view content_type, std::string out_dir)
    : out_dir_(std::move(out_dir)) {
  auto boundary = multipart_boundary(content_type);
  if (!boundary) {
    form_->error = "Expected a multipart/form-data upload with a 'file' field";
    state_ = State::done;
    return;
  }
  delimiter_ = "--" + *boundary;
  separator_ = "\r\n" + delimiter_;
}

MultipartDecoder::~MultipartDecoder() {
  if (out_ != nullptr) std::fclose(out_);
}

void MultipartDecoder::fail(const std::string& why) {
  if (form_->error.empty()) form_->error = "Malformed multipart body: " + why;
  if (out_ != nullptr) std::fclose(out_);
  out_ = nullptr;
  state_ = State::done;
}

void MultipartDecoder::feed(std::string_view bytes) {
  if (state_ == State::done) return;  // epilogue, or skipping after an error
  if (pos_ > 0 && pos_ >= buffer_.size() / 2) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  buffer_.append(bytes);
  while (state_ != State::done && step()) {
  }
}

void MultipartDecoder::write_part(std::string_view bytes) {
  if (bytes.empty()) return;
  if (part_is_file_) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), out_) != bytes.size()) {
      throw std::runtime_error("cannot write upload file in " + out_dir_ + " (disk full?)");
    }
    form_->files.back().size += bytes.size();
  } else {
    field_value_.append(bytes);
    if (field_value_.size() > kMaxFieldBytes) fail("form field '" + part_name_ + "' is too large");
  }
}

void MultipartDecoder::end_part() {
  if (part_is_file_) {
    const bool flushed = std::fclose(out_) == 0;
    out_ = nullptr;
    if (!flushed) throw std::runtime_error("cannot write upload file in " + out_dir_ + " (disk full?)");
  } else {
    form_->fields[part_name_] = std::move(field_value_);
    field_value_.clear();
  }
}

bool MultipartDecoder::step() {
  const std::string_view data = std::string_view(buffer_).substr(pos_);
  switch (state_) {
    case State::preamble: {
      const std::size_t first = data.find(delimiter_);
      if (first == std::string_view::npos) {
        if (data.size() > kMaxHeaderBytes) fail("no boundary found");
        return false;
      }
      pos_ += first + delimiter_.size();
      state_ = State::after_delimiter;
      return true;
    }
    case State::after_delimiter:
      if (data.size() < 2) return false;
      if (data.starts_with("--")) {
        state_ = State::done;
        buffer_.clear();
        pos_ = 0;
        return false;
      }
      if (!data.starts_with("\r\n")) {
        fail("boundary not followed by a line break");
        return false;
      }
      pos_ += 2;
      state_ = State::headers;
      return true;
    case State::headers: {
      const std::size_t end = data.find("\r\n\r\n");
      if (end == std::string_view::npos || end > kMaxHeaderBytes) {
        if (end != std::string_view::npos || data.size() > kMaxHeaderBytes) fail("part headers too long");
        return false;
      }
      auto headers = parse_part_headers(data.substr(0, end));
      if (!headers) {
        fail("a part has no Content-Disposition name");
        return false;
      }
      pos_ += end + 4;
      part_name_ = headers->name;
      part_is_file_ = headers->is_file;
      if (part_is_file_) {
        UploadedFile upload{headers->name, headers->filename,
                            out_dir_ + "/file-" + util::random_hex_id() + ".csv", 0};
        out_ = std::fopen(upload.path.c_str(), "wb");
        if (out_ == nullptr) throw std::runtime_error("cannot create upload file in " + out_dir_);
        form_->files.push_back(std::move(upload));  // registered now so it is removed on failure
      }
      state_ = State::body;
      return true;
    }
    case State::body: {
      const std::size_t hit = data.find(separator_);
      if (hit == std::string_view::npos) {
        // Keep a tail that could be the start of a separator split across pieces.
        if (data.size() > separator_.size()) {
          const std::size_t take = data.size() - separator_.size();
          write_part(data.substr(0, take));
          pos_ += take;
        }
        return false;
      }
      write_part(data.substr(0, hit));
      if (state_ == State::done) return false;
      pos_ += hit + separator_.size();
      end_part();
      state_ = State::after_delimiter;
      return true;
    }
    case State::done:
      return false;
  }
  return false;
}

std::shared_ptr<MultipartForm> MultipartDecoder::finish() {
  if (state_ != State::done) fail(state_ == State::preamble ? "no boundary found" : "body ends inside a part");
  return form_;
}

std::shared_ptr<const MultipartForm> parse_multipart(const Request& req, const std::string& out_dir) {
  std::shared_ptr<const MultipartForm> form = req.multipart;
  if (!form) {
    MultipartDecoder decoder(req.header("content-type"), out_dir);
    decoder.feed(req.body);
    form = decoder.finish();
  }
  if (!form->error.empty()) throw util::HttpError(400, form->error);
  return form;
}

}  // namespace axis::http
