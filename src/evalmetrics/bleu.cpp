#include "evalmetrics/bleu.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "evalmetrics/rounding.h"
#include "evalmetrics/unicode_text.h"

namespace axis::evalmetrics {

namespace {

using Tokens = std::vector<std::u32string>;
using Counts = std::map<std::vector<std::u32string>, std::size_t>;

// Python's str.isspace() for the characters str.split() splits at.
bool is_python_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

Tokens lower_tokens(std::string_view text) {
  std::u32string lowered;
  lower_utf8_into(text, lowered);
  Tokens tokens;
  std::u32string current;
  for (char32_t c : lowered) {
    if (is_python_space(c)) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

Counts ngram_counts(const Tokens& tokens, std::size_t n) {
  Counts counts;
  for (std::size_t i = 0; i + n <= tokens.size(); ++i)
    ++counts[Tokens(tokens.begin() + static_cast<std::ptrdiff_t>(i),
                    tokens.begin() + static_cast<std::ptrdiff_t>(i + n))];
  return counts;
}

}  // namespace

double sentence_bleu(std::string_view candidate, std::string_view reference) {
  const Tokens cand = lower_tokens(candidate);
  const Tokens ref = lower_tokens(reference);
  if (cand.size() < 4) return 0.0;
  double log_sum = 0;
  for (std::size_t n = 1; n <= 4; ++n) {
    const Counts cand_counts = ngram_counts(cand, n);
    const Counts ref_counts = ngram_counts(ref, n);
    std::size_t clipped = 0;
    for (const auto& [gram, count] : cand_counts) {
      const auto it = ref_counts.find(gram);
      if (it != ref_counts.end()) clipped += std::min(count, it->second);
    }
    const std::size_t total = cand.size() + 1 - n;
    log_sum += std::log((static_cast<double>(clipped) + 1) / (static_cast<double>(total) + 1));
  }
  const double c = static_cast<double>(cand.size());
  const double r = static_cast<double>(ref.size());
  const double brevity = c > r ? 1.0 : std::exp(1 - r / c);
  return round_places(brevity * std::exp(log_sum / 4), 4);
}

}  // namespace axis::evalmetrics
