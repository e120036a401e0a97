// JSON helpers for the monitoring analytics replies (included by their .cpp files only).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "monitoring/monitoring_analytics_queries.h"
#include "util/json_text.h"

namespace axis::monitoring {

using Json = nlohmann::ordered_json;

inline Json text_or_null(const std::optional<std::string>& s) {
  return s ? Json(*s) : Json(nullptr);
}

inline Json percentiles_json(const Percentiles& p) {
  return {{"p50", p.p50}, {"p95", p.p95}, {"p99", p.p99}};
}

// A group's key in by_group maps and lists: its value, or "Unknown" for rows without one.
inline std::string group_key(const std::optional<std::string>& value) {
  return value.value_or("Unknown");
}

}  // namespace axis::monitoring
