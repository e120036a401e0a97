#include "signals/case_fields.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "config/env.h"
#include "signals/signal_cells.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_word(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

// Length of `s` cut to at most `max_chars` UTF-8 characters.
std::string first_chars(std::string_view s, std::size_t max_chars) {
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max_chars) break;
  }
  return std::string(s.substr(0, i));
}

// The label of a "New <word> case: <label>" line starting at `at`, if the pattern is there.
std::optional<std::string> labelled_case_at(std::string_view s, std::size_t at) {
  if (s.substr(at, 3) != "New") return std::nullopt;
  std::size_t i = at + 3;
  const std::size_t space1 = i;
  while (i < s.size() && is_space(s[i])) ++i;
  if (i == space1) return std::nullopt;
  const std::size_t word = i;
  while (i < s.size() && is_word(static_cast<unsigned char>(s[i]))) ++i;
  if (i == word) return std::nullopt;
  const std::size_t space2 = i;
  while (i < s.size() && is_space(s[i])) ++i;
  if (i == space2 || s.substr(i, 5) != "case:") return std::nullopt;
  i += 5;
  while (i < s.size() && is_space(s[i])) ++i;
  const std::size_t eol = s.find('\n', i);
  std::string label = config::detail::trim(s.substr(i, eol == std::string_view::npos ? s.npos : eol - i));
  if (label.empty()) return std::nullopt;
  return label;
}

std::optional<double> number_at(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

}  // namespace

std::string case_label(std::string_view text) {
  for (std::size_t at = text.find("New"); at != std::string_view::npos; at = text.find("New", at + 1)) {
    if (auto label = labelled_case_at(text, at)) return *label;
  }
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find_first_of("\r\n", pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string line = config::detail::trim(text.substr(pos, eol - pos));
    if (!line.empty()) return first_chars(line, 80);
    pos = eol + 1;
  }
  return "Unknown";
}

std::int64_t message_count(const std::optional<std::string>& conversation_stats) {
  if (!conversation_stats) return 0;
  const auto stats = parse_structured(*conversation_stats);
  if (!stats || !stats->is_object()) return 0;
  if (auto turns = number_at(*stats, "turn_count")) return std::llround(*turns);
  const auto user = number_at(*stats, "user_message_count");
  const auto ai = number_at(*stats, "ai_message_count");
  if (!user && !ai) return 0;
  return std::llround(user.value_or(0) + ai.value_or(0));
}

nlohmann::ordered_json conversation_messages(const std::optional<std::string>& conversation) {
  if (!conversation) return Json::array();
  const auto parsed = parse_structured(*conversation);
  if (!parsed || !parsed->is_object()) return Json::array();
  auto it = parsed->find("messages");
  if (it == parsed->end() || !it->is_array()) return Json::array();
  return *it;
}

}  // namespace axis::signals
