#include "annotations/annotation_values.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>

namespace axis::annotations {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<double> parse_number(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) {
    s = s.substr(1, s.size() - 2);
  }
  return std::string(trim(s));
}

}  // namespace

NormalizedJudgment normalize_judgment(std::string_view cell) {
  const std::string text = lower(trim(cell));
  if (text == "accept" || text == "true") return {"accept", std::nullopt};
  if (text == "reject" || text == "false") return {"reject", std::nullopt};
  const auto number = parse_number(text);
  if (!number) return {};
  if (*number == 1) return {"accept", std::nullopt};
  if (*number == 0) return {"reject", std::nullopt};
  return {std::nullopt, *number};
}

std::vector<std::string> parse_user_tags(std::string_view cell) {
  std::vector<std::string> tags;
  const std::string_view text = trim(cell);
  const auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_array()) {
    for (const auto& item : parsed) {
      std::string tag = item.is_string() ? item.get<std::string>() : item.dump();
      tag = std::string(trim(tag));
      if (!tag.empty()) tags.push_back(std::move(tag));
    }
    return tags;
  }
  std::string_view list = text;
  if (list.size() >= 2 && list.front() == '[' && list.back() == ']') {
    list = list.substr(1, list.size() - 2);
  }
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto comma = list.find(',', start);
    const auto end = comma == std::string_view::npos ? list.size() : comma;
    std::string tag = unquote(list.substr(start, end - start));
    if (!tag.empty()) tags.push_back(std::move(tag));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return tags;
}

bool parse_flag(std::string_view cell) {
  const std::string text = lower(trim(cell));
  if (text == "true" || text == "yes") return true;
  const auto number = parse_number(text);
  return number && *number == 1;
}

}  // namespace axis::annotations
