// What the judge is told and how its answer is read (spec/ai.md §4.1). Pure functions;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "align/align_types.h"
#include "llm/chat.h"

namespace axis::align {

// The placeholder a system prompt holds for the criteria.
inline constexpr std::string_view kCriteriaPlaceholder = "{evaluation_criteria}";

std::string default_system_prompt();
std::string default_evaluation_criteria();

// The system prompt with every {evaluation_criteria} replaced by the criteria.
std::string judge_instruction(const JudgeConfig& config);

// The chat for one record: system = instruction + the JSON-only rules; each few-shot example as
// a user turn ("Input:\n" + {"query","actual_output"[,"expected_output"]}) and an assistant turn
// ({"score","explanation"}); the record as the last user turn. Model and temperature from
// `config` (the model as given; the caller fits it to the provider).
llm::ChatRequest judge_request(const JudgeConfig& config, const AlignRecord& record);

struct JudgeVerdict {
  int score = 0;  // 1 when the reply's score is ≥ 0.5, else 0 (also when none was found)
  std::string reasoning;
  bool parsed = false;  // false: neither JSON nor Score:/Reasoning: lines were found
};

// Reads a reply: JSON {score, explanation} (fenced or not; "reasoning" is read too), else the
// lines "Score: <n>" and "Reasoning: <text>" (case-insensitive). Anything else is score 0 with
// a reasoning that says the reply could not be read and quotes its start.
JudgeVerdict parse_judge_reply(std::string_view reply);

}  // namespace axis::align
