// POST /api/agent-replay/reviews, GET /api/agent-replay/traces/{id}/reviews and
// GET /api/agent-replay/datasets.
#include <nlohmann/json.hpp>

#include "api/request_fields.h"
#include "http/json_body.h"
#include "http/router.h"
#include "plugins/agent_replay/replay_routes.h"
#include "plugins/agent_replay/review_service.h"
#include "plugins/agent_replay/route_guard.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::plugins::agent_replay {
namespace {

constexpr const char* kTag = "agent-replay";

http::Response reply(const Json& body) { return http::Response::json(util::json_text(body)); }

std::size_t char_count(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// An optional text field of at most `max` characters ("" when absent).
std::string bounded_text(api::BodyFields& f, const api::BodyJson& body, const std::string& name,
                         std::size_t max) {
  std::string text = f.optional_text(name).value_or("");
  if (char_count(text) > max) {
    f.invalid("string_too_long", name, "String should have at most " + std::to_string(max) + " characters",
              &body[name]);
  }
  return text;
}

ReviewRequest parse_review(const api::BodyJson& body) {
  api::BodyFields f(body);
  ReviewRequest r;
  r.trace_id = f.text("trace_id");
  r.agent = f.optional_text("agent");
  r.agent_label = f.optional_text("agent_label");
  r.verdict = f.text("verdict", 0);
  if (body.is_object() && body.contains("verdict") && body["verdict"].is_string() &&
      r.verdict != "positive" && r.verdict != "negative" && r.verdict != "neutral") {
    f.invalid("literal_error", "verdict", "Input should be 'positive', 'negative' or 'neutral'",
              &body["verdict"]);
  }
  r.failure_observation_id = f.optional_text("failure_observation_id");
  r.failure_observation_name = f.optional_text("failure_observation_name");
  r.tooling_needs = bounded_text(f, body, "tooling_needs", kReviewTextMax);
  r.rationale = bounded_text(f, body, "rationale", kReviewTextMax);
  r.expected_output = bounded_text(f, body, "expected_output", kReviewTextMax);
  r.add_to_dataset = f.boolean("add_to_dataset", false);
  const std::string dataset_name = bounded_text(f, body, "dataset_name", kDatasetNameMax);
  if (!dataset_name.empty()) r.dataset_name = dataset_name;
  r.trace_input = body.is_object() && body.contains("trace_input") ? Json(body["trace_input"]) : Json(nullptr);
  f.check();
  return r;
}

}  // namespace

void add_review_routes(http::Router& router, const ReplayService& replay, const ReviewService& reviews) {
  const std::string base = "/api/agent-replay";
  router.add("POST", base + "/reviews",
             [&replay, &reviews](const http::Request& req) {
               const ReviewRequest r = parse_review(http::parse_json_body(req));
               return guarded(replay, true, [&] { return reply(reviews.submit(r)); });
             },
             {kTag, "Record a review of a trace as Langfuse scores, optionally as a golden dataset item",
              http::BodyKind::json, {}, "AgentReplayReviewReply"});
  router.add("GET", base + "/traces/{trace_id}/reviews",
             [&replay, &reviews](const http::Request& req) {
               api::QueryParams q(req);
               const auto agent = q.text("agent");
               q.check();
               return guarded(replay, true, [&] {
                 const std::string& id = req.param("trace_id");
                 auto body = reviews.reviews(id, agent);
                 if (!body) throw util::HttpError(404, "Trace '" + id + "' not found");
                 return reply(*body);
               });
             },
             {kTag, "The review scores (review.*) recorded on a trace", http::BodyKind::none,
              {{"agent", "string", false, "Use this agent's Langfuse credentials"}},
              "AgentReplayTraceReviewsReply"});
  router.add("GET", base + "/datasets",
             [&replay, &reviews](const http::Request& req) {
               api::QueryParams q(req);
               const auto agent = q.text("agent");
               q.check();
               return guarded(replay, true, [&] { return reply(reviews.datasets(agent)); });
             },
             {kTag, "The Langfuse datasets (first 50) with their item counts", http::BodyKind::none,
              {{"agent", "string", false, "Use this agent's Langfuse credentials"}},
              "AgentReplayDatasetsReply"});
}

}  // namespace axis::plugins::agent_replay
