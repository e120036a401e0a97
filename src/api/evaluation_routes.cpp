#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <string_view>

#include "analytics/case_service.h"
#include "analytics/comparison_service.h"
#include "analytics/scorecard_service.h"
#include "analytics/summary_tables.h"
#include "analytics/test_case_view.h"
#include "api/file_download.h"
#include "api/request_fields.h"
#include "api/routes.h"
#include "http/router.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

using Json = nlohmann::ordered_json;



// The catalog and the shared summary tables; both answer 503 when the store is off.
class EvaluationContext {
 public:
  explicit EvaluationContext(const AnalyticsServices& services) : services_(services) {}
  const datasets::DatasetCatalog& catalog() const { return *services_.catalog; }
  analytics::SummaryTables& summaries() const { return *services_.summaries; }
  const std::string& spool_dir() const { return services_.spool_dir; }

 private:
  AnalyticsServices services_;
};

analytics::EvalScope scope_of(QueryParams& params) {
  return {params.text("dataset_id").value_or(""), params.text("evaluation_name")};
}

Json node_json(const analytics::HierarchyNode& n) {
  return {{"metric_name", n.metric.name}, {"parent", util::json_or_null(n.parent)}, {"level", n.level},
          {"type", n.type}, {"weight", n.weight}, {"normalized_weight", n.normalized_weight},
          {"mean", n.metric.mean}, {"min", n.metric.min}, {"max", n.metric.max},
          {"std", n.metric.std}, {"count", n.metric.count},
          {"histogram", n.metric.histogram}, {"children", n.children}};
}

Json tree_json(const analytics::TreeNode& t) {
  Json node = {{"name", t.name}, {"type", t.type}, {"weight", t.weight},
               {"normalized_weight", t.normalized_weight}, {"score", t.score},
               {"median", t.median}, {"min", t.min}, {"max", t.max}, {"p25", t.p25},
               {"p75", t.p75}, {"std", t.std}, {"count", t.count}};
  if (t.explanation) node["explanation"] = *t.explanation;
  Json children = Json::array();
  for (const auto& c : t.children) children.push_back(tree_json(c));
  node["children"] = std::move(children);
  return node;
}

Json side_json(const analytics::stats::SampleStats& s) {
  return {{"mean", s.mean}, {"std", s.std}, {"n", s.n}};
}

Json comparison_json(const analytics::ModelComparison& c) {
  Json metrics = Json::array();
  for (const auto& m : c.metrics) {
    metrics.push_back({{"metric", m.metric}, {"baseline", side_json(m.baseline)},
                       {"challenger", side_json(m.challenger)}, {"difference", m.difference},
                       {"percent_change", m.percent_change}, {"cohens_d", m.cohens_d},
                       {"effect_size", m.effect_size}, {"t_statistic", m.t_statistic},
                       {"df", m.df}, {"p_value", m.p_value}, {"stars", m.stars},
                       {"significant", m.significant}, {"winner", m.winner}});
  }
  const auto& s = c.summary;
  return {{"success", true}, {"baseline", c.baseline}, {"challenger", c.challenger},
          {"experiments", c.experiments}, {"metrics", metrics},
          {"summary", {{"winner", s.winner}, {"baseline_wins", s.baseline_wins},
                       {"challenger_wins", s.challenger_wins}, {"ties", s.ties},
                       {"significant_baseline_wins", s.significant_baseline_wins},
                       {"significant_challenger_wins", s.significant_challenger_wins},
                       {"avg_improvement", s.avg_improvement}}}};
}

analytics::ExperimentChoice choice_of(QueryParams& params) {
  return {params.text("dataset_id").value_or(""), params.text("baseline"),
          params.text("challenger")};
}

// The comparison case list's choice, quick filter, winner and search (not its page).
analytics::CompareCasesQuery compare_cases_query(QueryParams& params) {
  analytics::CompareCasesQuery q;
  q.choice = choice_of(params);
  q.filter =
      *params.choice("filter", {"all", "top", "bottom", "high_variance", "show_diff"}, "all");
  q.winner = params.choice("winner", {"Baseline", "Challenger", "Tie"});
  q.search = params.text("search");
  return q;
}

const http::QueryParamDoc kDataset{"dataset_id", "string", false,
                                   "Dataset id (default: the newest evaluation dataset)"};
const http::QueryParamDoc kExperiment{"evaluation_name", "string", false, "Only this experiment"};
const http::QueryParamDoc kPage{"page", "integer", false, "Page number, from 1 (default 1)"};
const http::QueryParamDoc kPageSize{"page_size", "integer", false,
                                    "Rows per page, 1-500 (default 10)"};
const http::QueryParamDoc kSearch{"search", "string", false, "Case-insensitive substring filter"};
const http::QueryParamDoc kBaseline{"baseline", "string", false,
                                    "Baseline experiment (default: the first)"};
const http::QueryParamDoc kChallenger{"challenger", "string", false,
                                      "Challenger experiment (default: the second)"};
const http::QueryParamDoc kCaseFilter{"filter", "string", false,
                                      "all, top, bottom, high_variance or show_diff"};
const http::QueryParamDoc kWinner{"winner", "string", false, "Baseline, Challenger or Tie"};

void register_scorecard_routes(http::Router& router, std::shared_ptr<EvaluationContext> ctx) {
  router.add("GET", "/api/evaluation/scorecard", [ctx](const http::Request& req) {
    QueryParams params(req);
    const auto scope = scope_of(params);
    params.check();
    const auto s = analytics::ScorecardService(ctx->catalog(), ctx->summaries()).scorecard(scope);
    Json nodes = Json::array();
    for (const auto& n : s.nodes) nodes.push_back(node_json(n));
    return http::Response::json(util::json_text(
        {{"success", true}, {"dataset_id", s.dataset_id},
         {"evaluation_name", util::json_or_null(s.evaluation_name)}, {"experiments", s.experiments},
         {"overall_score", s.overall_score}, {"score_variance", s.score_variance},
         {"total_cases", s.total_cases}, {"metrics_count", s.metrics_count},
         {"components_count", s.components_count}, {"nodes", nodes}}));
  }, {"evaluation", "Weighted metric hierarchy with per-metric statistics and histograms",
      http::BodyKind::none, {kDataset, kExperiment}, "ScorecardReply"});

  router.add("GET", "/api/evaluation/tree", [ctx](const http::Request& req) {
    QueryParams params(req);
    const auto scope = scope_of(params);
    const auto case_id = params.text("case_id");
    params.check();
    const auto root =
        analytics::ScorecardService(ctx->catalog(), ctx->summaries()).tree(scope, case_id);
    return http::Response::json(util::json_text({{"success", true}, {"root", tree_json(root)}}));
  }, {"evaluation", "The metric tree with score spread per node, or one case's scores",
      http::BodyKind::none,
      {kDataset, kExperiment, {"case_id", "string", false, "Only this case (its dataset_id)"}},
      "TreeReply"});
}

void register_case_routes(http::Router& router, std::shared_ptr<EvaluationContext> ctx) {
  router.add("GET", "/api/evaluation/metrics/{metric_name}/cases", [ctx](const http::Request& req) {
    QueryParams params(req);
    analytics::MetricCasesQuery q;
    q.scope = scope_of(params);
    q.metric = req.param("metric_name");
    q.page = params.integer("page", 1, 1, std::numeric_limits<std::int64_t>::max());
    q.page_size = params.integer("page_size", 10, 1, 500);
    q.sort_by = *params.choice("sort_by", {"score", "dataset_id"}, "score");
    q.sort_dir = *params.choice("sort_dir", {"asc", "desc"}, "asc");
    q.band = params.choice("band", {"fail", "pass", "low", "mid", "high"});
    q.search = params.text("search");
    params.check();
    const auto page = analytics::CaseService(ctx->catalog(), ctx->summaries()).metric_cases(q);
    return http::Response::json("{\"success\":true,\"metric\":" + util::json_text(page.metric) +
                                ",\"cases\":" + page.cases_json +
                                ",\"total\":" + std::to_string(page.total) +
                                ",\"page\":" + std::to_string(page.page) +
                                ",\"page_size\":" + std::to_string(page.page_size) + "}");
  }, {"evaluation", "One metric's scored cases: filtered, searched, sorted and paginated",
      http::BodyKind::none,
      {kDataset, kExperiment, kPage, kPageSize,
       {"sort_by", "string", false, "score (default) or dataset_id"},
       {"sort_dir", "string", false, "asc (default) or desc"},
       {"band", "string", false, "fail/low (<0.5), pass (>=0.5), mid (0.5-0.7), high (>=0.7)"},
       kSearch}, "MetricCasesReply"});

  router.add("GET", "/api/evaluation/cases/{case_id}", [ctx](const http::Request& req) {
    QueryParams params(req);
    const auto scope = scope_of(params);
    params.check();
    const auto c = analytics::CaseService(ctx->catalog(), ctx->summaries())
                       .case_detail(scope, req.param("case_id"));
    Json metrics = Json::array();
    for (const auto& m : c.metrics) {
      metrics.push_back({{"metric_name", m.metric_name},
                         {"score", m.score ? Json(*m.score) : Json(nullptr)},
                         {"explanation", util::json_or_null(m.explanation)},
                         {"parent", util::json_or_null(m.parent)},
                         {"metric_type", util::json_or_null(m.metric_type)}, {"weight", m.weight}});
    }
    return http::Response::json(util::json_text(
        {{"success", true},
         {"case", {{"dataset_id", c.dataset_id}, {"evaluation_name", c.evaluation_name},
                   {"query", util::json_or_null(c.query)},
                   {"actual_output", util::json_or_null(c.actual_output)},
                   {"expected_output", util::json_or_null(c.expected_output)},
                   {"evaluation_metadata", util::json_or_null(c.evaluation_metadata)},
                   {"data_metadata", util::json_or_null(c.data_metadata)},
                   {"overall_score", c.overall_score}, {"metrics", metrics}}}}));
  }, {"evaluation", "One case with every metric score", http::BodyKind::none,
      {kDataset, kExperiment}, "CaseReply"});
}

Json number_or_null(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

// The meta.<key>=<value> parameters, in order: key → any of its values.
std::vector<std::pair<std::string, std::vector<std::string>>> metadata_filters(
    const http::Request& req) {
  constexpr std::string_view kPrefix = "meta.";
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& [name, value] : req.query) {
    if (name.compare(0, kPrefix.size(), kPrefix) != 0) continue;
    const std::string key = name.substr(kPrefix.size());
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& f) { return f.first == key; });
    if (it == out.end()) it = out.insert(out.end(), {key, {}});
    if (std::find(it->second.begin(), it->second.end(), value) == it->second.end()) {
      it->second.push_back(value);
    }
  }
  if (out.size() > analytics::TestCaseView::kMaxFilterKeys) {
    throw util::HttpError(400, "At most " + std::to_string(analytics::TestCaseView::kMaxFilterKeys) +
                                   " metadata keys can be filtered on at once");
  }
  return out;
}

struct ExportKind {
  analytics::ExportFormat format;
  const char* content_type;
};

ExportKind export_kind(const std::string& format) {
  if (format == "json") return {analytics::ExportFormat::json, "application/json"};
  if (format == "md") return {analytics::ExportFormat::markdown, "text/markdown; charset=utf-8"};
  return {analytics::ExportFormat::csv, "text/csv; charset=utf-8"};
}

const http::QueryParamDoc kMetaFilter = {
    "meta.{key}", "string", false,
    "Only cases whose data_metadata key holds this value; repeat for any of several values; "
    "several keys must all match (at most 20)"};
const http::QueryParamDoc kCaseView = {
    "view", "string", false,
    "all (default), top / bottom (the ceil(n/5) cases with the highest / lowest mean score "
    "across experiments), high_variance (the ceil(n/5) largest spreads) or diff (spread > 0)"};
const http::QueryParamDoc kCaseMetric = {
    "metric", "string", false, "Score cases by this metric instead of the overall score"};
const http::QueryParamDoc kCaseFields = {
    "fields", "string", false,
    "Comma-separated dataset columns to show with each case (at most 3; values cut to 300 "
    "characters)"};

analytics::CaseView case_view(const std::string& name) {
  if (name == "top") return analytics::CaseView::top;
  if (name == "bottom") return analytics::CaseView::bottom;
  if (name == "high_variance") return analytics::CaseView::high_variance;
  if (name == "diff") return analytics::CaseView::diff;
  return analytics::CaseView::all;
}

// The filters the Test Cases list and its export share (no paging).
analytics::TestCasesQuery test_cases_query(QueryParams& params, const http::Request& req) {
  analytics::TestCasesQuery q;
  q.dataset_id = params.text("dataset_id").value_or("");
  q.metadata = metadata_filters(req);
  q.search = params.text("search");
  q.view = case_view(
      *params.choice("view", {"all", "top", "bottom", "high_variance", "diff"}, "all"));
  q.metric = params.text("metric");
  if (const auto fields = params.text("fields")) {
    std::size_t start = 0;
    while (start <= fields->size()) {
      const std::size_t comma = std::min(fields->find(',', start), fields->size());
      std::string name = fields->substr(start, comma - start);
      if (!name.empty() && std::find(q.fields.begin(), q.fields.end(), name) == q.fields.end()) {
        q.fields.push_back(std::move(name));
      }
      start = comma + 1;
    }
  }
  return q;
}

std::string test_cases_json(const analytics::TestCasesPage& page,
                            const analytics::TestCasesQuery& q) {
  Json distribution = Json::array();
  for (const auto& s : page.distribution) {
    distribution.push_back({{"experiment", s.experiment}, {"n", s.n}, {"mean", s.mean},
                            {"min", s.min}, {"q1", s.q1}, {"median", s.median}, {"q3", s.q3},
                            {"max", s.max}});
  }
  Json metadata = Json::array();
  for (const auto& m : page.metadata) {
    Json values = Json::array();
    for (const auto& [value, n] : m.values) values.push_back({{"value", value}, {"count", n}});
    metadata.push_back({{"key", m.key}, {"values", values}});
  }
  Json means = Json::array();
  for (const auto& m : page.metric_means) {
    Json per = Json::array();
    for (const auto& v : m.means) per.push_back(number_or_null(v));
    means.push_back({{"metric", m.metric}, {"means", per}});
  }
  const Json kpis = {{"test_cases", page.test_cases}, {"experiments", page.experiment_count},
                     {"average_score", number_or_null(page.average_score)},
                     {"leading_experiment", util::json_or_null(page.leading_experiment)},
                     {"leading_score", number_or_null(page.leading_score)}};
  const Json choice = {{"metric", util::json_or_null(q.metric)}, {"fields", q.fields},
                       {"field_options", page.field_options}};
  return "{\"success\":true,\"experiments\":" + util::json_text(Json(page.experiments)) +
         ",\"kpis\":" + util::json_text(kpis) + ",\"distribution\":" +
         util::json_text(distribution) + ",\"metric_means\":" + util::json_text(means) +
         ",\"metric\":" + util::json_text(choice["metric"]) +
         ",\"fields\":" + util::json_text(choice["fields"]) +
         ",\"field_options\":" + util::json_text(choice["field_options"]) +
         ",\"metadata\":" + util::json_text(metadata) + ",\"cases\":" + page.cases_json +
         ",\"total\":" + std::to_string(page.test_cases) +
         ",\"page\":" + std::to_string(page.page) +
         ",\"page_size\":" + std::to_string(page.page_size) + "}";
}

void register_compare_routes(http::Router& router, std::shared_ptr<EvaluationContext> ctx) {
  router.add("GET", "/api/evaluation/compare", [ctx](const http::Request& req) {
    QueryParams params(req);
    const auto choice = choice_of(params);
    params.check();
    const auto c = analytics::ComparisonService(ctx->catalog(), ctx->summaries()).compare(choice);
    return http::Response::json(util::json_text(comparison_json(c)));
  }, {"evaluation", "Baseline vs challenger per metric: Welch t-test, Cohen's d, winners",
      http::BodyKind::none, {kDataset, kBaseline, kChallenger}, "CompareReply"});

  router.add("GET", "/api/evaluation/compare/cases", [ctx](const http::Request& req) {
    QueryParams params(req);
    analytics::CompareCasesQuery q = compare_cases_query(params);
    q.page = params.integer("page", 1, 1, std::numeric_limits<std::int64_t>::max());
    q.page_size = params.integer("page_size", 10, 1, 500);
    params.check();
    const auto page =
        analytics::ComparisonService(ctx->catalog(), ctx->summaries()).compare_cases(q);
    const Json counts = {{"Baseline", page.baseline}, {"Challenger", page.challenger},
                         {"Tie", page.tie}};
    return http::Response::json("{\"success\":true,\"cases\":" + page.cases_json +
                                ",\"total\":" + std::to_string(page.total) +
                                ",\"counts\":" + util::json_text(counts) +
                                ",\"page\":" + std::to_string(page.page) +
                                ",\"page_size\":" + std::to_string(page.page_size) + "}");
  }, {"evaluation", "Cases scored by both experiments, with the winner of each",
      http::BodyKind::none,
      {kDataset, kBaseline, kChallenger,
       kCaseFilter, kWinner, kSearch, kPage, kPageSize}, "CompareCasesReply"});

  router.add("GET", "/api/evaluation/compare/export", [ctx](const http::Request& req) {
    QueryParams params(req);
    const analytics::CompareCasesQuery q = compare_cases_query(params);
    const std::string format = *params.choice("format", {"csv", "json", "md"}, "csv");
    params.check();
    const ExportKind kind = export_kind(format);
    // The spool folder is emptied at start-up, so a crash leaves nothing behind.
    TempFile file(ctx->spool_dir(), "compare-export");
    const auto pair = analytics::ComparisonService(ctx->catalog(), ctx->summaries())
                          .export_cases(q, kind.format, file.path());
    return http::Response::temp_file(file.release(), kind.content_type)
        .header("Content-Disposition", attachment("comparison-" + pair.baseline + "-vs-" +
                                                  pair.challenger + "." + format));
  }, {"evaluation", "Every case of the comparison list (same filters, all pages) as CSV "
      "(dataset_id, query, the two scores, diff, winner), a JSON document or a Markdown report "
      "(with the metric comparison)", http::BodyKind::none,
      {kDataset, kBaseline, kChallenger, kCaseFilter, kWinner, kSearch,
       {"format", "string", false, "csv (default), json or md"}}});

  router.add("GET", "/api/evaluation/compare/test-cases", [ctx](const http::Request& req) {
    QueryParams params(req);
    analytics::TestCasesQuery q = test_cases_query(params, req);
    q.page = params.integer("page", 1, 1, std::numeric_limits<std::int64_t>::max());
    q.page_size = params.integer("page_size", 10, 1, 200);
    params.check();
    const auto page = analytics::TestCaseView(ctx->catalog(), ctx->summaries()).page(q);
    return http::Response::json(test_cases_json(page, q));
  }, {"evaluation", "Test Cases mode: every case with its score per experiment (overall, or one "
      "metric), KPIs, score spread and metric means per experiment, and the metadata values "
      "to filter by", http::BodyKind::none,
      {kDataset, kMetaFilter, kSearch, kCaseView, kCaseMetric, kCaseFields, kPage,
       {"page_size", "integer", false, "Rows per page, 1-200 (default 10)"}},
      "CompareTestCasesReply"});

  router.add("GET", "/api/evaluation/compare/test-cases/export", [ctx](const http::Request& req) {
    QueryParams params(req);
    const analytics::TestCasesQuery q = test_cases_query(params, req);
    params.check();
    // The spool folder is emptied at start-up, so a crash leaves nothing behind.
    TempFile file(ctx->spool_dir(), "test-cases-export");
    analytics::TestCaseView(ctx->catalog(), ctx->summaries()).export_csv(q, file.path());
    return http::Response::temp_file(file.release(), "text/csv; charset=utf-8")
        .header("Content-Disposition", attachment("test-cases.csv"));
  }, {"evaluation", "Every case of the Test Cases list (same filters, view, metric and fields; "
      "all pages) as CSV: dataset_id, query, the fields, one score column per experiment, "
      "mean, spread", http::BodyKind::none,
      {kDataset, kMetaFilter, kSearch, kCaseView, kCaseMetric, kCaseFields}});

  router.add("GET", "/api/evaluation/compare/win-loss", [ctx](const http::Request& req) {
    QueryParams params(req);
    const std::string id = params.text("dataset_id").value_or("");
    params.check();
    const auto w = analytics::ComparisonService(ctx->catalog(), ctx->summaries()).win_loss(id);
    Json wins = Json::object();
    for (const auto& [name, n] : w.wins) wins[name] = n;
    return http::Response::json(util::json_text({{"success", true}, {"experiments", w.experiments},
                                      {"wins", wins}, {"ties", w.ties},
                                      {"cases_compared", w.cases_compared}}));
  }, {"evaluation", "Cases won by each experiment (best overall score) across all experiments",
      http::BodyKind::none, {kDataset}, "WinLossReply"});

  router.add("GET", "/api/evaluation/compare/agreement", [ctx](const http::Request& req) {
    QueryParams params(req);
    const std::string id = params.text("dataset_id").value_or("");
    params.check();
    Json pairs = Json::array();
    for (const auto& p :
         analytics::ComparisonService(ctx->catalog(), ctx->summaries()).agreement(id)) {
      pairs.push_back({{"model1", p.model1}, {"model2", p.model2}, {"both_pass", p.both_pass},
                       {"both_fail", p.both_fail}, {"model1_only", p.model1_only},
                       {"model2_only", p.model2_only}, {"total", p.total}, {"rate", p.rate}});
    }
    return http::Response::json(util::json_text({{"success", true}, {"pairs", pairs}}));
  }, {"evaluation", "Pass/fail agreement of each pair of experiments on shared cases",
      http::BodyKind::none, {kDataset}, "AgreementReply"});
}

}  // namespace

void register_evaluation_routes(http::Router& router, const AnalyticsServices& services) {
  auto ctx = std::make_shared<EvaluationContext>(services);
  register_scorecard_routes(router, ctx);
  register_case_routes(router, ctx);
  register_compare_routes(router, ctx);
}

}  // namespace axis::api
