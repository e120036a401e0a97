// KpiService: the three KPI views of spec/data.md §2.6 — category panels of KPI cards, daily
// trends and the filter options — computed in SQL over the stored KPI dataset and shaped by the
// kpi_db display options. With no KPI dataset every view is empty (never a 404). Thread-safe;
// every call blocks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kpi/kpi_config.h"
#include "kpi/kpi_rows.h"
#include "kpi/kpi_series.h"

namespace axis::datasets { class DatasetCatalog; }

namespace axis::kpi {

struct SparkPoint {
  std::string date;
  double value = 0;
};

struct KpiCard {
  std::string kpi_name, display_name;
  double current_value = 0;
  std::string card_display_value, trend_direction, polarity, unit;
  std::vector<SparkPoint> sparkline;  // the last 30 daily values
  std::int64_t record_count = 0;
};

struct KpiPanel {
  std::string category, display_name, icon;
  std::vector<KpiCard> kpis;
};

struct KpiCategories {
  std::vector<KpiPanel> panels;
  std::optional<std::string> min_date, max_date;  // YYYY-MM-DD of the rows in view
};

struct TrendPoint {
  std::string date, kpi_name;
  double value = 0, avg_7d = 0, avg_30d = 0;
  std::int64_t count = 0;
};

struct KpiTrends {
  std::vector<TrendPoint> data;
  std::vector<std::string> kpi_names, trend_lines;
};

struct KpiFilterOptions {
  std::vector<std::string> source_names, environments, kpi_categories, kpi_names, source_types,
      segments;
  std::vector<std::string> kpi_order;  // the visible KPIs in configured order (empty = all)
  std::vector<CompositionChart> composition_charts;
};

// The panel KPIs whose rows have no kpi_category go to.
inline constexpr const char* kUncategorized = "uncategorized";

class KpiService {
 public:
  KpiService(const datasets::DatasetCatalog& catalog, const KpiConfig& config)
      : catalog_(catalog), config_(config) {}

  // Throws HttpError 404 for an unknown dataset_id, 422/400 for bad time bounds.
  KpiCategories categories(const KpiFilters& filters) const;
  KpiTrends trends(const KpiFilters& filters) const;
  KpiFilterOptions filter_options(const KpiFilters& filters) const;

 private:
  // filters.kpi_names, else the KPIs visible for filters.source_name.
  std::vector<std::string> kpis_in_view(const KpiFilters& filters) const;
  DailyRule daily_rule(const std::optional<std::string>& source) const;

  const datasets::DatasetCatalog& catalog_;
  const KpiConfig& config_;
};

}  // namespace axis::kpi
