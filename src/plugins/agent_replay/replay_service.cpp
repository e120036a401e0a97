#include "plugins/agent_replay/replay_service.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>
#include <map>
#include <regex>
#include <set>

#include "config/agent_name.h"
#include "plugins/agent_replay/trace_model.h"

namespace axis::plugins::agent_replay {
namespace {

constexpr int kMetadataScanPages = 5;  // pages of 100 traces read for a metadata search

std::string iso_days_ago(int days) {
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() -
                                                      std::chrono::hours(24 * days));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Json summaries(const Json& traces) {
  Json out = Json::array();
  for (const auto& t : traces) out.push_back(trace_list_item(t));
  return {{"traces", out}, {"total", out.size()}};
}

// The metadata value as the search compares it: strings as they are, other values as JSON.
std::string metadata_text(const Json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace

bool looks_like_trace_id(const std::string& q) {
  static const std::regex uuid(
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  static const std::regex hex("^[0-9a-fA-F]{32,}$");
  return std::regex_match(q, uuid) || std::regex_match(q, hex);
}

ReplayService::ReplayService(const config::Settings& settings, LangfuseLimits limits)
    : enabled_(settings.langfuse.agent_replay_enabled),
      defaults_(settings.agent_replay),
      accounts_(settings.langfuse, limits),
      search_db_(SearchDbConfig::from_settings(settings.agent_replay_db)) {}

Json ReplayService::search_fields(const SearchDbConfig& config) const {
  Json fields = Json::array({{{"value", "trace_id"}, {"label", "Trace ID"}}});
  if (config.source.enabled && config.is_configured()) {
    for (const auto& [col, label] : config.search_columns) fields.push_back({{"value", col}, {"label", label}});
  }
  return fields;
}

Json ReplayService::status() const {
  std::set<std::string> agent_names;
  for (const auto& a : accounts_.agents()) agent_names.insert(a);
  for (const auto& [a, o] : search_db_.config().agents) agent_names.insert(a);
  Json per_agent = Json::object();
  for (const auto& a : agent_names) per_agent[a] = search_fields(search_db_.config().for_agent(a));
  return {{"enabled", enabled_},
          {"configured", accounts_.configured()},
          {"langfuse_host", accounts_.host()},
          {"default_limit", defaults_.default_limit},
          {"default_days_back", defaults_.default_days_back},
          {"agents", accounts_.agents()},
          {"search_fields", search_fields(search_db_.config())},
          {"agent_search_fields", per_agent}};
}

Json ReplayService::agents() const { return {{"agents", accounts_.agents()}}; }

std::shared_ptr<const Json> ReplayService::fetch(const LangfuseClient& client, const std::string& trace_id,
                                                 const std::optional<std::string>& agent) const {
  const std::string key = (agent ? config::canonical_agent_name(*agent) : std::string()) + "\n" + trace_id;
  if (auto hit = cache_.get(key)) return hit;
  auto trace = client.get_trace(trace_id);
  if (!trace || !trace->is_object()) return nullptr;
  auto shared = std::make_shared<const Json>(std::move(*trace));
  cache_.put(key, shared);
  return shared;
}

Json ReplayService::search(const SearchRequest& r) const {
  if (r.search_by != "trace_id") return search_db(r);
  const LangfuseClient client = accounts_.client_for(r.agent);
  if (looks_like_trace_id(r.query)) {
    const auto trace = fetch(client, r.query, r.agent);
    return summaries(trace ? Json::array({*trace}) : Json::array());
  }
  TraceListQuery q;
  q.limit = kMetadataScanPages * 100;
  q.max_pages = kMetadataScanPages;
  q.from_timestamp = iso_days_ago(r.days_back);
  Json matching = Json::array();
  for (const auto& t : client.list_traces(q)) {
    if (static_cast<int>(matching.size()) >= r.limit) break;
    const auto meta = t.find("metadata");
    if (meta == t.end() || !meta->is_object()) continue;
    const auto v = meta->find(defaults_.search_metadata_key);
    if (v != meta->end() && metadata_text(*v) == r.query) matching.push_back(t);
  }
  return summaries(matching);
}

Json ReplayService::search_db(const SearchRequest& r) const {
  accounts_.client_for(r.agent);  // 503 first when the requested credentials are missing
  const auto matches = search_db_.lookup(r.query, r.search_by == "field" ? std::nullopt
                                                                         : std::optional(r.search_by),
                                         r.agent, r.limit);
  // One group per agent (the row's, else the requested one), fetched with its credentials.
  std::map<std::string, std::vector<std::string>> groups;
  std::vector<std::string> order;
  for (const auto& m : matches) {
    const std::string agent = m.agent.value_or(r.agent ? config::canonical_agent_name(*r.agent) : "");
    if (!groups.count(agent)) order.push_back(agent);
    groups[agent].push_back(m.trace_id);
  }
  Json traces = Json::array();
  for (const auto& agent : order) {
    const std::optional<std::string> who = agent.empty() ? std::nullopt : std::optional(agent);
    Json fetched = Json::array();
    try {
      const LangfuseClient client = accounts_.client_for(who);
      for (const auto& id : groups[agent]) {
        if (auto trace = fetch(client, id, who)) fetched.push_back(*trace);
      }
    } catch (const std::exception&) {
      continue;  // a group without credentials or whose fetch fails is left out
    }
    for (auto& t : fetched) traces.push_back(std::move(t));
  }
  return summaries(traces);
}

Json ReplayService::list_traces(const TraceListRequest& r) const {
  const LangfuseClient client = accounts_.client_for(r.agent);
  TraceListQuery q;
  q.limit = r.limit;
  q.from_timestamp = iso_days_ago(r.days_back);
  q.name = r.name;
  q.tags = r.tags;
  return summaries(client.list_traces(q));
}

std::optional<Json> ReplayService::detail(const std::string& trace_id, std::size_t max_chars,
                                          const std::optional<std::string>& agent) const {
  const auto trace = fetch(accounts_.client_for(agent), trace_id, agent);
  if (!trace) return std::nullopt;
  return trace_detail(*trace, max_chars);
}

std::optional<Json> ReplayService::node(const std::string& trace_id, const std::string& node_id,
                                        const std::optional<std::string>& agent) const {
  const auto trace = fetch(accounts_.client_for(agent), trace_id, agent);
  if (!trace) return std::nullopt;
  const auto obs = trace->find("observations");
  return find_node(tree_of(obs == trace->end() ? Json::array() : *obs, kSubtreeMaxChars), node_id);
}

std::optional<Json> ReplayService::step(const std::string& trace_id, std::size_t index,
                                        const std::optional<std::string>& agent) const {
  const auto trace = fetch(accounts_.client_for(agent), trace_id, agent);
  if (!trace) return std::nullopt;
  const auto obs = trace->find("observations");
  Json steps = steps_of(obs == trace->end() ? Json::array() : *obs, kSubtreeMaxChars);
  if (index >= steps.size()) return std::nullopt;
  return steps[index];
}

}  // namespace axis::plugins::agent_replay
