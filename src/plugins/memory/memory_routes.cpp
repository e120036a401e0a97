#include "plugins/memory/memory_routes.h"

#include <nlohmann/json.hpp>

#include <filesystem>

#include "api/csv_upload.h"
#include "api/request_fields.h"
#include "http/json_body.h"
#include "http/multipart.h"
#include "http/router.h"
#include "plugins/memory/memory_service.h"
#include "plugins/memory/memory_views.h"
#include "plugins/memory/rules_csv.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::plugins::memory {
namespace {

constexpr const char* kTag = "memory";
constexpr const char* kExampleFile = "memory_rules.csv";

http::Response reply(const Json& body) { return http::Response::json(util::json_text(body)); }

// A JSON object body (422 otherwise).
Json object_body(const http::Request& req) {
  Json body = http::parse_json_body(req);
  api::BodyFields(body).check();
  return body;
}

void add_reads(http::Router& router, const MemoryRouteContext& c) {
  const auto rules = c.rules;
  const MemoryConfig* config = &c.config;
  router.add("GET", "/api/memory/config", [config](const http::Request&) {
    return reply(config_reply(*config));
  }, {kTag, "The memory configuration: field roles, labels, filters, hard stops, colours, config_hash",
      http::BodyKind::none, {}, "MemoryConfigReply"});
  router.add("GET", "/api/memory/summary", [rules, config](const http::Request&) {
    return reply(summary_view(rules->rules(), *config));
  }, {kTag, "Rule counts, risk factors, mitigants, hard stops, rules by action and by product",
      http::BodyKind::none, {}, "MemorySummary"});

  std::vector<http::QueryParamDoc> filters;
  for (const auto& role : c.config.filter_roles) filters.push_back({role, "string", false, "Exact value of the role"});
  filters.push_back({"batch", "string", false, "Exact batch id"});
  router.add("GET", "/api/memory/rules", [rules, config](const http::Request& req) {
    std::map<std::string, std::string> wanted;
    api::QueryParams params(req);
    for (const auto& role : config->filter_roles)
      if (auto v = params.text(role)) wanted[role] = *v;
    if (auto v = params.text("batch")) wanted["batch"] = *v;
    return reply(rules_view(rules->rules(), *config, wanted));
  }, {kTag, "The rules, filtered by exact value of the filter roles and batch", http::BodyKind::none,
      filters, "MemoryRulesReply"});
  router.add("GET", "/api/memory/rules/quality", [rules, config](const http::Request&) {
    return reply(quality_view(rules->rules(), *config));
  }, {kTag, "The rules split by decision quality", http::BodyKind::none, {}, "MemoryQualityReply"});
  router.add("GET", "/api/memory/rules/soft-thresholds", [rules, config](const http::Request&) {
    return reply(soft_thresholds_view(rules->rules(), *config));
  }, {kTag, "The rules with a soft threshold", http::BodyKind::none, {}, "MemoryRuleListReply"});
  router.add("GET", "/api/memory/hard-stops", [rules, config](const http::Request&) {
    return reply(hard_stops_view(rules->rules(), *config));
  }, {kTag, "The hard stops: decline rules without mitigants", http::BodyKind::none, {},
      "MemoryRuleListReply"});
  router.add("GET", "/api/memory/batches", [rules](const http::Request&) {
    return reply(batches_view(rules->rules()));
  }, {kTag, "The rules' batches in first-seen order", http::BodyKind::none, {}, "MemoryBatchesReply"});
  router.add("GET", "/api/memory/trace", [rules](const http::Request& req) {
    api::QueryParams params(req);
    const std::string id = params.required("rule_id");
    params.check();
    auto trace = trace_view(rules->rules(), id);
    if (!trace) throw util::HttpError(404, "Rule " + id + " not found");
    return reply(*trace);
  }, {kTag, "The decision path of one rule", http::BodyKind::none,
      {{"rule_id", "string", true, "The rule's id"}}, "MemoryTraceReply"});
  router.add("GET", "/api/memory/conflicts", [rules, config](const http::Request&) {
    return reply(conflicts_view(rules->rules(), *config));
  }, {kTag, "Risk factors whose rules for one product have contradictory actions",
      http::BodyKind::none, {}, "MemoryConflictsReply"});
  router.add("GET", "/api/memory/status-counts", [rules](const http::Request&) {
    return reply(status_counts_view(rules->rules()));
  }, {kTag, "Rule counts by ingestion status", http::BodyKind::none, {}, "MemoryStatusCountsReply"});
}

void add_writes(http::Router& router, const MemoryRouteContext& c) {
  const auto rules = c.rules;
  const config::Settings* settings = &c.settings;
  const std::string spool = c.spool_dir;
  router.add("POST", "/api/memory/upload", [rules, settings, spool](const http::Request& req) {
    auto& service = rules.get();
    auto form = http::parse_multipart(req, spool);
    if (const auto* part = form->file("file")) require_utf8_file(part->path);
    const api::CsvUpload upload = api::csv_upload(*form, api::csv_limits(settings->server));
    return reply(service.replace_from_csv(upload.file.path()));
  }, {kTag, "Upload a rules CSV; its rules replace the rule set", http::BodyKind::multipart, {},
      "MemoryUploadReply"});
  const std::string example = (std::filesystem::path(c.examples_dir) / kExampleFile).string();
  router.add("GET", "/api/memory/example", [rules, settings, example](const http::Request&) {
    auto& service = rules.get();
    const auto file = ingest::inspect_csv(example, api::csv_limits(settings->server));
    return reply(service.replace_from_csv(file.path()));
  }, {kTag, "Store the bundled example rule set as the rule set", http::BodyKind::none, {},
      "MemoryUploadReply"});
  router.add("POST", "/api/memory/rules", [rules](const http::Request& req) {
    auto& service = rules.get();
    const Json body = object_body(req);
    return reply({{"success", true}, {"data", service.create(body).record}});
  }, {kTag, "Create a rule (role-keyed body); it goes first", http::BodyKind::json, {},
      "MemoryRuleReply"});
  router.add("PUT", "/api/memory/rules/{id}", [rules](const http::Request& req) {
    auto& service = rules.get();
    const Json body = object_body(req);
    auto rule = service.update(req.param("id"), body);
    if (!rule) throw util::HttpError(404, "Rule " + req.param("id") + " not found");
    return reply({{"success", true}, {"data", rule->record}});
  }, {kTag, "Change a rule's roles (null values are ignored)", http::BodyKind::json, {},
      "MemoryRuleReply"});
  router.add("DELETE", "/api/memory/rules/{id}", [rules](const http::Request& req) {
    if (!rules->remove(req.param("id"))) throw util::HttpError(404, "Rule " + req.param("id") + " not found");
    return reply({{"success", true}, {"id", req.param("id")}});
  }, {kTag, "Delete a rule", http::BodyKind::none, {}, "MemoryDeleteReply"});
}

}  // namespace

void add_memory_routes(http::Router& router, const MemoryRouteContext& context) {
  add_reads(router, context);
  add_writes(router, context);
  const MemoryConfig* config = &context.config;
  router.add("GET", "/api/config/memory", [config](const http::Request&) {
    Json body = config_reply(*config);
    body["_deprecated"] = "/api/config/memory → /api/memory/config";
    auto response = reply(body);
    response.header("Deprecation", "true")
        .header("Sunset", "2026-04-01")
        .header("Link", "</api/memory/config>; rel=\"successor-version\"");
    return response;
  }, {"config", "Deprecated: the memory configuration; use GET /api/memory/config",
      http::BodyKind::none, {}, "MemoryConfigDeprecatedReply"});
}

}  // namespace axis::plugins::memory
