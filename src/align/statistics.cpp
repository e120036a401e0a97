#include "align/statistics.h"

#include <algorithm>
#include <cmath>

namespace axis::align {
namespace {

double ratio(std::int64_t num, std::int64_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

// The value of 1-based nearest rank ⌈q·R⌉ of sorted values.
double nearest_rank(const std::vector<double>& sorted, double q) {
  const auto r = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size()) - 1e-9));
  return sorted[std::clamp<std::size_t>(r, 1, sorted.size()) - 1];
}

void add_pair(ConfusionCounts& c, int human, int judge) {
  const bool h = human != 0, l = judge != 0;
  if (h && l) ++c.tp;
  else if (!h && !l) ++c.tn;
  else if (!h && l) ++c.fp;
  else ++c.fn;
}

}  // namespace

std::uint64_t SplitMix64::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

ConfusionCounts count_pairs(const std::vector<int>& human, const std::vector<int>& judge) {
  ConfusionCounts c;
  const std::size_t n = std::min(human.size(), judge.size());
  for (std::size_t i = 0; i < n; ++i) {
    add_pair(c, human[i], judge[i]);
  }
  return c;
}

double cohens_kappa(const ConfusionCounts& c) {
  const std::int64_t n = c.total();
  if (n == 0) return 0.0;
  // Scaled by n²: p_o·n² = n·(TP+TN), p_e·n² = h1·l1 + h0·l0.
  const std::int64_t h1 = c.tp + c.fn, h0 = c.tn + c.fp, l1 = c.tp + c.fp, l0 = c.tn + c.fn;
  const std::int64_t observed = n * (c.tp + c.tn);
  const std::int64_t expected = h1 * l1 + h0 * l0;
  const std::int64_t all = n * n;
  if (expected == all) return observed == all ? 1.0 : 0.0;
  return static_cast<double>(observed - expected) / static_cast<double>(all - expected);
}

double f1_score(const ConfusionCounts& c) {
  const double p = ratio(c.tp, c.tp + c.fp), r = ratio(c.tp, c.tp + c.fn);
  return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
}

AlignmentMetrics point_metrics(const ConfusionCounts& c) {
  AlignmentMetrics m;
  m.counts = c;
  m.accuracy = ratio(c.tp + c.tn, c.total());
  m.precision = ratio(c.tp, c.tp + c.fp);
  m.recall = ratio(c.tp, c.tp + c.fn);
  m.specificity = ratio(c.tn, c.tn + c.fp);
  m.f1_score = f1_score(c);
  m.cohens_kappa = cohens_kappa(c);
  return m;
}

std::optional<ConfidenceIntervals> bootstrap_intervals(const std::vector<int>& human,
                                                       const std::vector<int>& judge, int resamples,
                                                       std::uint64_t seed) {
  const std::size_t n = std::min(human.size(), judge.size());
  if (n == 0 || resamples <= 0) return std::nullopt;
  SplitMix64 rng(seed);
  std::vector<double> kappas, f1s;
  kappas.reserve(static_cast<std::size_t>(resamples));
  f1s.reserve(static_cast<std::size_t>(resamples));
  for (int r = 0; r < resamples; ++r) {
    ConfusionCounts c;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t k = rng.below(n);
      add_pair(c, human[k], judge[k]);
    }
    kappas.push_back(cohens_kappa(c));
    f1s.push_back(f1_score(c));
  }
  std::sort(kappas.begin(), kappas.end());
  std::sort(f1s.begin(), f1s.end());
  ConfidenceIntervals out;
  out.cohens_kappa = {nearest_rank(kappas, 0.025), nearest_rank(kappas, 0.975)};
  out.f1_score = {nearest_rank(f1s, 0.025), nearest_rank(f1s, 0.975)};
  out.resamples = resamples;
  out.seed = seed;
  return out;
}

AlignmentMetrics alignment_metrics(const std::vector<int>& human, const std::vector<int>& judge) {
  AlignmentMetrics m = point_metrics(count_pairs(human, judge));
  m.intervals = bootstrap_intervals(human, judge);
  return m;
}

AlignmentMetrics alignment_metrics(const std::vector<AlignmentResult>& results) {
  std::vector<int> human, judge;
  for (const auto& r : results) {
    human.push_back(r.human_score);
    judge.push_back(r.llm_score);
  }
  return alignment_metrics(human, judge);
}

double round4(double value) {
  if (!std::isfinite(value)) return 0.0;
  return std::round(value * 10000.0) / 10000.0;
}

}  // namespace axis::align
