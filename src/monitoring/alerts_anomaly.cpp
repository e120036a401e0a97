#include "monitoring/alerts_anomaly.h"

#include <algorithm>
#include <cmath>

#include "analytics/stats.h"

namespace axis::monitoring {
namespace {

constexpr double kNoSpread = 1e-9;

}  // namespace

bool z_score_selects(const ZScoreRule& rule, const std::string& metric) {
  if (rule.metrics.empty()) return true;
  for (const std::string& name : rule.metrics) {
    if (metric == name || metric == name + "_score") return true;
  }
  return false;
}

AnomalyCheck check_series(const std::string& metric, const std::vector<double>& series,
                          const AnomalyDetection& config) {
  AnomalyCheck out;
  out.points = series.size();
  const std::size_t min_points = static_cast<std::size_t>(std::max(config.min_data_points, 2));
  if (series.size() < min_points) return out;
  out.checked = true;
  const std::size_t n = series.size();
  const double last = series.back();

  const ZScoreRule& z = config.z_score;
  if (z.enabled && z_score_selects(z, metric)) {
    const std::size_t lookback = z.lookback_window > 0
                                     ? std::min<std::size_t>(z.lookback_window, n)
                                     : n;
    const std::vector<double> window(series.end() - static_cast<std::ptrdiff_t>(lookback),
                                     series.end());
    const double mean = analytics::stats::mean(window);
    const double std = analytics::stats::population_std(window);
    // Equal averages can differ in their last bits; such a spread counts as no spread.
    if (std > kNoSpread * std::max(1.0, std::fabs(mean))) {
      out.z_score = (last - mean) / std;
      out.z_fired = std::fabs(*out.z_score) > z.threshold;
    }
  }

  const MovingAverageRule& ma = config.moving_average;
  if (ma.enabled) {
    out.moving_average_window = std::min<std::size_t>(std::max(ma.window_size, 1), n - 1);
    const auto end = series.end() - 1;
    const std::vector<double> before(end - static_cast<std::ptrdiff_t>(out.moving_average_window),
                                     end);
    out.moving_average = analytics::stats::mean(before);
    out.moving_average_deviation = last - *out.moving_average;
    out.moving_average_fired = std::fabs(*out.moving_average_deviation) > ma.deviation_threshold;
  }

  const RateOfChangeRule& roc = config.rate_of_change;
  if (roc.enabled) {
    out.rate_of_change = last - series[n - 2];
    out.rate_of_change_fired = std::fabs(*out.rate_of_change) > roc.threshold;
  }
  return out;
}

}  // namespace axis::monitoring
