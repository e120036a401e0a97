// The metrics the eval runner offers (spec ai.md §3 "Metrics").
#pragma once

#include <string_view>
#include <vector>

#include "evalmetrics/metric_info.h"

namespace axis::evalmetrics {

// Every metric, sorted by key. Built once, never changed.
const std::vector<MetricInfo>& catalogue();

// The metric with this key; null when there is none.
const MetricInfo* find_metric(std::string_view key);

// True when a tag is one of heuristic / retrieval / tool / binary: the rule for is_llm_based.
bool has_non_llm_tag(const std::vector<std::string>& tags);

}  // namespace axis::evalmetrics
