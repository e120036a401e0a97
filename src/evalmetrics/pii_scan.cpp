#include "evalmetrics/pii_scan.h"

#include <regex>

namespace axis::evalmetrics {

namespace {

// Runs of digits must not continue into more digits on either side.
const char* const kNoDigitBefore = "(?:^|[^0-9.])";

struct Pattern {
  const char* kind;
  std::regex regex;
  bool luhn;  // the match's digits must pass the Luhn check
};

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> all = [] {
    const auto make = [](const std::string& body) {
      return std::regex(std::string(kNoDigitBefore) + "(" + body + ")(?![0-9]|\\.[0-9])",
                        std::regex::ECMAScript | std::regex::optimize);
    };
    return std::vector<Pattern>{
        {"email",
         std::regex("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}",
                    std::regex::ECMAScript | std::regex::optimize),
         false},
        {"credit card", make("[0-9](?:[ -]?[0-9]){12,18}"), true},
        {"ssn", make("(?!000|666|9[0-9]{2})[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}"), false},
        {"ip address",
         make("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
              "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"),
         false},
        {"phone number",
         make("(?:\\+[0-9]{1,3}[ .-]?)?(?:\\([0-9]{3}\\)[ .-]?|[0-9]{3}[ .-])[0-9]{3}[ .-][0-9]{4}"),
         false},
    };
  }();
  return all;
}

std::string digits_of(const std::string& text) {
  std::string digits;
  for (char c : text)
    if (c >= '0' && c <= '9') digits.push_back(c);
  return digits;
}

}  // namespace

bool luhn_valid(std::string_view digits) {
  if (digits.empty()) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (*it < '0' || *it > '9') return false;
    int d = *it - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

std::vector<std::string> find_pii(std::string_view input) {
  std::string text(input);
  std::vector<std::string> kinds;
  for (const Pattern& pattern : patterns()) {
    bool found = false;
    std::string blanked = text;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern.regex);
         it != std::sregex_iterator(); ++it) {
      // Group 1 is the value itself (group 0 may include the character before it).
      const std::size_t group = it->size() > 1 && (*it)[1].matched ? 1 : 0;
      const std::string value = (*it)[group].str();
      if (pattern.luhn && !luhn_valid(digits_of(value))) continue;
      found = true;
      blanked.replace(static_cast<std::size_t>(it->position(group)), value.size(),
                      std::string(value.size(), ' '));
    }
    if (found) kinds.emplace_back(pattern.kind);
    text = std::move(blanked);
  }
  return kinds;
}

}  // namespace axis::evalmetrics
