// /api/reports: issue extraction (no LLM) and LLM-written reports, whole or streamed over SSE.
#include <memory>

#include "api/routes.h"
#include "api/sse_writer.h"
#include "http/json_body.h"
#include "http/router.h"
#include "llm/providers.h"
#include "reports/issue_extractor.h"
#include "reports/report_service.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

using reports::Json;


const char* const kNoDataForReport = "No data provided for report generation";

Json outcome_json(const reports::ReportOutcome& o) {
  return {{"success", o.success},
          {"report_text", o.success ? Json(o.report_text) : Json(nullptr)},
          {"issues_analyzed", o.issues_analyzed},
          {"metrics_covered", o.metrics_covered},
          {"insights", o.insights ? *o.insights : Json(nullptr)}};
}

http::Response extract(const reports::ReportService& service, const http::Request& req) {
  const auto request = reports::parse_report_request(http::parse_json_body(req));
  const Json rows = service.rows_for(request, "No data provided");
  const auto extraction = reports::extract_issues(rows, request);
  return http::Response::json(util::json_text(Json{
      {"success", true},
      {"issues", reports::preview_issues(extraction.issues)},
      {"total_issues", extraction.issues.size()},
      {"total_records_analyzed", extraction.total_records_analyzed},
      {"metrics_covered", extraction.metrics_covered},
      {"mode", request.mode},
      {"threshold", request.extraction.score_threshold},
      {"config", request.extraction.to_json()}}));
}

http::Response generate(std::shared_ptr<const reports::ReportService> service, const http::Request& req) {
  auto request = reports::parse_report_request(http::parse_json_body(req));
  Json rows = service->rows_for(request, kNoDataForReport);
  service->client_for(request);  // 400 before anything starts
  return http::Response::deferred_json([service, request, rows](http::StreamSink& sink) {
    reports::ReportEvents events;
    events.cancelled = [&] { return sink.cancelled(); };
    const auto outcome = service->generate(request, rows, events);
    if (outcome.cancelled) return;
    Json out = outcome_json(outcome);
    if (!outcome.success) out["error"] = outcome.error;
    sink.send(util::json_text(out));
  });
}

http::Response generate_stream(std::shared_ptr<const reports::ReportService> service, const http::Request& req) {
  // Every refusal is an `error` event here, as clients of the stream expect.
  std::string refusal;
  reports::ReportRequest request;
  Json rows;
  try {
    request = reports::parse_report_request(http::parse_json_body(req));
    rows = service->rows_for(request, kNoDataForReport);
    service->client_for(request);
  } catch (const util::HttpError& e) {
    refusal = e.issues().empty() ? e.what() : e.issues().front().msg + " (" + e.issues().front().loc.back() + ")";
  }
  return http::Response::event_stream([service, request, rows, refusal](http::StreamSink& sink) {
    SseWriter sse(sink);
    if (!refusal.empty()) {
      sse.send("error", util::json_text(Json{{"error", refusal}}));
      return;
    }
    reports::ReportEvents events;
    events.on_thought = [&](const copilot::Thought& t) { sse.send("thought", copilot::thought_json(t)); };
    events.on_token = [&](std::string_view text) { sse.send("token", util::json_text(Json{{"text", text}})); };
    events.on_insights = [&](const Json& insights) { sse.send("insights", util::json_text(insights)); };
    events.cancelled = [&] { return sse.cancelled(); };
    const auto outcome = service->generate(request, rows, events);
    if (outcome.cancelled) return;
    if (!outcome.success) {
      sse.send("error", util::json_text(Json{{"error", outcome.error}}));
      return;
    }
    Json response = outcome_json(outcome);
    if (!outcome.insights) response.erase("insights");
    sse.send("response", util::json_text(response));
  });
}

}  // namespace

void register_report_routes(http::Router& router, const llm::Providers& llm,
                            util::StoreBacked<datasets::DatasetCatalog> catalog) {
  auto service = std::make_shared<const reports::ReportService>(
      llm, catalog.enabled() ? &*catalog : nullptr);
  router.add("POST", "/api/reports/extract-issues",
             [service](const http::Request& r) { return extract(*service, r); },
             {"reports", "The low/high/all-scoring issues of posted rows or a stored dataset (no LLM)",
              http::BodyKind::json});
  router.add("POST", "/api/reports/generate", [service](const http::Request& r) { return generate(service, r); },
             {"reports", "Write a report about the issues with the model", http::BodyKind::json});
  router.add("POST", "/api/reports/generate/stream",
             [service](const http::Request& r) { return generate_stream(service, r); },
             {"reports", "Write a report, streamed as SSE (thoughts, tokens, insights, response, done)",
              http::BodyKind::json});
  router.add("GET", "/api/reports/status", [&llm](const http::Request&) {
    return http::Response::json(util::json_text(Json{
        {"available", llm.any()},
        {"providers", llm.names()},
        {"default_model", llm::kReportModels.openai},
        {"report_types", reports::report_types()},
        {"report_modes", reports::report_modes()},
        {"available_context_fields", reports::context_fields()}}));
  }, {"reports", "Whether reports can be written, and their options", http::BodyKind::none, {},
      "ReportsStatusReply"}, false);
}

}  // namespace axis::api
