// The query parameters of the Human Signals case views (cases, figures): the filters
// (`filter.<field>`, repeated for several values), `search`, and `sort_by`/`sort_dir`, read into
// the signals service's types. Field names are checked later, against the cases table.
#pragma once

#include <optional>
#include <vector>

#include "api/request_fields.h"
#include "http/router.h"
#include "signals/case_selection.h"

namespace axis::config { struct AgentEntry; }

namespace axis::api {

// Every `filter.<field>=<value>` parameter, grouped by field in first-seen order (empty values
// are left out, a field given only with empty values has none), and `search`. A
// `filter.source_name` value that belongs to a registered agent stands for all of the agent's
// names (config/agent_match.h).
signals::CaseSelection case_selection(const http::Request& req, const QueryParams& params,
                                      const std::vector<config::AgentEntry>& agents);

// `sort_by` (any case field) and `sort_dir` (asc, the default, or desc; else a literal_error
// recorded in params). None without sort_by.
std::optional<signals::CaseSort> case_sort(QueryParams& params);

// OpenAPI entries: dataset_id, the filters and search; with_sort adds sort_by and sort_dir.
std::vector<http::QueryParamDoc> case_view_docs(bool with_sort);

}  // namespace axis::api
