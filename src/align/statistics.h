// Agreement between human labels (truth) and a judge's verdicts (prediction), spec/ai.md §4.2,
// and bootstrap confidence intervals for Cohen's κ and F1. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "align/align_types.h"

namespace axis::align {

// The bootstrap's fixed seed ("AXIS" in ASCII), so an interval is the same on every run and
// every platform for the same pairs.
inline constexpr std::uint64_t kBootstrapSeed = 0x41584953;
inline constexpr int kBootstrapResamples = 2000;

// splitmix64 (Steele, Lea, Flood 2014): a tiny generator whose output is fully specified, unlike
// the standard library's distributions.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // An index in [0, n), n > 0: next() mod n (the bias, below n / 2^64, is negligible).
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t state_;
};

// Counts the pairs; `human` and `judge` have the same length, values 0 or 1 (anything else
// counts as 1 when non-zero).
ConfusionCounts count_pairs(const std::vector<int>& human, const std::vector<int>& judge);

// κ = (p_o − p_e) / (1 − p_e) with p_e from the marginal shares; n = 0 → 0; p_e = 1 → 1 when
// p_o = 1, else 0. Computed from integer counts, so p_e = 1 is detected exactly.
double cohens_kappa(const ConfusionCounts& c);
// F1 = 2PR / (P + R); any zero denominator gives 0.
double f1_score(const ConfusionCounts& c);

// Every point statistic of §4.2 from the counts (no intervals).
AlignmentMetrics point_metrics(const ConfusionCounts& c);

// The percentile bootstrap of κ and F1: `resamples` samples of n pairs drawn with replacement
// (index = SplitMix64(seed).below(n), pairs drawn in order, resample after resample); each
// statistic's interval is [v(⌈0.025·R⌉), v(⌈0.975·R⌉)] of its R values sorted ascending
// (1-based nearest rank: the 50th and 1950th of 2,000). nullopt when there are no pairs.
std::optional<ConfidenceIntervals> bootstrap_intervals(const std::vector<int>& human,
                                                       const std::vector<int>& judge,
                                                       int resamples = kBootstrapResamples,
                                                       std::uint64_t seed = kBootstrapSeed);

// point_metrics of the pairs with their bootstrap intervals.
AlignmentMetrics alignment_metrics(const std::vector<int>& human, const std::vector<int>& judge);
AlignmentMetrics alignment_metrics(const std::vector<AlignmentResult>& results);

// `value` rounded to 4 decimal places (half away from zero); NaN and ±inf become 0.
double round4(double value);

}  // namespace axis::align
