#include "evalmetrics/judge.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>

#include "evalmetrics/judge_texts.h"
#include "llm/json_reply.h"
#include "util/text.h"

namespace axis::evalmetrics {

namespace {

constexpr std::string_view kSystem =
    "You are an expert evaluator of AI assistant outputs. Judge only what the task asks, using "
    "only the material given. Reply with only a JSON object, no other text: "
    "{\"score\": <number from 0.0 to 1.0>, \"reasoning\": \"<one or two sentences>\"}";

struct Block {
  std::string_view field;
  std::string_view label;
};

constexpr Block kBlocks[] = {
    {"query", "Query"},
    {"actual_output", "Response"},
    {"retrieved_content", "Context"},
    {"expected_output", "Expected Output"},
    {"acceptance_criteria", "Acceptance Criteria"},
    {"conversation", "Conversation"},
};

std::string block_text(const EvalItem& item, std::string_view field) {
  if (field == "query") return item.query;
  if (field == "actual_output") return item.actual_output;
  if (field == "expected_output") return item.expected_output;
  if (field == "acceptance_criteria") return item.acceptance_criteria;
  if (field == "conversation") return item.conversation;
  std::string context;
  std::size_t n = 0;
  for (const std::string& chunk : item.retrieved_content) {
    if (util::is_blank(chunk)) continue;
    if (n > 0) context += "\n";
    ++n;
    context += "[" + std::to_string(n) + "] " + std::string(util::trim(chunk));
  }
  return context;
}

bool uses(const MetricInfo& info, std::string_view field) {
  return std::find(info.required_fields.begin(), info.required_fields.end(), field) !=
             info.required_fields.end() ||
         std::find(info.optional_fields.begin(), info.optional_fields.end(), field) !=
             info.optional_fields.end();
}

std::optional<nlohmann::json> reply_object(std::string_view text) {
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_object()) return parsed;
  const std::size_t open = text.find('{');
  const std::size_t close = text.rfind('}');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return std::nullopt;
  parsed = nlohmann::json::parse(text.substr(open, close - open + 1), nullptr, false);
  if (parsed.is_object()) return parsed;
  return std::nullopt;
}

std::optional<double> score_value(const nlohmann::json& score) {
  if (score.is_number()) return score.get<double>();
  if (!score.is_string()) return std::nullopt;
  const std::string text(util::trim(score.get_ref<const std::string&>()));
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

JudgePrompt judge_prompt(const MetricInfo& info, const EvalItem& item) {
  const JudgeTask* task = find_judge_task(info.key);
  std::string user;
  if (task) {
    user = std::string(task->task);
  } else {
    user = "Judge the response on this criterion: " + info.name + " — " + info.description;
  }
  user += "\n";
  for (const Block& block : kBlocks) {
    if (!uses(info, block.field)) continue;
    user += "\n" + std::string(block.label) + ":\n" +
            util::truncate_chars(block_text(item, block.field), kMaxBlockChars) + "\n";
  }
  user += "\nScore 0.0 means ";
  user += task ? std::string(task->zero) : "the criterion is not met at all";
  user += "; 1.0 means ";
  user += task ? std::string(task->one) : "the criterion is fully met";
  user += ". Use values in between for partial results.";
  return {std::string(kSystem), user};
}

MetricScore parse_judge_reply(std::string_view reply_text) {
  const auto failed = [&] {
    return MetricScore{0.5, "Failed to parse judge response: " +
                                util::truncate_chars(util::trim(reply_text), 200)};
  };
  const std::optional<nlohmann::json> reply = reply_object(llm::strip_code_fences(reply_text));
  if (!reply || !reply->contains("score")) return failed();
  const std::optional<double> score = score_value((*reply)["score"]);
  if (!score || !std::isfinite(*score)) return failed();
  std::string reasoning;
  if (const auto it = reply->find("reasoning"); it != reply->end() && it->is_string())
    reasoning = std::string(util::trim(it->get_ref<const std::string&>()));
  if (reasoning.empty()) reasoning = "No reasoning provided";
  return {std::clamp(*score, 0.0, 1.0), reasoning};
}

}  // namespace axis::evalmetrics
