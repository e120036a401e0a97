// /api/kpi views (api/kpi_routes.cpp over kpi/kpi_service.h).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {

Components kpi_schemas() {
  Components c;
  c.add("KpiSparkPoint", object({{"date", str()}, {"value", number()}}));
  c.add("KpiCard", object({{"kpi_name", str()},
                           {"display_name", str()},
                           {"current_value", number()},
                           {"card_display_value", one_of({"latest", "avg_7d", "avg_30d"})},
                           {"trend_direction", one_of({"up", "down", "flat"})},
                           {"polarity", one_of({"higher_better", "lower_better"})},
                           {"sparkline", described(array_of(ref("KpiSparkPoint")), "The last 30 daily values")},
                           {"unit", one_of({"percent", "seconds", "count", "score"})},
                           {"record_count", integer()}}));
  c.add("KpiPanel", object({{"category", str()},
                            {"display_name", str()},
                            {"icon", str()},
                            {"kpis", array_of(ref("KpiCard"))}}));
  c.add("KpiCategoriesReply",
        object({{"success", boolean()},
                {"categories", array_of(ref("KpiPanel"))},
                {"date_range", object({{"min_date", nullable(str())}, {"max_date", nullable(str())}})}}));
  c.add("KpiTrendPoint", object({{"date", str()}, {"kpi_name", str()}, {"value", number()},
                                 {"avg_7d", number()}, {"avg_30d", number()}, {"count", integer()}}));
  c.add("KpiTrendsReply", object({{"success", boolean()},
                                  {"data", array_of(ref("KpiTrendPoint"))},
                                  {"kpi_names", array_of(str())},
                                  {"trend_lines", array_of(str())}}));
  c.add("CompositionKpi", object({{"kpi_name", str()}, {"label", str()}, {"color", str()}}));
  c.add("CompositionChart", object({{"title", str()},
                                    {"kpis", array_of(ref("CompositionKpi"))},
                                    {"show_remainder", boolean()},
                                    {"remainder_label", str()},
                                    {"remainder_color", str()}}));
  c.add("KpiFiltersReply", object({{"success", boolean()},
                                   {"source_names", array_of(str())},
                                   {"environments", array_of(str())},
                                   {"kpi_categories", array_of(str())},
                                   {"kpi_names", array_of(str())},
                                   {"source_types", array_of(str())},
                                   {"segments", array_of(str())},
                                   {"kpi_order", described(array_of(str()),
                                                           "The visible KPIs in configured order (empty: all)")},
                                   {"composition_charts", array_of(ref("CompositionChart"))}}));
  return c;
}

}  // namespace axis::api::schema
