// Report insights: the model groups the issues into recurring patterns; each pattern's counts,
// metrics and examples are then computed from the issues themselves, and patterns with fewer
// than two issues are dropped. A failed call only means no insights.
#pragma once

#include <functional>
#include <optional>

#include "reports/report_request.h"

namespace axis::llm { class LlmClient; }

namespace axis::reports {

inline constexpr std::size_t kMaxInsightIssues = 50;
inline constexpr std::size_t kMinPatternSize = 2;

// {patterns[{category, description, count, issue_ids, metrics_involved, is_cross_metric,
// distinct_test_cases, examples, confidence}], learnings, total_issues_analyzed,
// pipeline_metadata}, or nullopt when the model failed or found no pattern.
std::optional<Json> discover_patterns(const llm::LlmClient& client, const std::string& model, const Json& issues,
                                      const std::function<bool()>& cancelled);

// The patterns object built from the model's reply text (fenced or bare JSON); nullopt when the
// reply is not the JSON asked for or no pattern has enough issues. Pure; unit-tested.
std::optional<Json> patterns_from_reply(const std::string& reply, const Json& issues_sent);

}  // namespace axis::reports
