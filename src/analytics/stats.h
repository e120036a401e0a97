// Pure statistics used by the evaluation analytics: descriptive helpers for small in-memory
// samples and the two-sample tests of the model comparison (spec/data.md §0, §2.2, §2.3).
// No I/O, no state; every function is thread-safe. Undefined results are 0, never NaN.
#pragma once

#include <cstdint>
#include <vector>

namespace axis::analytics::stats {

// Arithmetic mean; 0 for an empty sample.
double mean(const std::vector<double>& values);
// Sample standard deviation (n−1); 0 when n < 2.
double sample_std(const std::vector<double>& values);
// Population standard deviation (n); 0 for an empty sample.
double population_std(const std::vector<double>& values);

// Linear-interpolation quantile of an ascending sample, position (n−1)·q (pandas, DuckDB
// quantile_cont). 0 for an empty sample.
double quantile_linear(const std::vector<double>& sorted, double q);
// sorted[floor(q·n)] clamped to the last element (the metric tree's p25/p75). 0 when empty.
double quantile_at_rank(const std::vector<double>& sorted, double q);

// The scorecard's 5-bin score histogram: min(floor(s·5), 4), and 0 for negative scores.
int score_bin5(double score);
// The smallest double s with score_bin5(s) ≥ bin (1..4): "s ≥ threshold" in SQL then counts
// exactly the scores floor(s·5) puts at or above that bin.
double score_bin_threshold(int bin);

// Equal-width histogram over [lo, hi] as numpy builds it: bins+1 edges (lo == hi widens the
// range to lo−0.5..hi+0.5), an inner edge belongs to the bin on its right, the last bin is
// closed. histogram_edges returns the edges; histogram_bin the bin of one value inside them.
std::vector<double> histogram_edges(double lo, double hi, int bins);
int histogram_bin(double value, const std::vector<double>& edges);

// Pearson correlation of paired samples (equal length); 0 when fewer than 2 pairs or either
// side is constant.
double pearson(const std::vector<double>& x, const std::vector<double>& y);

// Regularised incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1, by its continued
// fraction (modified Lentz), using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) for convergence.
double incomplete_beta(double a, double b, double x);

// Two-sided p-value of Student's t with df degrees of freedom: I_x(df/2, ½), x = df/(df+t²);
// the normal approximation erfc(|t|/√2) when df > 100. 1 when df ≤ 0.
double two_sided_p(double t, double df);

// What a comparison needs of one side: mean, sample standard deviation and count.
struct SampleStats {
  double mean = 0;
  double std = 0;
  std::int64_t n = 0;
};

struct WelchResult {
  double t = 0;
  double df = 0;
  double p = 1;
};

// Welch's unequal-variance t-test of challenger − baseline. t 0, df 0, p 1 when either side has
// fewer than 2 values or the standard error is 0.
WelchResult welch_test(const SampleStats& baseline, const SampleStats& challenger);

// Cohen's d of challenger − baseline with the pooled standard deviation; 0 when the pooled
// variance is 0 or nB + nC < 3.
double cohens_d(const SampleStats& baseline, const SampleStats& challenger);

}  // namespace axis::analytics::stats
