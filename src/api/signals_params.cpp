#include "api/signals_params.h"

#include <algorithm>
#include <string_view>

#include "config/agent_match.h"
#include "http/request.h"

namespace axis::api {

namespace {
constexpr std::string_view kFilterPrefix = "filter.";
}  // namespace

signals::CaseSelection case_selection(const http::Request& req, const QueryParams& params,
                                      const std::vector<config::AgentEntry>& agents) {
  signals::CaseSelection out;
  for (const auto& [name, value] : req.query) {
    if (name.compare(0, kFilterPrefix.size(), kFilterPrefix) != 0) continue;
    const std::string field = name.substr(kFilterPrefix.size());
    auto it = std::find_if(out.filters.begin(), out.filters.end(),
                           [&](const auto& f) { return f.first == field; });
    if (it == out.filters.end()) it = out.filters.insert(out.filters.end(), {field, {}});
    if (value.empty()) continue;
    const std::vector<std::string> values =
        field == "source_name" ? config::resolve_source_filter(agents, value).values
                               : std::vector<std::string>{value};
    for (const auto& v : values) {
      if (std::find(it->second.begin(), it->second.end(), v) == it->second.end()) {
        it->second.push_back(v);
      }
    }
  }
  out.search = params.text("search");
  out.time_start = params.text("time_start");
  out.time_end = params.text("time_end");
  return out;
}

std::optional<signals::CaseSort> case_sort(QueryParams& params) {
  const auto field = params.text("sort_by");
  const auto dir = params.choice("sort_dir", {"asc", "desc"}, "asc");
  if (!field) return std::nullopt;
  return signals::CaseSort{*field, dir == "desc"};
}

std::vector<http::QueryParamDoc> case_view_docs(bool with_sort) {
  std::vector<http::QueryParamDoc> docs = {
      {"dataset_id", "string", false, "default: the newest human-signals dataset"},
      {"filter.{field}", "string", false,
       "Only cases holding this value of a case field (a column, e.g. filter.source_name or "
       "filter.outcome__status); repeat for any of several values; several fields must all "
       "match. An unknown field is 422"},
      {"search", "string", false, "Case-insensitive substring of Case_ID, Business or Agent_Name"},
      {"time_start", "string", false,
       "Only cases from this time on (their Timestamp; ISO 8601, no zone = UTC, a bare date, or "
       "epoch seconds/milliseconds); cases without a readable Timestamp are left out"},
      {"time_end", "string", false, "Only cases up to this time (inclusive)"}};
  if (with_sort) {
    docs.push_back({"sort_by", "string", false,
                    "A case field; empty values last, text in natural order (default: Case_ID "
                    "order)"});
    docs.push_back({"sort_dir", "string", false, "asc (default) or desc"});
  }
  return docs;
}

}  // namespace axis::api
