#include "http/json_body.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "http/encoding.h"
#include "http/request.h"
#include "util/http_error.h"
#include "util/text.h"

namespace axis::http {

namespace {

void check_text(const Request& req) {
  if (req.body.empty()) {
    throw util::HttpError({{"missing", {"body"}, "Field required", "null"}});
  }
  if (!util::is_valid_utf8(req.body)) {
    throw util::HttpError({{"utf8_invalid", {"body"}, "Request body is not valid UTF-8", "null"}});
  }
}

// The 422 for JSON that does not parse at `byte`; `what` is the parser's message, such as
// "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error …" or
// "[json.exception.out_of_range.406] number overflow parsing '1e400'".
[[noreturn]] void throw_json_invalid(std::size_t byte, const std::string& what) {
  std::string reason = what.substr(std::min(what.find("] ") + 2, what.size()));
  if (reason.starts_with("parse error")) reason = reason.substr(reason.find(": ") + 2);
  throw util::HttpError(
      {{"json_invalid", {"body", std::to_string(byte)}, "JSON decode error: " + reason, "{}"}});
}

// Reads JSON without keeping it, noting whether an object repeats a key. Each open object's keys
// are compared when it closes (sorted), so a wide object costs n log n, not n².
class KeyRepeatFinder final : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool repeated() const { return repeated_; }

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool start_object(std::size_t) override {
    if (++depth_ > open_.size()) open_.emplace_back();
    return true;
  }
  bool key(string_t& name) override {
    if (!repeated_) open_[depth_ - 1].push_back(name);
    return true;
  }
  bool end_object() override {
    auto& keys = open_[--depth_];
    if (!repeated_ && keys.size() > 1) {
      std::sort(keys.begin(), keys.end());
      repeated_ = std::adjacent_find(keys.begin(), keys.end()) != keys.end();
    }
    keys.clear();  // keeps its capacity for the next object at this depth
    return true;
  }
  bool parse_error(std::size_t byte, const std::string&,
                   const nlohmann::detail::exception& e) override {
    throw_json_invalid(byte, e.what());
  }

 private:
  std::vector<std::vector<std::string>> open_;  // the keys of each open object, by depth
  std::size_t depth_ = 0;
  bool repeated_ = false;
};

}  // namespace

JsonBodyFacts check_json_body(const Request& req) {
  check_text(req);
  KeyRepeatFinder finder;
  nlohmann::json::sax_parse(req.body, &finder);
  return {finder.repeated()};
}

nlohmann::ordered_json parse_json_body(const Request& req) {
  check_text(req);
  try {
    return nlohmann::ordered_json::parse(req.body);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    throw_json_invalid(e.byte, e.what());
  } catch (const nlohmann::ordered_json::exception&) {
    check_json_body(req);  // a number beyond the double range: the reader finds where it is
    throw;
  }
}

}  // namespace axis::http
