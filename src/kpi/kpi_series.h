// Daily KPI series (spec/data.md §2.6): one value per (KPI, UTC day) — the SUM of the day's
// values for KPIs whose unit is `count`, else their mean — with rolling means over the last 7
// and 30 daily rows (a row window: days without data are not filled in).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kpi/kpi_rows.h"

namespace axis::store { class Connection; }

namespace axis::kpi {

struct DailyPoint {
  std::string date;  // YYYY-MM-DD (UTC)
  double value = 0;
  double avg_7d = 0;   // mean of this and the 6 previous daily values
  double avg_30d = 0;  // mean of this and the 29 previous daily values
  std::int64_t count = 0;  // rows that day
};

struct KpiSeries {
  std::string kpi_name;
  std::vector<DailyPoint> points;  // oldest first
};

// Which KPIs' days are summed rather than averaged: the ones named in `summed`, plus every KPI
// not named in `averaged` when `sum_others`.
struct DailyRule {
  std::vector<std::string> summed, averaged;
  bool sum_others = false;
};

// The series of every KPI in `rows`, by kpi_name. With `last`, only each KPI's last `last`
// points (the rolling means still see the earlier days).
std::vector<KpiSeries> daily_series(store::Connection& conn, const RowsQuery& rows,
                                    const DailyRule& rule, std::optional<int> last = std::nullopt);

// "up" when (avg_7d − avg_30d) / |avg_30d| > 0.05, "down" when < −0.05, else "flat" (also for
// an avg_30d of 0).
std::string trend_direction(double avg_7d, double avg_30d);

}  // namespace axis::kpi
