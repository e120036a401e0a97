#include "evalmetrics/citation_scan.h"

#include <regex>
#include <string>
#include <utility>

namespace axis::evalmetrics {

namespace {

const std::vector<std::pair<const char*, std::regex>>& citation_patterns() {
  static const std::vector<std::pair<const char*, std::regex>> all = [] {
    const auto flags = std::regex::ECMAScript | std::regex::optimize;
    const auto icase = flags | std::regex::icase;
    return std::vector<std::pair<const char*, std::regex>>{
        {"numbered marker", std::regex("\\[[0-9]+(?:\\s*[,\\-]\\s*[0-9]+)*\\]", flags)},
        {"url", std::regex("https?://[^\\s]|\\bwww\\.[A-Za-z0-9-]+\\.[A-Za-z]", icase)},
        {"source label", std::regex("\\bsources?\\s*:", icase)},
        {"attribution", std::regex("\\baccording\\s+to\\s+\\S", icase)},
    };
  }();
  return all;
}

}  // namespace

std::vector<std::string> find_citations(std::string_view input) {
  const std::string text(input);
  std::vector<std::string> kinds;
  for (const auto& [kind, regex] : citation_patterns())
    if (std::regex_search(text, regex)) kinds.emplace_back(kind);
  return kinds;
}

}  // namespace axis::evalmetrics
