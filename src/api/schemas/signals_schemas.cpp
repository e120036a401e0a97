// /api/human-signals (api/dataset_replies.cpp hs_reply, api/human_signals_routes.cpp; the schema,
// layout and KPIs are built by signals/metric_schema.cpp, display_config.cpp, signal_kpis.cpp).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {
namespace {

constexpr const char* kOverridable =
    "Generated from the metric schema (every entry with the members the generator writes); "
    "signals_metrics.yaml may replace the list, whose entries are then sent as written there";

void add_layout(Components& c) {
  c.add("SignalsMetricInfo",
        object({{"category", str()},
                {"signals", array_of(str())},
                {"signal_types", map_of(str())},
                {"values", described(map_of(array_of(str())), "Distinct values of each string signal")}}));
  c.add("SignalsMetricSchema", object({{"metrics", map_of(ref("SignalsMetricInfo"))},
                                       {"source_fields", array_of(str())},
                                       {"has_timestamp", boolean()}}));
  // Entries of the lists signals_metrics.yaml may replace: every member optional, others allowed.
  c.add("KpiStripEntry", open(object({optional("label", str()),
                                      optional("format", str()),
                                      optional("icon", str()),
                                      optional("metric", str()),
                                      optional("signal", str()),
                                      optional("aggregation", str()),
                                      optional("aggregate", str()),
                                      optional("highlight", boolean())})));
  c.add("ChartConfig", open(object({optional("metric", str()),
                                    optional("signal", str()),
                                    optional("type", str()),
                                    optional("title", str()),
                                    optional("limit", described(integer(), "Only from signals_metrics.yaml"))})));
  c.add("ChartSection", open(object({optional("title", str()),
                                     optional("layout", str()),
                                     optional("charts", array_of(ref("ChartConfig")))})));
  c.add("DisplayFilter", open(object({optional("type", str()),
                                      optional("label", str()),
                                      optional("field", str()),
                                      optional("metric", str()),
                                      optional("signal", str()),
                                      optional("options", array_of(str()))})));
  c.add("TableColumn", open(object({optional("key", str()), optional("label", str()),
                                    optional("sortable", boolean())})));
  c.add("DisplayConfig",
        object({{"kpi_strip", described(array_of(ref("KpiStripEntry")), kOverridable)},
                {"chart_sections", described(array_of(ref("ChartSection")), kOverridable)},
                {"filters", described(array_of(ref("DisplayFilter")), kOverridable)},
                {"table_columns", described(array_of(ref("TableColumn")), kOverridable)},
                {"color_maps", described(map_of(map_of(str())),
                                         "Colour per value of each string signal, with "
                                         "signals_metrics.yaml's color_maps merged over them")}}));
  c.add("SignalsKpi", object({{"key", str()},
                              {"label", str()},
                              {"value", nullable(number())},
                              {"format", str()},
                              {"aggregation", str()},
                              {"missing", described(integer(), "Cases without a value")}}));
}

Json signals_reply() {
  return object({{"success", boolean()},
                 {"format", str()},
                 {"dataset_id", str()},
                 {"row_count", described(integer(), "Cases")},
                 {"total_rows", integer()},
                 {"truncated", boolean()},
                 {"columns", array_of(str())},
                 {"message", str()},
                 {"warnings", array_of(str())},
                 {"dataset", ref("Dataset")},
                 {"metric_schema", ref("SignalsMetricSchema")},
                 {"display_config", ref("DisplayConfig")},
                 {"kpis", array_of(ref("SignalsKpi"))},
                 {"data", described(array_of(ref("Row")), "Cases")}});
}

}  // namespace

Components signals_schemas() {
  Components c;
  add_layout(c);
  c.add("SignalsReply", signals_reply());
  c.add("SignalsCasesReply",
        extend(signals_reply(), {{"page", integer()},
                                 {"page_size", integer()},
                                 {"total", described(integer(), "Cases matching the filters")}}));
  c.add("SignalsCount", object({{"name", str()}, {"count", integer()},
                                {"rate", described(number(), "Percent of the matching cases")}}));
  c.add("SignalsRate", object({{"count", integer()}, {"total", integer()}, {"rate", number()}}));
  c.add("SignalsFiguresReply",
        object({{"success", boolean()},
                {"dataset_id", str()},
                {"total", described(integer(), "Cases matching the filters")},
                {"all_cases", integer()},
                {"distributions", map_of(array_of(ref("SignalsCount")))},
                {"rates", map_of(ref("SignalsRate"))}}));
  c.add("SignalsTrendSeries",
        object({{"key", str()}, {"label", str()}, {"format", str()}, {"aggregation", str()},
                {"values", described(array_of(nullable(number())), "One per week; null: no case has a value")},
                {"missing", described(array_of(integer()), "Cases without a value, per week")}}));
  c.add("SignalsTrendsReply",
        object({{"success", boolean()},
                {"dataset_id", str()},
                {"granularity", str()},
                {"weeks", described(array_of(str()), "The Monday (YYYY-MM-DD, UTC) of each week with cases")},
                {"cases", described(array_of(integer()), "Matching dated cases per week")},
                {"series", array_of(ref("SignalsTrendSeries"))}}));
  c.add("SignalsFilterOptionsReply",
        object({{"success", boolean()},
                {"dataset_id", str()},
                {"options", described(map_of(array_of(str())),
                                      "Each filter's configured options, else its values")}}));
  c.add("MetricSchemaReply",
        object({{"success", boolean()},
                {"dataset_id", str()},
                {"warnings", array_of(str())},
                {"kpi_source_name", described(nullable(str()), "The source_name the KPIs cover; null: every case")},
                {"metric_schema", ref("SignalsMetricSchema")},
                {"display_config", ref("DisplayConfig")},
                {"kpis", array_of(ref("SignalsKpi"))}}));
  return c;
}

}  // namespace axis::api::schema
