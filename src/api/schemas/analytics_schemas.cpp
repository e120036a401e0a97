// /api/analytics: the charts over a stored evaluation dataset or posted rows
// (api/analytics_routes.cpp; both paths fill analytics/analytics_results.h).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {

Components analytics_schemas() {
  Components c;
  c.add("MetricSummary", object({{"metric_name", str()}, {"mean", number()}, {"std", number()},
                                 {"min", number()}, {"max", number()}, {"count", integer()},
                                 {"passing_rate", described(number(), "Fraction of values >= 0.5")}}));
  c.add("AnalyticsSummaryReply", object({{"success", boolean()},
                                         {"summary", array_of(ref("MetricSummary"))},
                                         {"total_records", integer()}}));
  c.add("DistributionReply",
        object({{"success", boolean()},
                {"metric", str()},
                {"values", array_of(number())},
                {"histogram", object({{"counts", array_of(integer())}, {"bin_edges", array_of(number())}})},
                {"stats", object({{"mean", number()}, {"median", number()}, {"std", number()},
                                  {"q25", number()}, {"q75", number()}})}}));
  c.add("GroupMetricStats", object({{"mean", number()}, {"std", number()}, {"count", integer()}}));
  Json group_row = object({{"group", ref("Cell")}});
  group_row["additionalProperties"] = ref("GroupMetricStats");
  c.add("GroupComparisonRow", described(std::move(group_row), "The group's value and, per metric, its statistics"));
  c.add("GroupComparisonReply", object({{"success", boolean()},
                                        {"comparison", array_of(ref("GroupComparisonRow"))},
                                        {"metrics", array_of(str())},
                                        {"groups", array_of(ref("Cell"))}}));
  c.add("CorrelationReply", object({{"success", boolean()},
                                    {"correlation", described(map_of(map_of(number())),
                                                              "Pearson r of each pair of metrics (0 when undefined)")},
                                    {"metrics", array_of(str())}}));
  c.add("RadarTrace", object({{"name", str()}, {"values", array_of(number())}}));
  c.add("RadarReply", object({{"success", boolean()},
                              {"metrics", array_of(str())},
                              {"traces", array_of(ref("RadarTrace"))}}));
  c.add("ScatterReply",
        object({{"success", boolean()},
                {"x", array_of(number())},
                {"y", array_of(number())},
                {"x_metric", str()},
                {"y_metric", str()},
                optional("color_by", str()),
                optional("color", described(array_of(any()), "The colour column's value per point")),
                optional("ids", described(array_of(ref("Cell")), "dataset_id per point, when the data has one"))}));
  return c;
}

}  // namespace axis::api::schema
