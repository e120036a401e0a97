#include "align/analyses.h"

#include <nlohmann/json.hpp>

#include "align/judge_prompt.h"
#include "llm/json_reply.h"
#include "llm/llm_client.h"
#include "util/http_error.h"
#include "util/json_text.h"
#include "util/text.h"

namespace axis::align {
namespace {

const char* const kAnalysisSystem =
    "You analyse where an LLM judge disagrees with human labels. False positives are records the "
    "judge accepted but the human rejected (the judge is too lenient); false negatives are records "
    "the judge rejected but the human accepted (too strict). Find the patterns behind them: "
    "lenient or strict biases, ambiguities in the criteria, edge cases. Reply with a JSON object "
    "only, in this shape: {\"summary\": \"two or three sentences\", \"patterns\": "
    "[{\"pattern_type\": \"false_positive\" or \"false_negative\", \"description\": \"...\", "
    "\"example_ids\": [\"record ids\"]}], \"recommendations\": [\"3 to 4 concrete changes\"]}";

const char* const kOptimiseSystem =
    "You improve the evaluation criteria of an LLM judge so that it agrees with human labels. "
    "Keep the criteria's intent, remove ambiguity, and cover the edge cases behind the judge's "
    "mistakes. Reply with a JSON object only, in this shape: {\"optimized_criteria\": \"the full "
    "new criteria text\", \"suggestions\": [{\"aspect\": \"...\", \"suggestion\": \"...\", "
    "\"rationale\": \"...\"}], \"expected_improvement\": \"one sentence\"}";

struct Mistakes {
  std::vector<const AlignmentResult*> false_positives, false_negatives;
  std::size_t total() const { return false_positives.size() + false_negatives.size(); }
};

Mistakes mistakes_of(const std::vector<AlignmentResult>& results) {
  Mistakes m;
  for (const auto& r : results) {
    if (r.human_score == 0 && r.llm_score == 1) m.false_positives.push_back(&r);
    if (r.human_score == 1 && r.llm_score == 0) m.false_negatives.push_back(&r);
  }
  return m;
}

Json samples_json(const std::vector<const AlignmentResult*>& side) {
  Json out = Json::array();
  for (std::size_t i = 0; i < side.size() && i < kMaxSamplesPerSide; ++i) {
    const auto& r = *side[i];
    out.push_back({{"id", r.record_id},
                   {"query", util::truncate_chars(r.query, kMaxSampleChars)},
                   {"output", util::truncate_chars(r.actual_output, kMaxSampleChars)},
                   {"human_score", r.human_score},
                   {"llm_score", r.llm_score},
                   {"llm_reasoning", util::truncate_chars(r.llm_reasoning, kMaxSampleChars)}});
  }
  return out;
}

std::string text_of(const Json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

std::vector<std::string> strings_of(const Json& v) {
  std::vector<std::string> out;
  if (!v.is_array()) return out;
  for (const auto& item : v) {
    if (item.is_string()) out.push_back(item.get<std::string>());
    else if (item.is_number()) out.push_back(item.dump());
  }
  return out;
}

}  // namespace

Json ask_for_json(const llm::LlmClient& client, const std::string& model, const std::string& system,
                  const std::string& user, const std::string& what) {
  llm::ChatRequest request;
  request.model = model;
  request.system = system;
  request.temperature = 0.0;
  request.messages.push_back({"user", user, {}, ""});
  std::string reply;
  try {
    reply = client.chat(request, {}, "align").content;
  } catch (const llm::LlmError& e) {
    throw util::HttpError(502, "The model call for " + what + " failed: " + e.what());
  }
  Json parsed = llm::parse_json_reply(reply);
  if (!parsed.is_object()) {
    throw util::HttpError(502, "The model's reply for " + what + " was not the JSON object asked for");
  }
  return parsed;
}

Json analyze_misalignment(const llm::LlmClient& client, const std::string& model,
                          const std::vector<AlignmentResult>& results, const JudgeConfig& config) {
  const Mistakes m = mistakes_of(results);
  Json out = {{"total_misaligned", m.total()},
              {"false_positives", m.false_positives.size()},
              {"false_negatives", m.false_negatives.size()},
              {"patterns", Json::array()},
              {"summary", "No misaligned records: the judge agrees with every human label."},
              {"recommendations", Json::array()}};
  if (m.total() == 0) return out;
  const Json user = {{"evaluation_criteria", config.evaluation_criteria},
                     {"false_positive_count", m.false_positives.size()},
                     {"false_negative_count", m.false_negatives.size()},
                     {"false_positives", samples_json(m.false_positives)},
                     {"false_negatives", samples_json(m.false_negatives)}};
  const Json reply = ask_for_json(client, model, kAnalysisSystem, util::json_text(user), "the misalignment analysis");
  for (const auto& p : reply.value("patterns", Json::array())) {
    if (!p.is_object()) continue;
    const auto ids = strings_of(p.value("example_ids", Json::array()));
    const std::string type = text_of(p.value("pattern_type", Json()));
    out["patterns"].push_back({{"pattern_type", type == "false_negative" ? "false_negative" : "false_positive"},
                               {"description", text_of(p.value("description", Json()))},
                               {"count", ids.size()},
                               {"examples", ids}});
  }
  out["summary"] = text_of(reply.value("summary", Json()));
  out["recommendations"] = strings_of(reply.value("recommendations", Json::array()));
  return out;
}

Json optimize_prompt(const llm::LlmClient& client, const std::string& model,
                     const std::vector<AlignmentResult>& results, const JudgeConfig& config) {
  const Mistakes m = mistakes_of(results);
  Json out = {{"original_prompt", config.system_prompt},
              {"optimized_prompt", config.system_prompt},
              {"evaluation_criteria", config.evaluation_criteria},
              {"suggestions", Json::array()},
              {"expected_improvement", "No misaligned records: the prompt already agrees with every human label."}};
  if (m.total() == 0) return out;
  const Json user = {{"system_prompt", config.system_prompt},
                     {"evaluation_criteria", config.evaluation_criteria},
                     {"false_positive_count", m.false_positives.size()},
                     {"false_negative_count", m.false_negatives.size()},
                     {"false_positives", samples_json(m.false_positives)},
                     {"false_negatives", samples_json(m.false_negatives)}};
  const Json reply = ask_for_json(client, model, kOptimiseSystem, util::json_text(user), "the prompt optimisation");
  const std::string criteria = text_of(reply.value("optimized_criteria", Json()));
  if (criteria.empty()) {
    throw util::HttpError(502, "The model's reply for the prompt optimisation has no optimized_criteria");
  }
  for (const auto& s : reply.value("suggestions", Json::array())) {
    if (!s.is_object()) continue;
    out["suggestions"].push_back({{"aspect", text_of(s.value("aspect", Json()))},
                                  {"suggestion", text_of(s.value("suggestion", Json()))},
                                  {"rationale", text_of(s.value("rationale", Json()))}});
  }
  out["optimized_prompt"] = util::replace_all(config.system_prompt, config.evaluation_criteria, criteria);
  out["evaluation_criteria"] = criteria;
  out["expected_improvement"] = text_of(reply.value("expected_improvement", Json()));
  return out;
}

}  // namespace axis::align
