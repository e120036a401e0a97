#include "reports/report_service.h"

#include <future>

#include "datasets/catalog.h"
#include "llm/llm_client.h"
#include "llm/providers.h"
#include "reports/issue_extractor.h"
#include "reports/report_insights.h"
#include "reports/report_prompt.h"
#include "store/connection.h"
#include "store/json_rows.h"
#include "store/store.h"
#include "util/http_error.h"
#include "util/json_text.h"
#include "util/text.h"

namespace axis::reports {
namespace {


copilot::Thought step(const std::string& id, const std::string& type, const std::string& content,
                      const std::string& skill, const Json& metadata) {
  copilot::Thought t;
  t.id = id;
  t.type = type;
  t.content = content;
  t.skill_name = skill;
  t.metadata_json = util::json_text(metadata);
  t.color = copilot::thought_color(type);
  return t;
}

}  // namespace

Json ReportService::rows_for(const ReportRequest& request, const std::string& no_data_message) const {
  if (!request.data.empty()) return request.data;
  if (request.dataset_id.empty()) throw util::HttpError(400, no_data_message);
  if (!catalog_) throw util::HttpError(503, "The store is disabled, so stored datasets cannot be used");
  const auto info = catalog_->find(request.dataset_id);
  if (!info) throw util::HttpError(404, "Dataset '" + request.dataset_id + "' not found");
  std::string columns;
  for (const auto& c : info->columns) {
    const bool wanted = c.name == "dataset_id" || c.name == "id" || c.name == "metric_name" ||
                        c.name == "metric_score" ||
                        std::find(context_fields().begin(), context_fields().end(), c.name) != context_fields().end();
    if (wanted) columns += (columns.empty() ? "" : ", ") + datasets::quote_ident(c.name);
  }
  if (columns.empty()) throw util::HttpError(400, no_data_message);
  Json rows = Json::array();
  auto conn = catalog_->store().connection();
  store::for_each_row_json(*conn, "SELECT " + columns + " FROM " + datasets::quote_ident(info->table_name), {},
                           [&](std::string_view row) { rows.push_back(Json::parse(row, nullptr, false)); });
  if (rows.empty()) throw util::HttpError(400, no_data_message);
  return rows;
}

const llm::LlmClient& ReportService::client_for(const ReportRequest& request) const {
  if (const llm::LlmClient* client = providers_.find(request.provider)) return *client;
  std::string available = "[";
  const auto names = providers_.names();
  for (std::size_t i = 0; i < names.size(); ++i) available += (i ? ", '" : "'") + names[i] + "'";
  throw util::HttpError(400, "LLM provider '" + request.provider + "' is not configured. Available: " + available + "]");
}

ReportOutcome ReportService::generate(const ReportRequest& request, const Json& rows, const ReportEvents& events) const {
  ReportOutcome out;
  const auto emit = [&](const copilot::Thought& t) {
    if (events.on_thought) events.on_thought(t);
  };
  const auto& cfg = request.extraction;
  char sample[32];
  std::snprintf(sample, sizeof sample, "%g", cfg.sample_rate * 100.0);
  emit(step("extract-1", "planning",
            "Extracting " + request.mode + "-scoring issues from " + std::to_string(rows.size()) +
                " records (threshold=" + util::python_float(cfg.score_threshold) + ", sample=" + sample + "%)",
            "issue_extractor", Json{{"config", cfg.to_json()}}));
  const Extraction extraction = extract_issues(rows, request);
  emit(step("extract-2", "observation",
            "Found " + std::to_string(extraction.issues.size()) + " issues across " +
                std::to_string(extraction.metrics_covered.size()) + " metrics",
            "issue_extractor", Json::object()));
  out.issues_analyzed = static_cast<long long>(extraction.issues.size());
  out.metrics_covered = extraction.metrics_covered;
  if (extraction.issues.empty()) {
    out.success = true;
    out.report_text = "No " + request.mode + "-scoring issues found with threshold " +
                      util::python_float(cfg.score_threshold) + ".";
    return out;
  }

  const llm::LlmClient& client = client_for(request);
  const std::string model = llm::model_for(client, request.model, llm::kReportModels);
  emit(step("generate-1", "reasoning", "Generating the " + request.report_type + " report with " + model,
            "report_generator", Json{{"model", model}, {"provider", client.config().name}}));
  auto insights = std::async(std::launch::async, [&] {
    return discover_patterns(client, model, extraction.issues, events.cancelled);
  });
  const ReportPrompt prompt = report_prompt(request, extraction);
  llm::ChatRequest chat;
  chat.model = model;
  chat.system = prompt.system;
  chat.messages.push_back({"user", prompt.user, {}, ""});
  chat.stream = true;
  llm::ChatCallbacks callbacks;
  callbacks.cancelled = events.cancelled;
  callbacks.on_text = events.on_token;
  try {
    out.report_text = client.chat(chat, callbacks, "reports").content;
  } catch (const llm::LlmCancelled&) {
    out.cancelled = true;
    insights.wait();
    return out;
  } catch (const llm::LlmError& e) {
    out.error = e.what();
    insights.wait();
    emit(step("error-1", "error", std::string("Error: ") + e.what(), "report_generator", Json::object()));
    return out;
  }
  out.insights = insights.get();
  std::string done = "Report generated successfully (" + std::to_string(out.report_text.size()) + " characters)";
  if (out.insights) done += " with " + std::to_string((*out.insights)["patterns"].size()) + " patterns discovered";
  emit(step("complete-1", "success", done, "report_generator", Json::object()));
  if (out.insights && events.on_insights) events.on_insights(*out.insights);
  out.success = true;
  return out;
}

}  // namespace axis::reports
