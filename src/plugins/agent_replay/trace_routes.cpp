// GET /api/agent-replay/{status,agents,search,traces,traces/{id},traces/{id}/nodes/{node_id},
// traces/{id}/steps/{index}}.
#include <nlohmann/json.hpp>

#include <charconv>

#include "api/request_fields.h"
#include "http/router.h"
#include "plugins/agent_replay/replay_routes.h"
#include "plugins/agent_replay/replay_service.h"
#include "plugins/agent_replay/route_guard.h"
#include "util/http_error.h"
#include "util/json_text.h"
#include "util/text.h"

namespace axis::plugins::agent_replay {
namespace {

constexpr const char* kTag = "agent-replay";
constexpr std::size_t kMaxQueryChars = 1000;

http::Response reply(const Json& body) { return http::Response::json(util::json_text(body)); }

util::HttpError not_found(const std::string& what) { return util::HttpError(404, what); }

http::QueryParamDoc agent_doc() {
  return {"agent", "string", false, "Use this agent's Langfuse credentials (LANGFUSE_<AGENT>_*)"};
}

http::Response search(const ReplayService& replay, const http::Request& req) {
  api::QueryParams q(req);
  SearchRequest r;
  r.query = q.required("query");
  if (r.query.size() > kMaxQueryChars) {
    throw util::HttpError::field({"query", "query"}, "string_too_long",
                                 "String should have at most 1000 characters");
  }
  r.limit = static_cast<int>(q.integer("limit", 10, 1, 100));
  r.days_back = static_cast<int>(q.integer("days_back", 30, 1, 90));
  r.search_by = q.text("search_by").value_or("trace_id");
  r.agent = q.text("agent");
  q.check();
  return guarded(replay, true, [&] { return reply(replay.search(r)); });
}

http::Response traces(const ReplayService& replay, const http::Request& req) {
  api::QueryParams q(req);
  TraceListRequest r;
  r.limit = static_cast<int>(q.integer("limit", 20, 1, 100));
  r.days_back = static_cast<int>(q.integer("days_back", 7, 1, 90));
  r.name = q.text("name").value_or("");
  const std::string tags = q.text("tags").value_or("");
  for (std::size_t at = 0; at <= tags.size() && !tags.empty();) {
    const std::size_t comma = std::min(tags.find(',', at), tags.size());
    std::string tag(util::trim(std::string_view(tags).substr(at, comma - at)));
    if (!tag.empty()) r.tags.push_back(std::move(tag));
    at = comma + 1;
  }
  if (r.tags.size() > 50) {
    throw util::HttpError::field({"query", "tags"}, "too_long", "At most 50 tags");
  }
  r.agent = q.text("agent");
  q.check();
  return guarded(replay, true, [&] { return reply(replay.list_traces(r)); });
}

http::Response detail(const ReplayService& replay, const http::Request& req) {
  api::QueryParams q(req);
  const auto max_chars = static_cast<std::size_t>(q.integer("max_chars", 50000, 1, 200000));
  const auto agent = q.text("agent");
  q.check();
  return guarded(replay, true, [&] {
    const std::string& id = req.param("trace_id");
    auto d = replay.detail(id, max_chars, agent);
    if (!d) throw not_found("Trace '" + id + "' not found");
    return reply(*d);
  });
}

http::Response node(const ReplayService& replay, const http::Request& req) {
  api::QueryParams q(req);
  const auto agent = q.text("agent");
  q.check();
  return guarded(replay, true, [&] {
    const std::string& id = req.param("trace_id");
    const std::string& node_id = req.param("node_id");
    auto n = replay.node(id, node_id, agent);
    if (!n) throw not_found("Node '" + node_id + "' not found in trace '" + id + "'");
    return reply(*n);
  });
}

http::Response step(const ReplayService& replay, const http::Request& req) {
  api::QueryParams q(req);
  const auto agent = q.text("agent");
  q.check();
  const std::string& text = req.param("index");
  long long index = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), index);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size()) {
    throw util::HttpError::field({"path", "index"}, "int_parsing",
                                 "Input should be a valid integer, unable to parse string as an integer",
                                 util::json_text(Json(text)));
  }
  return guarded(replay, true, [&] {
    const std::string& id = req.param("trace_id");
    auto s = index < 0 ? std::nullopt : replay.step(id, static_cast<std::size_t>(index), agent);
    if (!s) throw not_found("Step " + text + " not found in trace '" + id + "'");
    return reply(*s);
  });
}

}  // namespace

void add_trace_routes(http::Router& router, const ReplayService& replay) {
  const std::string base = "/api/agent-replay";
  router.add("GET", base + "/status",
             [&replay](const http::Request&) { return reply(replay.status()); },
             {kTag, "Whether replay is on, Langfuse is configured, the defaults and the search fields",
              http::BodyKind::none, {}, "AgentReplayStatusReply"});
  router.add("GET", base + "/agents",
             [&replay](const http::Request&) { return reply(replay.agents()); },
             {kTag, "The agents with their own Langfuse credentials", http::BodyKind::none, {},
              "AgentReplayAgentsReply"});
  router.add("GET", base + "/search", [&replay](const http::Request& r) { return search(replay, r); },
             {kTag, "Find traces by trace ID, by the metadata search key, or through the search DB",
              http::BodyKind::none,
              {{"query", "string", true, "Trace ID, metadata value, or business key"},
               {"limit", "integer", false, "1-100 (10)"},
               {"days_back", "integer", false, "1-90 (30)"},
               {"search_by", "string", false, "trace_id (default), field, or a search DB column"},
               agent_doc()},
              "AgentReplayTraceListReply"});
  router.add("GET", base + "/traces", [&replay](const http::Request& r) { return traces(replay, r); },
             {kTag, "Recent traces", http::BodyKind::none,
              {{"limit", "integer", false, "1-100 (20)"},
               {"days_back", "integer", false, "1-90 (7)"},
               {"name", "string", false, "Trace name"},
               {"tags", "string", false, "Comma-separated tags, all required"},
               agent_doc()},
              "AgentReplayTraceListReply"});
  router.add("GET", base + "/traces/{trace_id}",
             [&replay](const http::Request& r) { return detail(replay, r); },
             {kTag, "A trace's steps, observation tree and totals", http::BodyKind::none,
              {{"max_chars", "integer", false, "1-200000 (50000): longer inputs and outputs are cut"},
               agent_doc()},
              "AgentReplayTraceDetail"});
  router.add("GET", base + "/traces/{trace_id}/nodes/{node_id}",
             [&replay](const http::Request& r) { return node(replay, r); },
             {kTag, "One observation of a trace with its subtree", http::BodyKind::none, {agent_doc()},
              "AgentReplayTreeNode"});
  router.add("GET", base + "/traces/{trace_id}/steps/{index}",
             [&replay](const http::Request& r) { return step(replay, r); },
             {kTag, "One step (observations sharing a name), by grouping order", http::BodyKind::none,
              {agent_doc()}, "AgentReplayStep"});
}

}  // namespace axis::plugins::agent_replay
