// The /api/agent-replay routes (spec/plugins.md §3.3 and §3.5).
#pragma once

namespace axis::http { class Router; }

namespace axis::plugins::agent_replay {

class ReplayService;
class ReviewService;

// Adds the trace routes (status, agents, search, traces, detail, nodes, steps).
void add_trace_routes(http::Router& router, const ReplayService& replay);
// Adds POST /reviews, GET /traces/{id}/reviews and GET /datasets.
void add_review_routes(http::Router& router, const ReplayService& replay, const ReviewService& reviews);

}  // namespace axis::plugins::agent_replay
