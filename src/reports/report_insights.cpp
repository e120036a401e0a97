#include "reports/report_insights.h"

#include <set>

#include "llm/json_reply.h"
#include "llm/llm_client.h"
#include "llm/providers.h"

namespace axis::reports {
namespace {

const char* const kSystem =
    "You find recurring failure patterns in AI evaluation issues. Group the issues into categories "
    "of at least two issues each. Reply with JSON only, no prose, in this shape: "
    "{\"patterns\":[{\"category\":\"short name\",\"description\":\"one sentence\","
    "\"issue_ids\":[\"the ids of the issues in it\"],\"confidence\":0.0}],"
    "\"learnings\":[\"one sentence each\"]}";

std::string id_text(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace

std::optional<Json> patterns_from_reply(const std::string& reply, const Json& issues_sent) {
  const Json parsed = llm::parse_json_reply(reply);
  if (!parsed.is_object() || !parsed.contains("patterns") || !parsed["patterns"].is_array()) return std::nullopt;
  Json patterns = Json::array();
  for (const auto& p : parsed["patterns"]) {
    if (!p.is_object()) continue;
    std::set<std::string> wanted;
    for (const auto& id : p.value("issue_ids", Json::array())) wanted.insert(id_text(id));
    std::set<std::string> metrics, cases;
    Json ids = Json::array(), examples = Json::array();
    std::size_t count = 0;
    for (const auto& issue : issues_sent) {
      const std::string id = id_text(issue["id"]);
      if (!wanted.count(id)) continue;
      ++count;
      metrics.insert(issue.value("metric_name", std::string()));
      if (cases.insert(id).second) ids.push_back(id);
      if (examples.size() < 3) {
        examples.push_back({{"id", id}, {"metric_name", issue.value("metric_name", std::string())},
                            {"score", issue["score"]}});
      }
    }
    if (count < kMinPatternSize) continue;
    Json out = {{"category", p.value("category", std::string("Uncategorised"))},
                {"description", p.value("description", std::string())},
                {"count", count},
                {"issue_ids", ids},
                {"metrics_involved", Json(std::vector<std::string>(metrics.begin(), metrics.end()))},
                {"is_cross_metric", metrics.size() > 1},
                {"distinct_test_cases", cases.size()},
                {"examples", examples}};
    if (p.contains("confidence") && p["confidence"].is_number()) out["confidence"] = p["confidence"];
    patterns.push_back(std::move(out));
  }
  if (patterns.empty()) return std::nullopt;
  Json learnings = Json::array();
  for (const auto& l : parsed.value("learnings", Json::array())) {
    if (l.is_string()) learnings.push_back(l);
  }
  return Json{{"patterns", patterns}, {"learnings", learnings}, {"total_issues_analyzed", issues_sent.size()},
              {"pipeline_metadata", {{"patterns_proposed", parsed["patterns"].size()},
                                     {"patterns_kept", patterns.size()},
                                     {"min_category_size", kMinPatternSize}}}};
}

std::optional<Json> discover_patterns(const llm::LlmClient& client, const std::string& model, const Json& issues,
                                      const std::function<bool()>& cancelled) {
  if (issues.size() < kMinPatternSize) return std::nullopt;
  Json sent = Json::array();
  std::string text;
  for (std::size_t i = 0; i < issues.size() && i < kMaxInsightIssues; ++i) {
    const Json& issue = issues[i];
    sent.push_back(issue);
    text += "- id " + id_text(issue["id"]) + " [" + issue.value("metric_name", std::string()) + " = " +
            (issue["score"].is_number() ? issue["score"].dump() : "null") + "]";
    for (const char* field : {"query", "actual_output"}) {
      if (issue.contains(field) && issue[field].is_string()) text += " " + std::string(field) + ": " + issue[field].get<std::string>().substr(0, 160);
    }
    text += "\n";
  }
  llm::ChatRequest request;
  request.model = model;
  request.system = kSystem;
  request.temperature = 0.0;
  request.messages.push_back({"user", "Issues:\n" + text, {}, ""});
  llm::ChatCallbacks callbacks;
  callbacks.cancelled = cancelled;
  try {
    const auto reply = client.chat(request, callbacks, "report_insights");
    auto result = patterns_from_reply(reply.content, sent);
    if (result) {
      (*result)["pipeline_metadata"]["model"] = request.model;
      (*result)["pipeline_metadata"]["provider"] = client.config().name;
    }
    return result;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace axis::reports
