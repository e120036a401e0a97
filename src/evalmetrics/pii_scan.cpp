#include "evalmetrics/pii_scan.h"

#include <cstddef>
#include <functional>
#include <utility>

namespace axis::evalmetrics {

// Hand-written scanners rather than std::regex: libstdc++'s regex recurses once per character
// it repeats over and overflows the stack on long texts, and a response may be megabytes long.
// Every scanner looks at most a few dozen characters ahead of its start, so a scan is linear.

namespace {

constexpr std::size_t kNone = std::string::npos;

bool is_digit(const std::string& t, std::size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_label_char(char c) { return is_alpha(c) || (c >= '0' && c <= '9') || c == '-'; }
bool is_local_char(char c) {
  return is_label_char(c) || c == '.' || c == '_' || c == '%' || c == '+';
}
bool is_group_separator(const std::string& t, std::size_t i) {
  return i < t.size() && (t[i] == ' ' || t[i] == '.' || t[i] == '-');
}

// A digit run may start at i: no digit or '.' right before it.
bool may_start(const std::string& t, std::size_t i) {
  return i == 0 || !(is_digit(t, i - 1) || t[i - 1] == '.');
}

// A digit run may end before i: no digit, and no '.' followed by a digit, right after it.
bool may_end(const std::string& t, std::size_t i) {
  return !is_digit(t, i) && !(i < t.size() && t[i] == '.' && is_digit(t, i + 1));
}

// Exactly n digits from i: the position after them, or kNone.
std::size_t digits(const std::string& t, std::size_t i, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k)
    if (!is_digit(t, i + k)) return kNone;
  return i + n;
}

std::size_t card_end(const std::string& t, std::size_t i) {
  // Up to 19 digits, single spaces or dashes between them; the longest run of 13+ that may end
  // there, and whose digits pass the Luhn check.
  std::string seen;
  std::size_t best = kNone;
  std::string best_digits;
  std::size_t at = i;
  while (seen.size() < 19 && is_digit(t, at)) {
    seen.push_back(t[at]);
    ++at;
    if (seen.size() >= 13 && may_end(t, at)) best = at, best_digits = seen;
    if (at < t.size() && (t[at] == ' ' || t[at] == '-') && is_digit(t, at + 1)) ++at;
  }
  return best != kNone && luhn_valid(best_digits) ? best : kNone;
}

std::size_t ssn_end(const std::string& t, std::size_t i) {
  const std::size_t area = digits(t, i, 3);
  if (area == kNone || t[area] != '-') return kNone;
  const std::size_t group = digits(t, area + 1, 2);
  if (group == kNone || group >= t.size() || t[group] != '-') return kNone;
  const std::size_t serial = digits(t, group + 1, 4);
  if (serial == kNone || !may_end(t, serial)) return kNone;
  const std::string a = t.substr(i, 3);
  if (a == "000" || a == "666" || a[0] == '9') return kNone;
  if (t.compare(area + 1, 2, "00") == 0 || t.compare(group + 1, 4, "0000") == 0) return kNone;
  return serial;
}

std::size_t ip_end(const std::string& t, std::size_t i) {
  std::size_t at = i;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (at >= t.size() || t[at] != '.') return kNone;
      ++at;
    }
    std::size_t len = 0;
    while (len < 4 && is_digit(t, at + len)) ++len;
    if (len == 0 || len > 3 || (len > 1 && t[at] == '0')) return kNone;
    if (std::stoi(t.substr(at, len)) > 255) return kNone;
    at += len;
  }
  return may_end(t, at) ? at : kNone;
}

// ddd or (ddd), then a separator (optional after the parenthesis), then ddd, sep, dddd.
std::size_t local_phone_end(const std::string& t, std::size_t i) {
  std::size_t at = kNone;
  if (i < t.size() && t[i] == '(') {
    at = digits(t, i + 1, 3);
    if (at == kNone || at >= t.size() || t[at] != ')') return kNone;
    ++at;
    if (is_group_separator(t, at) && is_digit(t, at + 1)) ++at;
  } else {
    at = digits(t, i, 3);
    if (at == kNone || !is_group_separator(t, at)) return kNone;
    ++at;
  }
  at = digits(t, at, 3);
  if (at == kNone || !is_group_separator(t, at)) return kNone;
  at = digits(t, at + 1, 4);
  return at != kNone && may_end(t, at) ? at : kNone;
}

std::size_t phone_end(const std::string& t, std::size_t i) {
  if (i < t.size() && t[i] == '+') {  // +country code of 1-3 digits, then an optional separator
    for (std::size_t n = 1; n <= 3 && is_digit(t, i + n); ++n) {
      const std::size_t after = i + 1 + n;
      if (is_group_separator(t, after)) {
        if (const std::size_t end = local_phone_end(t, after + 1); end != kNone) return end;
      }
      if (const std::size_t end = local_phone_end(t, after); end != kNone) return end;
    }
  }
  return local_phone_end(t, i);
}

// name@domain.tld at the '@' at `at`: [start, end) of the address, or start = kNone.
std::pair<std::size_t, std::size_t> email_at(const std::string& t, std::size_t at) {
  std::size_t start = at;
  while (start > 0 && is_local_char(t[start - 1])) --start;
  if (start == at) return {kNone, kNone};
  // Labels after '@'; the address ends after the leading letters of the last label (not the
  // first) that starts with two letters.
  std::size_t pos = at + 1;
  std::size_t end = kNone;
  for (int label = 0;; ++label) {
    const std::size_t label_start = pos;
    while (pos < t.size() && is_label_char(t[pos])) ++pos;
    if (pos == label_start) break;
    if (label > 0 && is_alpha(t[label_start]) && is_alpha(t[label_start + 1])) {
      std::size_t letters = label_start;
      while (letters < t.size() && is_alpha(t[letters])) ++letters;
      end = letters;
    }
    if (pos >= t.size() || t[pos] != '.') break;
    ++pos;
  }
  return end == kNone ? std::pair{kNone, kNone} : std::pair{start, end};
}

void blank(std::string& t, std::size_t from, std::size_t to) {
  for (std::size_t k = from; k < to; ++k) t[k] = ' ';
}

// Runs `end_at` at every position where a digit run (or '+' / '(' for phones) may start;
// blanks each match. True when something matched.
bool scan_numbers(std::string& t, const std::function<std::size_t(const std::string&, std::size_t)>& end_at,
                  bool phone) {
  bool found = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const bool opener = phone && (t[i] == '+' || t[i] == '(');
    if (!(is_digit(t, i) || opener) || !may_start(t, i)) continue;
    const std::size_t end = end_at(t, i);
    if (end == kNone) continue;
    blank(t, i, end);
    found = true;
    i = end - 1;
  }
  return found;
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
  bool email = false;
  for (std::size_t at = text.find('@'); at != kNone; at = text.find('@', at + 1)) {
    const auto [start, end] = email_at(text, at);
    if (start == kNone) continue;
    blank(text, start, end);
    email = true;
  }
  if (email) kinds.emplace_back("email");
  if (scan_numbers(text, card_end, false)) kinds.emplace_back("credit card");
  if (scan_numbers(text, ssn_end, false)) kinds.emplace_back("ssn");
  if (scan_numbers(text, ip_end, false)) kinds.emplace_back("ip address");
  if (scan_numbers(text, phone_end, true)) kinds.emplace_back("phone number");
  return kinds;
}

}  // namespace axis::evalmetrics
