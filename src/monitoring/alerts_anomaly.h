// Anomaly checks on one metric's trend series (spec data.md §2.5): the z-score of the last
// point against the lookback window, its deviation from the moving average of the points before
// it, and its change from the previous point. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "monitoring/monitoring_config.h"

namespace axis::monitoring {

struct AnomalyCheck {
  std::size_t points = 0;
  bool checked = false;  // enough points (min_data_points) to check at all
  // z-score: (last − mean) / population std over the last lookback_window points (0 = all),
  // the last point included. Unset when the rule is off, the metric is not selected, or the
  // window's std is 0 (below 1e-9 of max(1, |mean|), so rounding noise counts as 0).
  std::optional<double> z_score;
  bool z_fired = false;  // |z| > threshold
  // Mean of the min(window_size, points − 1) points before the last, and last − that mean.
  std::optional<double> moving_average, moving_average_deviation;
  std::size_t moving_average_window = 0;
  bool moving_average_fired = false;  // |deviation| > deviation_threshold
  // last − previous.
  std::optional<double> rate_of_change;
  bool rate_of_change_fired = false;  // |change| > threshold
};

// True when the z-score rule applies to `metric`: its list is empty or names the metric (a
// name also matches the metric's "<name>_score" column).
bool z_score_selects(const ZScoreRule& rule, const std::string& metric);

// Checks `series` (oldest first) with the enabled rules of `config`.
AnomalyCheck check_series(const std::string& metric, const std::vector<double>& series,
                          const AnomalyDetection& config);

}  // namespace axis::monitoring
