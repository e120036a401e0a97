#include "signals/python_literal.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdint>
#include <string>

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;
constexpr int kMaxLiteralDepth = 200;

bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A JSON object key for a Python dict key, as json.dumps converts it.
std::optional<std::string> key_text(const Json& key) {
  if (key.is_string()) return key.get<std::string>();
  if (key.is_boolean()) return key.get<bool>() ? "true" : "false";
  if (key.is_null()) return "null";
  if (key.is_number()) return key.dump();
  return std::nullopt;  // lists and dicts are not hashable; tuples cannot be JSON keys
}

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  std::optional<Json> document() {
    auto value = parse_value(0);
    skip_space();
    if (!value || pos_ != s_.size()) return std::nullopt;
    return value;
  }

 private:
  bool at_end() const { return pos_ >= s_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0';
  }

  void skip_space() {
    while (!at_end()) {
      const char c = s_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        ++pos_;
      } else if (c == '\\' && (peek(1) == '\n' || peek(1) == '\r')) {
        pos_ += 2;  // explicit line continuation
      } else if (c == '#') {
        while (!at_end() && s_[pos_] != '\n') ++pos_;
      } else {
        return;
      }
    }
  }

  bool consume(char c) {
    skip_space();
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  std::optional<Json> parse_value(int depth) {
    if (depth > kMaxLiteralDepth) return std::nullopt;
    skip_space();
    const char c = peek();
    if (c == '{') return parse_braces(depth);
    if (c == '[') return parse_sequence(depth, ']');
    if (c == '(') return parse_parens(depth);
    if (c == '-' || c == '+') {
      ++pos_;
      skip_space();
      auto number = parse_number();
      if (!number) return std::nullopt;
      if (c == '+') return number;
      if (number->is_number_float()) return Json(-number->get<double>());
      if (number->is_number_unsigned()) return Json(-static_cast<double>(number->get<std::uint64_t>()));
      return Json(-number->get<std::int64_t>());
    }
    if ((c >= '0' && c <= '9') || (c == '.' && peek(1) >= '0' && peek(1) <= '9')) return parse_number();
    if (string_starts_here()) return parse_strings();
    return parse_name();
  }

  std::optional<Json> parse_name() {
    const std::size_t start = pos_;
    while (!at_end() && is_ident_char(s_[pos_])) ++pos_;
    const std::string_view name = s_.substr(start, pos_ - start);
    if (name == "True") return Json(true);
    if (name == "False") return Json(false);
    if (name == "None") return Json(nullptr);
    return std::nullopt;
  }

  // `{}` / `{k: v, ...}` (a dict) or `{a, b}` (a set, read as a list).
  std::optional<Json> parse_braces(int depth) {
    ++pos_;
    if (consume('}')) return Json::object();
    auto first = parse_value(depth + 1);
    if (!first) return std::nullopt;
    if (!consume(':')) return finish_sequence(Json::array({*first}), depth, '}');
    Json out = Json::object();
    auto key = key_text(*first);
    for (;;) {
      auto value = parse_value(depth + 1);
      if (!key || !value) return std::nullopt;
      out[*key] = std::move(*value);
      if (consume('}')) return out;
      if (!consume(',')) return std::nullopt;
      if (consume('}')) return out;
      auto next = parse_value(depth + 1);
      if (!next || !consume(':')) return std::nullopt;
      key = key_text(*next);
    }
  }

  std::optional<Json> parse_sequence(int depth, char close) {
    ++pos_;
    if (consume(close)) return Json::array();
    auto first = parse_value(depth + 1);
    if (!first) return std::nullopt;
    return finish_sequence(Json::array({*first}), depth, close);
  }

  // After the first item of a list, set or tuple.
  std::optional<Json> finish_sequence(Json items, int depth, char close) {
    for (;;) {
      if (consume(close)) return items;
      if (!consume(',')) return std::nullopt;
      if (consume(close)) return items;
      auto item = parse_value(depth + 1);
      if (!item) return std::nullopt;
      items.push_back(std::move(*item));
    }
  }

  // `()` and `(a, ...)` are tuples (lists); `(a)` is just a.
  std::optional<Json> parse_parens(int depth) {
    ++pos_;
    if (consume(')')) return Json::array();
    auto first = parse_value(depth + 1);
    if (!first) return std::nullopt;
    if (consume(')')) return first;
    if (!consume(',')) return std::nullopt;
    if (consume(')')) return Json::array({*first});
    auto second = parse_value(depth + 1);
    if (!second) return std::nullopt;
    return finish_sequence(Json::array({*first, *second}), depth, ')');
  }

  std::optional<Json> parse_number() {
    const std::size_t start = pos_;
    bool is_float = false;
    while (!at_end()) {
      const char c = s_[pos_];
      if (is_ident_char(c) || c == '.') {
        if (c == '.') is_float = true;
        ++pos_;
        const bool exponent = c == 'e' || c == 'E';
        if (exponent && (peek() == '+' || peek() == '-')) ++pos_;
      } else {
        break;
      }
    }
    std::string digits;
    for (char c : s_.substr(start, pos_ - start)) {
      if (c != '_') digits += c;
    }
    if (digits.empty()) return std::nullopt;
    int base = 10;
    std::size_t skip = 0;
    if (digits.size() > 2 && digits[0] == '0') {
      const char b = static_cast<char>(digits[1] | 0x20);
      if (b == 'x') base = 16;
      if (b == 'o') base = 8;
      if (b == 'b') base = 2;
      if (base != 10) skip = 2;
    }
    const char* first = digits.data() + skip;
    const char* last = digits.data() + digits.size();
    if (base == 10 && (is_float || digits.find_first_of("eE") != std::string::npos)) {
      double d = 0;
      auto [end, ec] = std::from_chars(first, last, d);
      if (end != last || (ec != std::errc() && ec != std::errc::result_out_of_range)) return std::nullopt;
      return Json(d);
    }
    std::uint64_t u = 0;
    auto [end, ec] = std::from_chars(first, last, u, base);
    if (end != last) return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
      if (base != 10) return std::nullopt;
      double d = 0;
      std::from_chars(first, last, d);
      return Json(d);
    }
    if (ec != std::errc()) return std::nullopt;
    if (u <= static_cast<std::uint64_t>(INT64_MAX)) return Json(static_cast<std::int64_t>(u));
    return Json(u);
  }

  // A string literal starts here: optional r/u prefix (any case) and a quote. Bytes and
  // f-strings are not literals we accept, so they are not string starts.
  bool string_starts_here() const {
    std::size_t i = 0;
    const char p = static_cast<char>(peek() | 0x20);
    if (p == 'r' || p == 'u') i = 1;
    return peek(i) == '\'' || peek(i) == '"';
  }

  std::optional<Json> parse_strings() {
    std::string out;
    do {
      if (!parse_one_string(out)) return std::nullopt;
      skip_space();
    } while (string_starts_here());
    return Json(std::move(out));
  }

  bool parse_one_string(std::string& out) {
    bool raw = false;
    const char p = static_cast<char>(peek() | 0x20);
    if (p == 'r' || p == 'u') {
      raw = p == 'r';
      ++pos_;
    }
    const char quote = peek();
    const bool triple = peek(1) == quote && peek(2) == quote;
    pos_ += triple ? 3 : 1;
    for (;;) {
      if (at_end()) return false;
      const char c = s_[pos_];
      if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
        pos_ += triple ? 3 : 1;
        return true;
      }
      if (!triple && (c == '\n' || c == '\r')) return false;
      if (c != '\\') {
        out += c;
        ++pos_;
        continue;
      }
      if (pos_ + 1 >= s_.size()) return false;
      if (raw) {
        out += c;
        out += s_[pos_ + 1];
        pos_ += 2;
        continue;
      }
      if (!escape(out)) return false;
    }
  }

  // Decodes the escape at pos_ (a backslash) into out.
  bool escape(std::string& out) {
    const char e = s_[pos_ + 1];
    pos_ += 2;
    switch (e) {
      case '\n': return true;
      case '\r': if (peek() == '\n') ++pos_; return true;
      case '\\': out += '\\'; return true;
      case '\'': out += '\''; return true;
      case '"': out += '"'; return true;
      case 'a': out += '\a'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'v': out += '\v'; return true;
      case 'x': return hex_escape(out, 2);
      case 'u': return hex_escape(out, 4);
      case 'U': return hex_escape(out, 8);
      case 'N': return false;  // named characters are not supported
      default: break;
    }
    if (e >= '0' && e <= '7') {
      std::uint32_t cp = static_cast<std::uint32_t>(e - '0');
      for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; ++i) cp = cp * 8 + (s_[pos_++] - '0');
      append_utf8(out, cp);
      return true;
    }
    out += '\\';  // unknown escapes keep their backslash, as Python does
    out += e;
    return true;
  }

  bool hex_escape(std::string& out, int digits) {
    std::uint32_t cp = 0;
    if (!read_hex(digits, cp)) return false;
    // A \u high surrogate followed by a \u low surrogate is one character.
    if (digits == 4 && cp >= 0xD800 && cp <= 0xDBFF && peek() == '\\' && peek(1) == 'u') {
      const std::size_t save = pos_;
      pos_ += 2;
      std::uint32_t low = 0;
      if (read_hex(4, low) && low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      } else {
        pos_ = save;
      }
    }
    append_utf8(out, cp);
    return true;
  }

  bool read_hex(int digits, std::uint32_t& cp) {
    for (int i = 0; i < digits; ++i) {
      const int v = hex_value(peek());
      if (v < 0) return false;
      cp = cp * 16 + static_cast<std::uint32_t>(v);
      ++pos_;
    }
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace

std::optional<nlohmann::ordered_json> parse_python_literal(std::string_view text) {
  return Parser(text).document();
}

}  // namespace axis::signals
