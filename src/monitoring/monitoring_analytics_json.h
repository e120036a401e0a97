// JSON helpers of the alerts' reply (included by alerts.cpp only).
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

}  // namespace axis::monitoring
