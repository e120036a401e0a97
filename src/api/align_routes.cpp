// /api/align: CaliberHQ — judging labelled records with an LLM judge, agreement statistics, the
// model's analyses, few-shot suggestions and the judge's models (align/). Saved configurations,
// labels and runs are in align_store_routes.cpp.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "align/align_json.h"
#include "align/align_service.h"
#include "align/judge_prompt.h"
#include "align/models.h"
#include "align/statistics.h"
#include "api/align_request.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "http/router.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

using align::Json;

http::Response reply(const Json& body) { return http::Response::json(util::json_text(body)); }

const BodyJson* member(const BodyJson& body, const char* name) {
  if (!body.is_object()) return nullptr;
  const auto it = body.find(name);
  return it == body.end() || it->is_null() ? nullptr : &*it;
}

// The judge configuration in body member `name` (required).
align::JudgeConfig config_member(BodyFields& fields, const BodyJson& body, const char* name) {
  BodyFields config = fields.object(name, true);
  return read_judge_config(config, member(body, name));
}

http::Response evaluate(const align::AlignService& service, const http::Request& req) {
  const BodyJson body = http::parse_json_body(req);
  BodyFields fields(body);
  const auto records = read_records(fields);
  const auto annotations = read_human_annotations(fields, body);
  const auto config = config_member(fields, body, "judge_config");
  fields.check();
  const auto run = service.evaluate(records, annotations, config);
  return reply({{"success", true},
                {"results", align::results_json(run.results)},
                {"metrics", align::metrics_json(run.metrics)},
                {"message", "Evaluated " + std::to_string(run.results.size()) + " records"},
                {"run_id", util::json_or_null(run.run_id)}});
}

http::Response metrics(const http::Request& req) {
  const BodyJson body = http::parse_json_body(req);
  BodyFields fields(body);
  const auto human = read_scores(fields, "human_scores");
  const auto judge = read_scores(fields, "llm_scores");
  fields.check();
  if (human.size() != judge.size()) {
    throw util::HttpError(400, "human_scores and llm_scores must have the same length (got " +
                                   std::to_string(human.size()) + " and " + std::to_string(judge.size()) + ")");
  }
  if (human.empty()) throw util::HttpError(400, "human_scores and llm_scores must not be empty");
  return reply({{"success", true}, {"metrics", align::metrics_json(align::alignment_metrics(human, judge))}});
}

// The body of the analyses: `results` and the judge configuration in `config_name`.
struct ResultsRequest {
  std::vector<align::AlignmentResult> results;
  align::JudgeConfig config;
};

ResultsRequest results_request(const http::Request& req, const char* config_name) {
  const BodyJson body = http::parse_json_body(req);
  BodyFields fields(body);
  ResultsRequest out{read_results(fields, true), config_member(fields, body, config_name)};
  fields.check();
  return out;
}

http::Response analyze(const align::AlignService& service, const http::Request& req) {
  const auto in = results_request(req, "judge_config");
  return reply({{"success", true}, {"analysis", service.analyze_misalignment(in.results, in.config)}});
}

http::Response optimize(const align::AlignService& service, const http::Request& req) {
  const auto in = results_request(req, "current_config");
  const Json optimized = service.optimize_prompt(in.results, in.config);
  const bool changed = optimized["evaluation_criteria"] != in.config.evaluation_criteria;
  return reply({{"success", true},
                {"optimized", optimized},
                {"message", changed ? "Criteria optimised from the judge's misaligned records"
                                    : "No misaligned records: the prompt is unchanged"}});
}

http::Response suggest(const http::Request& req) {
  const BodyJson body = http::parse_json_body(req);
  BodyFields fields(body);
  const auto records = read_records(fields);
  const auto annotations = read_human_annotations(fields, body);
  const auto strategy = fields.matching(
      "strategy", [](const std::string& s) {
        const auto& all = align::suggestion_strategies();
        return std::find(all.begin(), all.end(), s) != all.end();
      }, "Input should be 'diverse', 'representative', 'edge_cases' or 'recent'").value_or("diverse");
  const auto count = static_cast<int>(fields.integer("count", 4, 1, 10));
  const auto seed = fields.integer("seed", static_cast<std::int64_t>(align::kSuggestSeed), 0, std::numeric_limits<std::int64_t>::max());
  const auto results = read_results(fields, false);
  fields.check();
  if (annotations.empty()) throw util::HttpError(400, "No human annotations provided");
  std::vector<align::LabelledRecord> labelled;
  for (const auto& r : records) {
    if (const auto it = annotations.find(r.id); it != annotations.end()) labelled.push_back({r, it->second});
  }
  if (labelled.empty()) throw util::HttpError(400, "None of the records has a human annotation");
  const auto picked = align::suggest_examples(labelled, strategy, count, &results, static_cast<std::uint64_t>(seed));
  Json examples = Json::array();
  for (const auto& e : picked.examples) examples.push_back(align::few_shot_json(e));
  return reply({{"success", true},
                {"examples", examples},
                {"strategy_used", picked.strategy_used},
                {"message", "Selected " + std::to_string(examples.size()) + " examples (" + picked.strategy_used + ")"}});
}

http::Response cluster(const align::AlignService& service, const http::Request& req) {
  const BodyJson body = http::parse_json_body(req);
  BodyFields fields(body);
  const auto notes = read_annotation_notes(fields, body);
  const auto method = fields.matching("method", [](const std::string& m) {
    return m == "llm" || m == "bertopic" || m == "hybrid";
  }, "Input should be 'llm', 'bertopic' or 'hybrid'").value_or("llm");
  BodyFields judge = fields.object("judge_config", false);
  const auto provider = judge.matching("provider", [](const std::string& p) { return p == "openai" || p == "anthropic"; },
                                       "Input should be 'openai' or 'anthropic'").value_or("");
  const auto model = judge.optional_text("model").value_or("");
  const auto domain = fields.optional_text("domain_context").value_or("");
  fields.check();
  if (method != "llm") {
    throw util::HttpError(501, "Clustering method '" + method + "' is not available on this server; use 'llm'");
  }
  return reply(service.cluster_patterns(notes, provider, model, domain));
}

Json models_json(const align::AlignService& service) {
  Json models = Json::array();
  for (const auto& m : align::judge_models()) {
    models.push_back({{"id", m.id},
                      {"name", service.configured(m.provider) ? m.name : m.name + " (not configured)"},
                      {"provider", m.provider},
                      {"context_window", m.context_window},
                      {"supports_function_calling", true}});
  }
  return models;
}

}  // namespace

void register_align_routes(http::Router& router, const align::AlignService& service) {
  const auto& s = service;
  router.add("POST", "/api/align/evaluate", [&s](const http::Request& r) { return evaluate(s, r); },
             {"align", "Judge the labelled records with the LLM judge (5 calls at a time), compare with the "
                       "human labels and store the run", http::BodyKind::json, {}, "AlignEvaluateReply"});
  router.add("POST", "/api/align/metrics", [](const http::Request& r) { return metrics(r); },
             {"align", "Agreement statistics of human and judge scores, with bootstrap intervals",
              http::BodyKind::json, {}, "AlignMetricsReply"});
  router.add("POST", "/api/align/analyze-misalignment", [&s](const http::Request& r) { return analyze(s, r); },
             {"align", "The model's analysis of the judge's false positives and negatives", http::BodyKind::json,
              {}, "AlignAnalysisReply"});
  router.add("POST", "/api/align/optimize-prompt", [&s](const http::Request& r) { return optimize(s, r); },
             {"align", "Improved evaluation criteria from the judge's mistakes", http::BodyKind::json, {},
              "AlignOptimizeReply"});
  router.add("POST", "/api/align/suggest-examples", [](const http::Request& r) { return suggest(r); },
             {"align", "Few-shot examples picked from the labelled records (no LLM)", http::BodyKind::json, {},
              "AlignSuggestReply"});
  router.add("POST", "/api/align/cluster-patterns", [&s](const http::Request& r) { return cluster(s, r); },
             {"align", "Group the human's notes into patterns and learnings (method llm)", http::BodyKind::json,
              {}, "AlignClusterReply"});
  router.add("GET", "/api/align/models", [&s](const http::Request&) {
    return reply({{"success", true}, {"models", models_json(s)}});
  }, {"align", "The judge models, marked when their provider is not configured", http::BodyKind::none, {},
      "AlignModelsReply"});
  router.add("GET", "/api/align/defaults", [](const http::Request&) {
    return reply({{"system_prompt", align::default_system_prompt()},
                  {"evaluation_criteria", align::default_evaluation_criteria()}});
  }, {"align", "The default judge prompt and criteria", http::BodyKind::none, {}, "AlignDefaultsReply"});
  router.add("GET", "/api/align/status", [&s](const http::Request&) {
    return reply({{"configured", s.configured("openai") || s.configured("anthropic")},
                  {"providers", {{"openai", s.configured("openai")}, {"anthropic", s.configured("anthropic")}}},
                  {"saved_configs_count", s.saved_config_count()}});
  }, {"align", "Whether a judge can run, and how many configurations are saved", http::BodyKind::none, {},
      "AlignStatusReply"});
}

}  // namespace axis::api
