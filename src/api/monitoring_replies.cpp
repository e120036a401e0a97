// The analytics replies; the alerts' reply is in monitoring_alert_replies.cpp.
#include "api/monitoring_replies.h"

#include <nlohmann/json.hpp>

#include "util/json_text.h"

namespace axis::api {
namespace {

using Json = nlohmann::ordered_json;
using namespace axis::monitoring;

Json percentiles_json(const Percentiles& p) {
  return {{"p50", p.p50}, {"p95", p.p95}, {"p99", p.p99}};
}

Json rate_json(const PassRate& r) {
  return {{"pass_rate", r.pass_rate}, {"avg", r.avg}, {"count", r.count}};
}

// An ANALYSIS row's signals: the JSON they hold, else the text as it is.
Json signals_json(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  Json parsed = Json::parse(*text, nullptr, false);
  return parsed.is_discarded() ? Json(*text) : parsed;
}

}  // namespace

std::string MonitoringReplies::render(const SummaryResult& r) const {
  const ScoreKpis& k = r.kpis;
  Json kpis = {{"total_records", k.total_records}, {"avg_score", k.avg_score},
               {"pass_rate", k.pass_rate}, {"p50_latency", k.latency.p50},
               {"p95_latency", k.latency.p95}, {"p99_latency", k.latency.p99}};
  return util::json_text({{"success", true}, {"kpis", kpis}});
}

std::string MonitoringReplies::render(const TrendsResult& r) const {
  Json data = Json::array();
  for (const TrendPoint& p : r.points) {
    data.push_back({{"timestamp", p.timestamp}, {"metric", p.metric}, {"avg", p.avg},
                    {"p50", p.score.p50}, {"p95", p.score.p95}, {"p99", p.score.p99},
                    {"count", p.count}});
  }
  return util::json_text(
      {{"success", true}, {"data", data}, {"metrics", r.metrics}, {"granularity", r.granularity}});
}

std::string MonitoringReplies::render(const LatencyDistributionResult& r) const {
  Json by_group = nullptr;
  if (r.by_group) {
    by_group = Json::object();
    for (const auto& [name, g] : *r.by_group) {
      by_group[name] = {{"counts", g.counts}, {"percentiles", percentiles_json(g.percentiles)}};
    }
  }
  return util::json_text({{"success", true},
                          {"histogram", {{"counts", r.counts}, {"edges", r.edges}}},
                          {"percentiles", percentiles_json(r.percentiles)},
                          {"by_group", by_group}});
}

std::string MonitoringReplies::render(const ClassDistributionResult& r) const {
  Json data = Json::array();
  for (const ScoreGroup& g : r.groups) {
    const ScoreStats& s = g.stats;
    data.push_back({{"group", g.group}, {"values", g.values},
                    {"stats", {{"mean", s.mean}, {"std", s.std}, {"min", s.min}, {"max", s.max},
                               {"median", s.median}, {"count", s.count}}}});
  }
  return util::json_text(
      {{"success", true}, {"data", data}, {"metric", r.metric}, {"group_by", r.group_by}});
}

std::string MonitoringReplies::render(const MetricBreakdownResult& r) const {
  Json metrics = Json::array();
  for (const MetricPassRates& m : r.metrics) {
    Json item = {{"name", m.name}};
    item.update(rate_json(m.overall));
    item["by_group"] = nullptr;
    if (m.by_group) {
      item["by_group"] = Json::object();
      for (const auto& [group, rate] : *m.by_group) item["by_group"][group] = rate_json(rate);
    }
    metrics.push_back(std::move(item));
  }
  return util::json_text({{"success", true}, {"metrics", metrics}});
}

std::string MonitoringReplies::render(const CorrelationResult& r) const {
  return util::json_text({{"success", true}, {"matrix", r.matrix}, {"metrics", r.metrics}});
}

std::string MonitoringReplies::render(const ClassificationBreakdownResult& r) const {
  Json metrics = Json::array();
  for (const MetricLabels& m : r.metrics) {
    Json categories = Json::array();
    for (const LabelCount& c : m.categories) {
      categories.push_back({{"value", c.value}, {"count", c.count}, {"percentage", c.percentage}});
    }
    metrics.push_back({{"metric_name", util::json_or_null(m.metric_name)},
                       {"categories", categories},
                       {"total_count", m.total_count}});
  }
  return util::json_text({{"success", true}, {"metrics", metrics}});
}

std::string MonitoringReplies::render(const ClassificationTrendsResult& r) const {
  Json data = Json::array();
  for (const LabelBucket& b : r.buckets) {
    Json categories = Json::object();
    for (const auto& [label, count] : b.counts) categories[label] = count;
    data.push_back({{"timestamp", b.timestamp}, {"categories", categories}});
  }
  return util::json_text({{"success", true}, {"data", data}, {"metric_name", r.metric_name},
                          {"granularity", r.granularity},
                          {"unique_categories", r.unique_categories}});
}

std::string MonitoringReplies::render(const AnalysisInsightsResult& r) const {
  Json records = Json::array();
  for (const InsightRecord& x : r.records) {
    records.push_back({{"dataset_id", util::json_or_null(x.dataset_id)},
                       {"timestamp", util::json_or_null(x.timestamp)},
                       {"metric_name", util::json_or_null(x.metric_name)},
                       {"query", util::json_or_null(x.query)},
                       {"actual_output", util::json_or_null(x.actual_output)},
                       {"signals", signals_json(x.signals)},
                       {"explanation", util::json_or_null(x.explanation)},
                       {"source_info", {{"environment", util::json_or_null(x.environment)},
                                        {"source_name", util::json_or_null(x.source_name)},
                                        {"source_component", util::json_or_null(x.source_component)}}}});
  }
  return util::json_text({{"success", true}, {"records", records}, {"total_count", r.total_count},
                          {"page", r.page}, {"limit", r.limit},
                          {"metric_names", r.metric_names}});
}

}  // namespace axis::api
