// Query parameters shared by the monitoring analytics and store browsing routes: the common
// filters (spec data.md §2.4), group_by (400 outside the allowlist) and granularity (422
// outside hourly|daily|weekly).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/request_fields.h"
#include "http/router.h"
#include "monitoring/monitoring_analytics_scope.h"

namespace axis::config {
struct AgentEntry;
struct Settings;
}

namespace axis::api {

// environment, source_name, source_component, source_type, metric_category, metric_name,
// time_start, time_end (the time window is checked when the query runs). A source_name that
// belongs to a registered agent matches all of the agent's names (config/agent_match.h).
monitoring::MonitoringFilters monitoring_filters(const QueryParams& params,
                                                 const std::vector<config::AgentEntry>& agents);

// dataset_id, the filters and the configured visible metrics.
monitoring::AnalyticsRequest analytics_request(const QueryParams& params,
                                               const config::Settings& settings);

// group_by, checked against the allowlist (HttpError 400); nullopt when absent.
std::optional<std::string> group_by_param(const QueryParams& params);

// granularity (default daily); a value outside hourly|daily|weekly is recorded as a 422 issue.
std::string granularity_param(QueryParams& params);

// A decimal query parameter, or `fallback` when absent; HttpError 422 (float_parsing) when it
// is not a finite number.
double number_param(const QueryParams& params, const std::string& name, double fallback);

// A comma-separated list: items trimmed, empty items and repeats dropped, order kept.
std::vector<std::string> comma_list(const std::string& text);

// The query parameters above, for the OpenAPI description of a route.
std::vector<http::QueryParamDoc> monitoring_filter_docs();

}  // namespace axis::api
