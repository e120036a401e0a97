#include "util/text.h"

#include <algorithm>
#include <charconv>

namespace axis::util {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::string_view without_trailing_semicolons(std::string_view sql) {
  const auto last = sql.find_last_not_of("; \t\r\n");
  return last == std::string_view::npos ? std::string_view{} : sql.substr(0, last + 1);
}

std::string python_float(double value) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  std::string s(buf, end);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";  // "inf" and "nan" stay as they are
  return s;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string truncate_chars(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts_character = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_character && chars++ == max_chars) return std::string(text.substr(0, i)) + "...";
  }
  return std::string(text);
}

std::string thousands(long long value) {
  const std::string digits = std::to_string(value < 0 ? -(value + 1) + 1ULL : value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return value < 0 ? "-" + out : out;
}

std::string name_list(const std::vector<std::string>& names, std::size_t max_names) {
  std::string out;
  const std::size_t shown = std::min(names.size(), max_names);
  for (std::size_t i = 0; i < shown; ++i) out += (i == 0 ? "" : ", ") + names[i];
  if (names.size() > shown) {
    out += " and " + thousands(static_cast<long long>(names.size() - shown)) + " more";
  }
  return out;
}

}  // namespace axis::util
