#include "analytics/stats.h"

#include <algorithm>
#include <cmath>

namespace axis::analytics::stats {
namespace {

double finite_or_zero(double v) { return std::isfinite(v) ? v : 0.0; }

double sum_squared_deviation(const std::vector<double>& values, double m) {
  double sq = 0;
  for (double v : values) sq += (v - m) * (v - m);
  return sq;
}

// The continued fraction of I_x(a, b), evaluated as 1 + CF by the modified Lentz method so
// that the first partial numerator (1) needs no special start.
double beta_continued_fraction(double a, double b, double x) {
  constexpr double tiny = 1e-300;
  constexpr double epsilon = 1e-15;
  double f = 1.0;
  double c = 1.0;
  double d = 0.0;
  for (int i = 0; i <= 400; ++i) {
    const double m = i / 2;
    double numerator;
    if (i == 0) {
      numerator = 1.0;
    } else if (i % 2 == 0) {
      numerator = (m * (b - m) * x) / ((a + 2.0 * m - 1.0) * (a + 2.0 * m));
    } else {
      numerator = -((a + m) * (a + b + m) * x) / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
    }
    d = 1.0 + numerator * d;
    if (std::fabs(d) < tiny) d = tiny;
    d = 1.0 / d;
    c = 1.0 + numerator / c;
    if (std::fabs(c) < tiny) c = tiny;
    const double delta = c * d;
    f *= delta;
    if (std::fabs(1.0 - delta) < epsilon) break;
  }
  return f - 1.0;
}

}  // namespace

double mean(const std::vector<double>& values) {
  if (values.empty()) return 0.0;
  double sum = 0;
  for (double v : values) sum += v;
  return finite_or_zero(sum / static_cast<double>(values.size()));
}

double sample_std(const std::vector<double>& values) {
  if (values.size() < 2) return 0.0;
  const double sq = sum_squared_deviation(values, mean(values));
  return finite_or_zero(std::sqrt(sq / static_cast<double>(values.size() - 1)));
}

double population_std(const std::vector<double>& values) {
  if (values.empty()) return 0.0;
  const double sq = sum_squared_deviation(values, mean(values));
  return finite_or_zero(std::sqrt(sq / static_cast<double>(values.size())));
}

double quantile_linear(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0.0;
  const double pos = static_cast<double>(sorted.size() - 1) * q;
  const auto lower = static_cast<std::size_t>(std::floor(pos));
  const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
  const double frac = pos - static_cast<double>(lower);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * frac;
}

double quantile_at_rank(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0.0;
  auto index = static_cast<std::size_t>(std::floor(q * static_cast<double>(sorted.size())));
  return sorted[std::min(index, sorted.size() - 1)];
}

int score_bin5(double score) {
  if (!(score > 0)) return 0;
  return static_cast<int>(std::min(std::floor(score * 5.0), 4.0));
}

double score_bin_threshold(int bin) {
  double s = bin / 5.0;
  while (std::floor(std::nextafter(s, -1.0) * 5.0) >= bin) s = std::nextafter(s, -1.0);
  while (std::floor(s * 5.0) < bin) s = std::nextafter(s, 2.0);
  return s;
}

std::vector<double> histogram_edges(double lo, double hi, int bins) {
  if (bins < 1) bins = 1;
  if (lo == hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const double step = (hi - lo) / bins;
  std::vector<double> edges(static_cast<std::size_t>(bins) + 1);
  for (int i = 0; i < bins; ++i) edges[static_cast<std::size_t>(i)] = lo + i * step;
  edges.back() = hi;
  return edges;
}

int histogram_bin(double value, const std::vector<double>& edges) {
  const int bins = static_cast<int>(edges.size()) - 1;
  const double lo = edges.front();
  const double hi = edges.back();
  int i = static_cast<int>(std::floor((value - lo) * (bins / (hi - lo))));
  i = std::clamp(i, 0, bins - 1);
  // The float estimate can land one bin off near an edge; the edges decide.
  if (i > 0 && value < edges[static_cast<std::size_t>(i)]) --i;
  else if (i < bins - 1 && value >= edges[static_cast<std::size_t>(i) + 1]) ++i;
  return i;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = std::min(x.size(), y.size());
  if (n < 2) return 0.0;
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= static_cast<double>(n);
  my /= static_cast<double>(n);
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx <= 0 || syy <= 0) return 0.0;
  return finite_or_zero(std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0));
}

double incomplete_beta(double a, double b, double x) {
  if (!(x > 0)) return 0.0;
  if (!(x < 1)) return 1.0;
  if (x > (a + 1.0) / (a + b + 2.0)) return 1.0 - incomplete_beta(b, a, 1.0 - x);
  const double log_front =
      a * std::log(x) + b * std::log1p(-x) - (std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b));
  return std::clamp(std::exp(log_front) / a * beta_continued_fraction(a, b, x), 0.0, 1.0);
}

double two_sided_p(double t, double df) {
  if (!std::isfinite(t) || !(df > 0)) return 1.0;
  if (t == 0) return 1.0;
  if (df > 100) return std::clamp(std::erfc(std::fabs(t) / std::sqrt(2.0)), 0.0, 1.0);
  return incomplete_beta(df / 2.0, 0.5, df / (df + t * t));
}

WelchResult welch_test(const SampleStats& baseline, const SampleStats& challenger) {
  if (baseline.n < 2 || challenger.n < 2) return {};
  const double vb = baseline.std * baseline.std / static_cast<double>(baseline.n);
  const double vc = challenger.std * challenger.std / static_cast<double>(challenger.n);
  const double se = std::sqrt(vb + vc);
  if (!(se > 0) || !std::isfinite(se)) return {};
  WelchResult r;
  r.t = finite_or_zero((challenger.mean - baseline.mean) / se);
  const double denominator = vb * vb / static_cast<double>(baseline.n - 1) +
                             vc * vc / static_cast<double>(challenger.n - 1);
  r.df = denominator > 0 ? finite_or_zero((vb + vc) * (vb + vc) / denominator) : 0.0;
  r.p = two_sided_p(r.t, r.df);
  return r;
}

double cohens_d(const SampleStats& baseline, const SampleStats& challenger) {
  const std::int64_t n = baseline.n + challenger.n;
  if (n < 3) return 0.0;
  const auto dof = [](const SampleStats& s) {
    return static_cast<double>(std::max<std::int64_t>(s.n - 1, 0));
  };
  const double pooled = (dof(challenger) * challenger.std * challenger.std +
                         dof(baseline) * baseline.std * baseline.std) /
                        static_cast<double>(n - 2);
  if (!(pooled > 0)) return 0.0;
  return finite_or_zero((challenger.mean - baseline.mean) / std::sqrt(pooled));
}

}  // namespace axis::analytics::stats
