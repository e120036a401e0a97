// The model's reading of a judge's mistakes (spec/ai.md §4.3): misalignment analysis and prompt
// optimisation. Each sends the judge's false positives and false negatives (at most
// kMaxSamplesPerSide each) with the criteria to the model and reads its JSON reply. With no
// mistakes neither calls the model. Blocking; thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

#include "align/align_types.h"

namespace axis::llm { class LlmClient; }

namespace axis::align {

using Json = nlohmann::ordered_json;

inline constexpr std::size_t kMaxSamplesPerSide = 10;
inline constexpr std::size_t kMaxSampleChars = 1000;  // query/output/reasoning text sent, each

// {total_misaligned, false_positives, false_negatives, patterns[{pattern_type, description,
// count, examples}], summary, recommendations}. Throws util::HttpError 502 when the model call
// fails or its reply is not the JSON asked for.
Json analyze_misalignment(const llm::LlmClient& client, const std::string& model,
                          const std::vector<AlignmentResult>& results, const JudgeConfig& config);

// {original_prompt, optimized_prompt, evaluation_criteria, suggestions[{aspect, suggestion,
// rationale}], expected_improvement}: optimized_prompt is the system prompt with every
// occurrence of the old criteria text replaced by the new. Throws like analyze_misalignment.
Json optimize_prompt(const llm::LlmClient& client, const std::string& model,
                     const std::vector<AlignmentResult>& results, const JudgeConfig& config);

// The model's JSON reply to a one-turn chat (system + user), logged under "align". Throws
// util::HttpError 502 when the call fails or the reply is not a JSON object.
Json ask_for_json(const llm::LlmClient& client, const std::string& model, const std::string& system,
                  const std::string& user, const std::string& what);

}  // namespace axis::align
