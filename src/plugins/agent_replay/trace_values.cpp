#include "plugins/agent_replay/trace_values.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <regex>

#include "util/text.h"

namespace axis::plugins::agent_replay {
namespace {

// The byte offset after the first `max_chars` UTF-8 code points, or npos when the text has no
// more than that.
std::size_t cut_point(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == max_chars) return i;
    ++chars;
  }
  return std::string_view::npos;
}

std::optional<std::string> cut(std::string_view text, std::size_t max_chars) {
  const std::size_t at = cut_point(text, max_chars);
  if (at == std::string_view::npos) return std::nullopt;
  return std::string(text.substr(0, at)) + std::string(kTruncatedMark);
}

bool read_int(std::string_view text, std::size_t at, std::size_t len, int& out) {
  if (at + len > text.size()) return false;
  const auto r = std::from_chars(text.data() + at, text.data() + at + len, out);
  return r.ec == std::errc() && r.ptr == text.data() + at + len;
}

// Days from 1970-01-01 to a civil date (proleptic Gregorian).
long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

bool is_secret_key(std::string_view key) {
  static const std::regex pattern(
      "(^|[_-])(api[_-]?key|token|secret|password|credential|authorization|bearer)($|[_-])",
      std::regex::icase | std::regex::optimize);
  return std::regex_search(key.begin(), key.end(), pattern);
}

Json redact(const Json& value) {
  if (!value.is_object()) return value;
  Json out = Json::object();
  for (const auto& [key, member] : value.items()) {
    if (is_secret_key(key)) out[key] = "[REDACTED]";
    else out[key] = member.is_object() ? redact(member) : member;
  }
  return out;
}

Truncated truncate_value(const Json& value, std::size_t max_chars) {
  if (value.is_string()) {
    if (auto text = cut(value.get_ref<const std::string&>(), max_chars)) return {Json(*text), true};
    return {value, false};
  }
  if (value.is_object() || value.is_array()) {
    const std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (auto cut_text = cut(text, max_chars)) return {Json(*cut_text), true};
  }
  return {value, false};
}

std::optional<double> parse_time_ms(std::string_view t) {
  int y, mo, d, h, mi, s;
  if (t.size() < 19 || !read_int(t, 0, 4, y) || t[4] != '-' || !read_int(t, 5, 2, mo) ||
      t[7] != '-' || !read_int(t, 8, 2, d) || (t[10] != 'T' && t[10] != ' ') ||
      !read_int(t, 11, 2, h) || t[13] != ':' || !read_int(t, 14, 2, mi) || t[16] != ':' ||
      !read_int(t, 17, 2, s) || mo < 1 || mo > 12 || d < 1 || d > 31) {
    return std::nullopt;
  }
  double ms = static_cast<double>(days_from_civil(y, mo, d)) * 86400000.0 +
              (h * 3600.0 + mi * 60.0 + s) * 1000.0;
  std::size_t i = 19;
  if (i < t.size() && t[i] == '.') {
    double scale = 100.0;
    for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, scale /= 10) ms += (t[i] - '0') * scale;
  }
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
    int oh = 0, om = 0;
    const bool colon = i + 3 < t.size() && t[i + 3] == ':';
    if (!read_int(t, i + 1, 2, oh) || !read_int(t, i + (colon ? 4 : 3), 2, om)) return std::nullopt;
    const double offset = (oh * 60.0 + om) * 60000.0;
    ms += t[i] == '+' ? -offset : offset;
    i += colon ? 6 : 5;
  } else if (i < t.size() && (t[i] == 'Z' || t[i] == 'z')) {
    ++i;
  }
  if (i != t.size()) return std::nullopt;
  return ms;
}

}  // namespace axis::plugins::agent_replay
