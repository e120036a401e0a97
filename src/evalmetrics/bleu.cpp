#include "evalmetrics/bleu.h"

#include <algorithm>
#include <cmath>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <string>
#include <vector>

#include "evalmetrics/rounding.h"
#include "evalmetrics/unicode_text.h"
#include "util/utf8.h"

namespace axis::evalmetrics {

namespace {

using Tokens = std::vector<std::u32string>;


Tokens lower_tokens(std::string_view text) {
  std::u32string lowered;
  lower_utf8_into(text, lowered);
  Tokens tokens;
  std::u32string current;
  for (char32_t c : lowered) {
    if (util::is_python_space(c)) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

// Tokens as small integers (equal tokens, equal ids), so an n-gram is four integers.
using Gram = std::array<std::uint32_t, 4>;

std::vector<std::uint32_t> token_ids(const Tokens& tokens,
                                     std::unordered_map<std::u32string, std::uint32_t>& ids) {
  std::vector<std::uint32_t> out;
  out.reserve(tokens.size());
  for (const auto& token : tokens)
    out.push_back(ids.emplace(token, static_cast<std::uint32_t>(ids.size() + 1)).first->second);
  return out;
}

// The n-grams of `ids`, sorted, so equal n-grams are neighbours.
std::vector<Gram> sorted_grams(const std::vector<std::uint32_t>& ids, std::size_t n) {
  std::vector<Gram> grams;
  if (ids.size() < n) return grams;
  grams.reserve(ids.size() + 1 - n);
  for (std::size_t i = 0; i + n <= ids.size(); ++i) {
    Gram g{};
    for (std::size_t k = 0; k < n; ++k) g[k] = ids[i + k];
    grams.push_back(g);
  }
  std::sort(grams.begin(), grams.end());
  return grams;
}

// Σ over distinct n-grams of min(count in candidate, count in reference).
std::size_t clipped_matches(const std::vector<Gram>& cand, const std::vector<Gram>& ref) {
  std::size_t clipped = 0, i = 0, j = 0;
  while (i < cand.size() && j < ref.size()) {
    if (cand[i] < ref[j]) {
      ++i;
    } else if (ref[j] < cand[i]) {
      ++j;
    } else {
      const Gram g = cand[i];
      std::size_t a = 0, b = 0;
      while (i < cand.size() && cand[i] == g) ++i, ++a;
      while (j < ref.size() && ref[j] == g) ++j, ++b;
      clipped += std::min(a, b);
    }
  }
  return clipped;
}

}  // namespace

double sentence_bleu(std::string_view candidate, std::string_view reference) {
  const Tokens cand = lower_tokens(candidate);
  const Tokens ref = lower_tokens(reference);
  if (cand.size() < 4) return 0.0;
  std::unordered_map<std::u32string, std::uint32_t> ids;
  const auto cand_ids = token_ids(cand, ids);
  const auto ref_ids = token_ids(ref, ids);
  double log_sum = 0;
  for (std::size_t n = 1; n <= 4; ++n) {
    const std::size_t clipped = clipped_matches(sorted_grams(cand_ids, n), sorted_grams(ref_ids, n));
    const std::size_t total = cand.size() + 1 - n;
    log_sum += std::log((static_cast<double>(clipped) + 1) / (static_cast<double>(total) + 1));
  }
  const double c = static_cast<double>(cand.size());
  const double r = static_cast<double>(ref.size());
  const double brevity = c > r ? 1.0 : std::exp(1 - r / c);
  return round_places(brevity * std::exp(log_sum / 4), 4);
}

}  // namespace axis::evalmetrics
