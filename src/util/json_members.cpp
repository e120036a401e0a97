#include "util/json_members.h"

#include <nlohmann/json.hpp>

namespace axis::util {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::size_t skip_space(std::string_view json, std::size_t i) {
  while (i < json.size() && is_space(json[i])) ++i;
  return i;
}

// `i` is at the opening quote of a string: the place just past its closing quote.
std::size_t past_string(std::string_view json, std::size_t i) {
  for (++i; i < json.size() && json[i] != '"'; ++i) {
    if (json[i] == '\\') ++i;  // the escaped character cannot close the string
  }
  return i + 1;
}

// `i` is at the first character of a value: the place just past it.
std::size_t past_value(std::string_view json, std::size_t i) {
  if (i >= json.size()) return i;
  if (json[i] == '"') return past_string(json, i);
  if (json[i] != '{' && json[i] != '[') {  // a number, true, false or null
    while (i < json.size() && json[i] != ',' && json[i] != '}' && json[i] != ']' &&
           !is_space(json[i])) {
      ++i;
    }
    return i;
  }
  std::size_t depth = 0;
  while (i < json.size()) {
    const char c = json[i];
    if (c == '"') {
      i = past_string(json, i);
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if ((c == '}' || c == ']') && --depth == 0) return i + 1;
    ++i;
  }
  return i;
}

std::string decode_key(std::string_view quoted) {
  if (quoted.find('\\') == std::string_view::npos) {
    return std::string(quoted.substr(1, quoted.size() - 2));
  }
  return nlohmann::json::parse(quoted).get<std::string>();
}

}  // namespace

std::map<std::string, std::string_view> object_members(std::string_view json) {
  std::map<std::string, std::string_view> out;
  std::size_t i = skip_space(json, json.starts_with("\xEF\xBB\xBF") ? 3 : 0);
  if (i >= json.size() || json[i] != '{') return out;
  i = skip_space(json, i + 1);
  while (i < json.size() && json[i] == '"') {
    const std::size_t key_end = past_string(json, i);
    const std::string key = decode_key(json.substr(i, key_end - i));
    i = skip_space(json, skip_space(json, key_end) + 1);  // past the colon
    const std::size_t value_end = past_value(json, i);
    out[key] = json.substr(i, value_end - i);
    i = skip_space(json, value_end);
    if (i < json.size() && json[i] == ',') i = skip_space(json, i + 1);
  }
  return out;
}

}  // namespace axis::util
