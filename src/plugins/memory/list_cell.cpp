#include "plugins/memory/list_cell.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>

#include "util/text.h"

namespace axis::plugins::memory {
namespace {

// A Python value of the kinds ast.literal_eval and json.loads produce here.
struct PyValue {
  enum class Kind { none, boolean, integer, real, text, list, tuple, dict } kind = Kind::none;
  bool flag = false;
  double real = 0;
  std::string text;  // the string, or an integer's digits
  std::vector<PyValue> items;  // list and tuple items; dict keys and values alternate
};

std::string repr(const PyValue& v);


std::string real_text(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  return util::python_float(d);
}

// Python's str(): a string as itself, anything else as its repr.
std::string str(const PyValue& v) { return v.kind == PyValue::Kind::text ? v.text : repr(v); }

std::string joined(const std::vector<PyValue>& items, const char* sep_kv, bool pairs) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); i += pairs ? 2 : 1) {
    if (i > 0) out += ", ";
    out += repr(items[i]);
    if (pairs) out += sep_kv + repr(items[i + 1]);
  }
  return out;
}

std::string repr(const PyValue& v) {
  switch (v.kind) {
    case PyValue::Kind::none: return "None";
    case PyValue::Kind::boolean: return v.flag ? "True" : "False";
    case PyValue::Kind::integer: return v.text;
    case PyValue::Kind::real: return real_text(v.real);
    case PyValue::Kind::text: return util::python_repr(v.text);
    case PyValue::Kind::list: return "[" + joined(v.items, "", false) + "]";
    case PyValue::Kind::tuple:
      return "(" + joined(v.items, "", false) + (v.items.size() == 1 ? ",)" : ")");
    case PyValue::Kind::dict: return "{" + joined(v.items, ": ", true) + "}";
  }
  return "None";
}

// A recursive-descent reader of the literals ast.literal_eval accepts (sets, bytes, complex
// numbers and triple-quoted strings are refused: such cells are kept whole).
class LiteralReader {
 public:
  explicit LiteralReader(const std::string& s) : s_(s) {}

  std::optional<PyValue> whole() {
    std::size_t start = 0;
    while (start < s_.size() && (s_[start] == ' ' || s_[start] == '\t')) ++start;
    i_ = start;
    auto v = value(0);
    if (!v) return std::nullopt;
    skip();
    if (i_ != s_.size()) return std::nullopt;
    return v;
  }

 private:
  static constexpr int kMaxDepth = 64;

  void skip() {
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') ++i_;
      else if (c == '#') { while (i_ < s_.size() && s_[i_] != '\n') ++i_; }
      else if (c == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') i_ += 2;
      else break;
    }
  }
  bool eat(char c) {
    skip();
    if (i_ < s_.size() && s_[i_] == c) { ++i_; return true; }
    return false;
  }
  bool word(const char* w) {
    const std::string_view wv(w);
    if (s_.compare(i_, wv.size(), wv) != 0) return false;
    const std::size_t end = i_ + wv.size();
    if (end < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[end])) || s_[end] == '_')) return false;
    i_ = end;
    return true;
  }

  std::optional<PyValue> value(int depth) {
    if (depth > kMaxDepth) return std::nullopt;
    skip();
    if (i_ >= s_.size()) return std::nullopt;
    const char c = s_[i_];
    PyValue v;
    if (word("None")) return v;
    if (word("True") || word("False")) {
      v.kind = PyValue::Kind::boolean;
      v.flag = s_[i_ - 2] == 'u';  // "True" ends in "ue", "False" in "se"
      return v;
    }
    if (c == '[') return sequence(']', PyValue::Kind::list, depth);
    if (c == '(') return sequence(')', PyValue::Kind::tuple, depth);
    if (c == '{') return dict(depth);
    if (c == '\'' || c == '"' || ((c == 'u' || c == 'U' || c == 'r' || c == 'R') && i_ + 1 < s_.size() &&
                                  (s_[i_ + 1] == '\'' || s_[i_ + 1] == '"')))
      return strings();
    if (c == '-' || c == '+' || c == '.' || std::isdigit(static_cast<unsigned char>(c))) return number();
    return std::nullopt;
  }

  std::optional<PyValue> sequence(char close, PyValue::Kind kind, int depth) {
    ++i_;
    PyValue v;
    v.kind = kind;
    bool trailing_comma = false;
    while (!eat(close)) {
      if (!v.items.empty() && !trailing_comma) return std::nullopt;
      auto item = value(depth + 1);
      if (!item) return std::nullopt;
      v.items.push_back(std::move(*item));
      trailing_comma = eat(',');
    }
    // "(x)" is x itself; "(x,)" and "()" are tuples.
    if (kind == PyValue::Kind::tuple && v.items.size() == 1 && !trailing_comma) return v.items[0];
    return v;
  }

  std::optional<PyValue> dict(int depth) {
    ++i_;
    PyValue v;
    v.kind = PyValue::Kind::dict;
    bool comma = true;
    while (!eat('}')) {
      if (!comma) return std::nullopt;
      auto key = value(depth + 1);
      if (!key || !eat(':')) return std::nullopt;
      auto item = value(depth + 1);
      if (!item) return std::nullopt;
      v.items.push_back(std::move(*key));
      v.items.push_back(std::move(*item));
      comma = eat(',');
    }
    return v;
  }

  // One or more adjacent string literals, concatenated.
  std::optional<PyValue> strings() {
    PyValue v;
    v.kind = PyValue::Kind::text;
    do {
      bool raw = false;
      while (i_ < s_.size() && s_[i_] != '\'' && s_[i_] != '"') {
        raw = raw || s_[i_] == 'r' || s_[i_] == 'R';
        ++i_;
      }
      const char quote = s_[i_];
      if (s_.compare(i_, 3, std::string(3, quote)) == 0) return std::nullopt;
      ++i_;
      for (;;) {
        if (i_ >= s_.size() || s_[i_] == '\n') return std::nullopt;
        const char c = s_[i_++];
        if (c == quote) break;
        if (c != '\\' || raw) {
          v.text += c;
          if (c == '\\' && i_ < s_.size()) v.text += s_[i_++];
          continue;
        }
        if (i_ >= s_.size()) return std::nullopt;
        const char e = s_[i_++];
        switch (e) {
          case 'n': v.text += '\n'; break;
          case 't': v.text += '\t'; break;
          case 'r': v.text += '\r'; break;
          case '0': v.text += '\0'; break;
          case '\\': case '\'': case '"': v.text += e; break;
          case '\n': break;
          default: v.text += '\\'; v.text += e; break;  // unknown escapes stay as written
        }
      }
      skip();
    } while (i_ < s_.size() && (s_[i_] == '\'' || s_[i_] == '"'));
    return v;
  }

  std::optional<PyValue> number() {
    bool negative = false;
    if (s_[i_] == '-' || s_[i_] == '+') {
      negative = s_[i_] == '-';
      ++i_;
      skip();
    }
    const std::size_t start = i_;
    bool is_real = false;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '_') ++i_;
      else if (c == '.') { is_real = true; ++i_; }
      else if ((c == 'e' || c == 'E') && i_ > start) {
        is_real = true;
        ++i_;
        if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      } else break;
    }
    std::string digits;
    for (std::size_t k = start; k < i_; ++k)
      if (s_[k] != '_') digits += s_[k];
    if (digits.empty() || digits == "." ) return std::nullopt;
    if (i_ < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[i_])))) return std::nullopt;
    PyValue v;
    if (is_real) {
      char* end = nullptr;
      v.kind = PyValue::Kind::real;
      v.real = std::strtod(digits.c_str(), &end);
      if (end == nullptr || *end != '\0') return std::nullopt;
      if (negative) v.real = -v.real;
      return v;
    }
    const std::size_t nz = digits.find_first_not_of('0');
    if (nz == std::string::npos) digits = "0";
    else if (nz > 0) return std::nullopt;  // 007 is a syntax error in Python 3
    v.kind = PyValue::Kind::integer;
    v.text = (negative && digits != "0" ? "-" : "") + digits;
    return v;
  }

  const std::string& s_;
  std::size_t i_ = 0;
};

PyValue from_json(const nlohmann::json& j) {
  PyValue v;
  if (j.is_boolean()) { v.kind = PyValue::Kind::boolean; v.flag = j.get<bool>(); }
  else if (j.is_number_integer()) { v.kind = PyValue::Kind::integer; v.text = j.dump(); }
  else if (j.is_number()) { v.kind = PyValue::Kind::real; v.real = j.get<double>(); }
  else if (j.is_string()) { v.kind = PyValue::Kind::text; v.text = j.get<std::string>(); }
  else if (j.is_array()) {
    v.kind = PyValue::Kind::list;
    for (const auto& item : j) v.items.push_back(from_json(item));
  } else if (j.is_object()) {
    v.kind = PyValue::Kind::dict;
    for (const auto& [key, item] : j.items()) {
      PyValue k;
      k.kind = PyValue::Kind::text;
      k.text = key;
      v.items.push_back(std::move(k));
      v.items.push_back(from_json(item));
    }
  }
  return v;
}

std::vector<std::string> items_of(const PyValue& v) {
  if (v.kind != PyValue::Kind::list) return {str(v)};
  std::vector<std::string> out;
  for (const auto& item : v.items) out.push_back(str(item));
  return out;
}

}  // namespace

std::vector<std::string> parse_list_cell(const std::string& cell) {
  if (cell.empty() || cell == "[]" || cell == "None") return {};
  if (auto literal = LiteralReader(cell).whole()) return items_of(*literal);
  const auto parsed = nlohmann::json::parse(cell, nullptr, false);
  if (!parsed.is_discarded()) return items_of(from_json(parsed));
  return {cell};
}

nlohmann::ordered_json list_role_value(const nlohmann::ordered_json& value) {
  if (value.is_null()) return nlohmann::ordered_json::array();
  if (value.is_string()) return parse_list_cell(value.get<std::string>());
  return value;
}

}  // namespace axis::plugins::memory
