#include "evalmetrics/citation_scan.h"

#include <cstddef>
#include <string>

namespace axis::evalmetrics {

// Hand-written checks rather than std::regex, whose recursion overflows the stack on long texts.

namespace {

bool cite_is_digit(char c) { return c >= '0' && c <= '9'; }
bool cite_is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool cite_is_word(char c) { return cite_is_alpha(c) || cite_is_digit(c) || c == '_'; }
bool cite_is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
char cite_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// `word` (lower case) at i, any case, starting a word.
bool word_at(std::string_view t, std::size_t i, std::string_view word) {
  if (i + word.size() > t.size() || (i > 0 && cite_is_word(t[i - 1]))) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (cite_lower(t[i + k]) != word[k]) return false;
  return true;
}

std::size_t skip_spaces(std::string_view t, std::size_t i) {
  while (i < t.size() && cite_is_space(t[i])) ++i;
  return i;
}

// [1], [12], [1, 2], [1-3]: digits, then (spaces, ',' or '-', spaces, digits)*, then ']'.
bool marker_at(std::string_view t, std::size_t i) {
  std::size_t at = i + 1;
  for (;;) {
    const std::size_t start = at;
    while (at < t.size() && cite_is_digit(t[at])) ++at;
    if (at == start) return false;
    at = skip_spaces(t, at);
    if (at < t.size() && t[at] == ']') return true;
    if (at >= t.size() || (t[at] != ',' && t[at] != '-')) return false;
    at = skip_spaces(t, at + 1);
  }
}

bool url_at(std::string_view t, std::size_t i) {
  for (std::string_view scheme : {std::string_view("http://"), std::string_view("https://")}) {
    bool same = i + scheme.size() < t.size();
    for (std::size_t k = 0; same && k < scheme.size(); ++k) same = cite_lower(t[i + k]) == scheme[k];
    if (same && !cite_is_space(t[i + scheme.size()])) return true;
  }
  if (!word_at(t, i, "www.")) return false;
  std::size_t at = i + 4;
  const std::size_t name = at;
  while (at < t.size() && (cite_is_alpha(t[at]) || cite_is_digit(t[at]) || t[at] == '-')) ++at;
  return at > name && at + 1 < t.size() && t[at] == '.' && cite_is_alpha(t[at + 1]);
}

bool source_label_at(std::string_view t, std::size_t i) {
  if (!word_at(t, i, "source")) return false;
  std::size_t at = i + 6;
  if (at < t.size() && cite_lower(t[at]) == 's') ++at;
  at = skip_spaces(t, at);
  return at < t.size() && t[at] == ':';
}

bool attribution_at(std::string_view t, std::size_t i) {
  if (!word_at(t, i, "according")) return false;
  std::size_t at = skip_spaces(t, i + 9);
  if (at == i + 9 || at + 2 > t.size() || cite_lower(t[at]) != 't' || cite_lower(t[at + 1]) != 'o')
    return false;
  const std::size_t after_to = at + 2;
  at = skip_spaces(t, after_to);
  return at > after_to && at < t.size();
}

}  // namespace

std::vector<std::string> find_citations(std::string_view text) {
  bool marker = false, url = false, label = false, attribution = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = cite_lower(text[i]);
    if (c == '[' && !marker) marker = marker_at(text, i);
    if ((c == 'h' || c == 'w') && !url) url = url_at(text, i);
    if (c == 's' && !label) label = source_label_at(text, i);
    if (c == 'a' && !attribution) attribution = attribution_at(text, i);
  }
  std::vector<std::string> kinds;
  if (marker) kinds.emplace_back("numbered marker");
  if (url) kinds.emplace_back("url");
  if (label) kinds.emplace_back("source label");
  if (attribution) kinds.emplace_back("attribution");
  return kinds;
}

}  // namespace axis::evalmetrics
