#include "plugins/agent_replay/review_service.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>

#include "util/text.h"

namespace axis::plugins::agent_replay {
namespace {

constexpr int kMaxDatasets = 50;

std::string current_year_month() {
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m", &tm);
  return buf;
}

std::string default_dataset_name(const ReviewRequest& r, const std::string& year_month) {
  std::string who = "default";
  if (r.agent_label && !util::is_blank(*r.agent_label)) who = *r.agent_label;
  else if (r.agent && !util::is_blank(*r.agent)) who = *r.agent;
  return who + "-golden-" + year_month;
}

Json score_body(const std::string& trace_id, const PlannedScore& s) {
  Json body = {{"traceId", trace_id}, {"name", s.name}};
  if (s.value) {
    body["value"] = *s.value;
    body["dataType"] = "NUMERIC";
  } else {
    body["value"] = s.text.value_or("");
    body["dataType"] = "CATEGORICAL";
  }
  if (s.observation_id) body["observationId"] = *s.observation_id;
  if (s.comment) body["comment"] = *s.comment;
  return body;
}

Json reply_score(const Json& s) {
  const auto text = [&](const char* key) {
    const auto it = s.find(key);
    return it != s.end() && it->is_string() ? *it : Json(nullptr);
  };
  const auto value = s.find("value");
  return {{"id", text("id")},
          {"name", text("name")},
          {"value", value != s.end() && value->is_number() ? *value : Json(nullptr)},
          {"string_value", text("stringValue")},
          {"data_type", text("dataType")},
          {"comment", text("comment")},
          {"observation_id", text("observationId")},
          {"timestamp", text("timestamp")}};
}

}  // namespace

std::vector<PlannedScore> review_scores(const ReviewRequest& r) {
  const double verdict = r.verdict == "positive" ? 1.0 : r.verdict == "negative" ? -1.0 : 0.0;
  std::vector<PlannedScore> out = {{"review.verdict.v1", verdict, std::nullopt, r.verdict, std::nullopt}};
  const std::pair<const char*, const std::string*> texts[] = {
      {"review.tooling_needs.v1", &r.tooling_needs},
      {"review.rationale.v1", &r.rationale},
      {"review.expected_output.v1", &r.expected_output}};
  for (const auto& [name, text] : texts) {
    if (util::is_blank(*text)) continue;
    out.push_back({name, std::nullopt, *text, std::nullopt, r.failure_observation_id});
  }
  if (r.failure_observation_id) {
    out.push_back({"review.failure_step.v1", std::nullopt,
                   r.failure_observation_name.value_or(*r.failure_observation_id), std::nullopt,
                   r.failure_observation_id});
  }
  return out;
}

std::string review_dataset_name(const ReviewRequest& r, const std::string& year_month) {
  if (r.failure_observation_name && !util::is_blank(*r.failure_observation_name))
    return *r.failure_observation_name;
  if (r.dataset_name && !util::is_blank(*r.dataset_name)) return *r.dataset_name;
  return default_dataset_name(r, year_month);
}

Json review_dataset_item(const ReviewRequest& r, const std::string& dataset_name,
                         const std::string& year_month) {
  Json metadata = {{"verdict", r.verdict}};
  if (!util::is_blank(r.tooling_needs)) metadata["tooling_needs"] = r.tooling_needs;
  if (!util::is_blank(r.rationale)) metadata["rationale"] = r.rationale;
  Json item = {{"datasetName", dataset_name},
               {"id", default_dataset_name(r, year_month)},
               {"sourceTraceId", r.trace_id},
               {"input", r.trace_input},
               {"expectedOutput", r.expected_output.empty() ? Json(nullptr) : Json(r.expected_output)},
               {"metadata", metadata}};
  if (r.failure_observation_id) item["sourceObservationId"] = *r.failure_observation_id;
  return item;
}

Json ReviewService::submit(const ReviewRequest& r) const {
  const LangfuseClient client = replay_.accounts().client_for(r.agent);
  Json scores = Json::array();
  for (const PlannedScore& s : review_scores(r)) {
    client.create_score(score_body(r.trace_id, s));
    scores.push_back({{"id", ""},
                      {"name", s.name},
                      {"value", s.value ? Json(*s.value) : Json(nullptr)},
                      {"string_value", s.text ? Json(*s.text) : Json(nullptr)},
                      {"observation_id", s.observation_id ? Json(*s.observation_id) : Json(nullptr)}});
  }
  Json dataset_name = nullptr;
  bool item_created = false;
  if (r.add_to_dataset) {
    const std::string month = current_year_month();
    const std::string name = review_dataset_name(r, month);
    client.create_dataset(name);
    client.create_dataset_item(review_dataset_item(r, name, month));
    dataset_name = name;
    item_created = true;
  }
  return {{"success", true},
          {"trace_id", r.trace_id},
          {"scores_created", scores.size()},
          {"dataset_item_created", item_created},
          {"dataset_name", dataset_name},
          {"scores", scores}};
}

std::optional<Json> ReviewService::reviews(const std::string& trace_id,
                                           const std::optional<std::string>& agent) const {
  const LangfuseClient client = replay_.accounts().client_for(agent);
  const auto trace = client.get_trace(trace_id);  // fresh: reviews change while a trace is cached
  if (!trace || !trace->is_object()) return std::nullopt;
  Json scores = Json::array();
  const auto list = trace->find("scores");
  if (list != trace->end() && list->is_array()) {
    for (const auto& s : *list) {
      if (!s.is_object() || !s.contains("name") || !s["name"].is_string()) continue;
      if (s["name"].get<std::string>().rfind("review.", 0) == 0) scores.push_back(reply_score(s));
    }
  }
  return Json{{"trace_id", trace_id}, {"scores", scores}, {"datasets", Json::array()}};
}

Json ReviewService::datasets(const std::optional<std::string>& agent) const {
  const LangfuseClient client = replay_.accounts().client_for(agent);
  Json out = Json::array();
  for (const auto& d : client.list_datasets(kMaxDatasets)) {
    if (!d.is_object() || !d.contains("name") || !d["name"].is_string()) continue;
    const std::string name = d["name"].get<std::string>();
    out.push_back({{"name", name},
                   {"id", d.contains("id") && d["id"].is_string() ? d["id"] : Json(nullptr)},
                   {"item_count", client.dataset_item_count(name)},
                   {"created_at", d.contains("createdAt") && d["createdAt"].is_string() ? d["createdAt"] : Json(nullptr)}});
  }
  return {{"datasets", out}};
}

}  // namespace axis::plugins::agent_replay
