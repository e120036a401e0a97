// /api/ai: provider status, the copilot (streamed and whole), plain chat, tool-driven queries,
// the LLM-free insights of /analyze, the copilot's history and the LLM usage log.
#include <nlohmann/json.hpp>

#include "analytics/summary.h"
#include "api/request_fields.h"
#include "api/routes.h"
#include "api/sse_writer.h"
#include "config/settings.h"
#include "copilot/chat_service.h"
#include "copilot/copilot_service.h"
#include "copilot/data_tools.h"
#include "copilot/history_store.h"
#include "http/json_body.h"
#include "http/router.h"
#include "llm/providers.h"
#include "llm/usage_log.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

using Json = nlohmann::ordered_json;


const char* const kChatNotConfigured = copilot::ChatService::not_configured_message();

const char* const kSessionRule = "session_id must be 1-128 letters, digits, '-', '_', '.' or ':'";

copilot::CopilotRequest copilot_request(const BodyJson& body) {
  BodyFields fields(body);
  copilot::CopilotRequest r;
  r.message = fields.text("message");
  r.session_id = fields.matching("session_id", copilot::valid_session_id, kSessionRule).value_or("");
  r.dataset_id = fields.optional_text("dataset_id").value_or("");
  fields.check();
  if (auto it = body.find("data"); it != body.end() && it->is_array() && !it->empty()) r.posted_rows_json = util::json_text(*it);
  if (auto it = body.find("data_context"); it != body.end() && it->is_object()) {
    if (auto f = it->find("format"); f != it->end() && f->is_string()) r.format = f->get<std::string>();
  }
  return r;
}

Json usage_json(const llm::Usage& u) {
  return {{"input_tokens", u.input_tokens}, {"output_tokens", u.output_tokens}};
}

Json thoughts_json(const std::vector<copilot::Thought>& thoughts) {
  Json out = Json::array();
  for (const auto& t : thoughts) out.push_back(Json::parse(copilot::thought_json(t)));
  return out;
}

const char* const kCopilotDisabled = "The AI copilot is disabled on this server (COPILOT_ENABLED=false).";

http::Response copilot_stream(const AiServices& services, const http::Request& req) {
  auto request = copilot_request(http::parse_json_body(req));
  const auto& service = services.copilot;
  service.check(request);
  const bool enabled = services.settings.ai.copilot_enabled;
  return http::Response::event_stream([&service, request, enabled](http::StreamSink& sink) {
    SseWriter sse(sink);
    if (!enabled || !service.configured()) {
      sse.send("error", util::json_text(Json{{"error", enabled ? copilot::CopilotService::not_configured_message()
                                                    : kCopilotDisabled}}));
      return;
    }
    copilot::CopilotEvents events;
    events.on_thought = [&](const copilot::Thought& t) { sse.send("thought", copilot::thought_json(t)); };
    events.on_token = [&](std::string_view text, int round) {
      sse.send("token", util::json_text(Json{{"text", text}, {"round", round}}));
    };
    events.cancelled = [&] { return sse.cancelled(); };
    const auto answer = service.answer(request, events);
    if (answer.cancelled) return;
    if (!answer.success) {
      sse.send("error", util::json_text(Json{{"error", answer.error}}));
      return;
    }
    sse.send("response", util::json_text(Json{{"success", true}, {"response", answer.response},
                                   {"thoughts_count", answer.thoughts.size()},
                                   {"session_id", request.session_id.empty() ? Json(nullptr) : Json(request.session_id)},
                                   {"skills_used", answer.skills_used}, {"usage", usage_json(answer.usage)}}));
  });
}

http::Response copilot_chat(const AiServices& services, const http::Request& req) {
  auto request = copilot_request(http::parse_json_body(req));
  const auto& service = services.copilot;
  service.check(request);
  if (!services.settings.ai.copilot_enabled || !service.configured()) {
    const char* why = services.settings.ai.copilot_enabled ? copilot::CopilotService::not_configured_message()
                                                        : kCopilotDisabled;
    return http::Response::json(util::json_text(Json{{"success", false}, {"response", why},
                                          {"thoughts", Json::array()}, {"skills_used", Json::array()}}));
  }
  return http::Response::deferred_json([&service, request](http::StreamSink& sink) {
    copilot::CopilotEvents events;
    events.cancelled = [&] { return sink.cancelled(); };
    const auto answer = service.answer(request, events);
    if (answer.cancelled) return;
    Json out = {{"success", answer.success},
                {"response", answer.success ? answer.response : "An error occurred: " + answer.error},
                {"thoughts", thoughts_json(answer.thoughts)},
                {"skills_used", answer.skills_used},
                {"metadata", {{"session_id", request.session_id.empty() ? Json(nullptr) : Json(request.session_id)},
                              {"usage", usage_json(answer.usage)}}}};
    sink.send(util::json_text(out));
  });
}

// POST /api/ai/chat: a plain conversation with the model (no tools).
http::Response chat(const AiServices& services, const http::Request& req) {
  const BodyJson body = http::parse_json_body(req);
  BodyFields fields(body);
  std::vector<llm::ChatMessage> messages;
  if (const BodyJson* list = fields.list("messages", true)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      BodyFields message = fields.item("messages", (*list)[i], i);
      const std::string content = message.text("content", 0);
      const std::string role = message.optional_text("role").value_or("user");
      messages.push_back({role == "assistant" ? "assistant" : "user", content, {}, ""});
    }
    if (list->empty()) fields.invalid("too_short", "messages", "List should have at least 1 item", list);
  }
  fields.check();
  copilot::ChatInput input;
  input.messages = std::move(messages);
  if (auto ctx = body.find("data_context"); ctx != body.end() && ctx->is_object() && !ctx->empty()) {
    input.data_context_json = util::json_text(*ctx);
  }
  input.stream = body.value("stream", false);
  const copilot::ChatService service(services.llm, services.settings.ai);
  if (!service.configured()) {
    return http::Response::json(util::json_text(Json{{"success", false}, {"message", kChatNotConfigured}, {"response", nullptr}}));
  }
  auto run = [service, input](http::StreamSink& sink, SseWriter* sse) {
    std::function<void(std::string_view)> on_text;
    if (sse) on_text = [&](std::string_view t) { sse->send("token", util::json_text(Json{{"text", t}})); };
    const auto outcome = service.chat(input, on_text, [&] { return sink.cancelled(); });
    if (outcome.cancelled) return;
    Json out;
    if (outcome.success) {
      out = {{"success", true}, {"response", outcome.response}, {"model", outcome.model},
             {"usage", usage_json(outcome.usage)}};
    } else if (sse) {
      sse->send("error", util::json_text(Json{{"error", outcome.error}}));
      return;
    } else {
      out = {{"success", false}, {"message", outcome.error}, {"response", nullptr}};
    }
    if (sse) sse->send("response", util::json_text(out));
    else sink.send(util::json_text(out));
  };
  if (input.stream) {
    return http::Response::event_stream([run](http::StreamSink& sink) {
      SseWriter sse(sink);
      run(sink, &sse);
    });
  }
  return http::Response::deferred_json([run](http::StreamSink& sink) { run(sink, nullptr); });
}

// POST /api/ai/query: the question answered by the agent over the posted rows; the tools' own
// results are returned too.
http::Response query(const AiServices& services, const http::Request& req) {
  const BodyJson body = http::parse_json_body(req);
  BodyFields fields(body);
  copilot::CopilotRequest request;
  request.message = fields.text("query");
  fields.check();
  auto data = body.find("data");
  if (data == body.end() || !data->is_array() || data->empty()) {
    return http::Response::json(util::json_text(Json{{"success", false}, {"message", "No data provided for query"}}));
  }
  request.posted_rows_json = util::json_text(*data);
  const auto& service = services.copilot;
  if (!service.configured()) {
    return http::Response::json(util::json_text(Json{{"success", false}, {"message", kChatNotConfigured}}));
  }
  return http::Response::deferred_json([&service, request](http::StreamSink& sink) {
    copilot::CopilotEvents events;
    events.cancelled = [&] { return sink.cancelled(); };
    const auto answer = service.answer(request, events);
    if (answer.cancelled) return;
    Json results = Json::array();
    for (const auto& run : answer.tool_runs) {
      results.push_back({{"tool", run.name},
                         {"arguments", Json::parse(run.arguments.empty() ? "{}" : run.arguments, nullptr, false)},
                         {"result", Json::parse(run.result, nullptr, false)}});
    }
    Json out = {{"success", answer.success}, {"query", request.message}, {"results", results},
                {"response", answer.success ? Json(answer.response) : Json(nullptr)},
                {"message", answer.success ? "Answered with " + std::to_string(results.size()) + " tool call(s)"
                                           : answer.error}};
    sink.send(util::json_text(out));
  });
}

// POST /api/ai/analyze: rule-based insights on the first five metrics (no LLM).
http::Response analyze(const http::Request& req) {
  const BodyJson rows = http::parse_json_body(req);
  if (!rows.is_array()) {
    throw util::HttpError({{"list_type", {"body"}, "Input should be a valid list", "null"}});
  }
  const auto analysis = copilot::ChatService::analyze(analytics::summarize_metrics(rows), rows.size());
  Json insights = Json::array();
  for (const auto& i : analysis.insights) {
    insights.push_back({{"type", i.type}, {"metric", i.metric}, {"message", i.message}});
  }
  return http::Response::json(util::json_text(Json{{"success", true}, {"insights", insights},
                                                   {"summary", analysis.summary}}));
}

std::string required_session(const http::Request& req) {
  QueryParams params(req);
  params.required("session_id");
  const auto id = params.matching("session_id", copilot::valid_session_id, kSessionRule);
  params.check();
  return *id;
}

const copilot::HistoryStore& history_of(const AiServices& services) {
  services.catalog.get();  // 503 when the store is disabled
  return *services.copilot.history();
}

}  // namespace

void register_ai_routes(http::Router& router, const AiServices& services) {
  router.add("GET", "/api/ai/status", [services](const http::Request&) {
    const auto& ai = services.settings.ai;
    const bool on = ai.copilot_enabled;
    const llm::LlmClient* client = services.llm.preferred();
    return http::Response::json(util::json_text(Json{
        {"configured", services.llm.any()},
        {"model", ai.llm_model_name},
        {"copilot_model", client ? Json(llm::copilot_model(*client, ai)) : Json(nullptr)},
        {"providers", {{"openai", services.llm.has("openai")}, {"anthropic", services.llm.has("anthropic")}}},
        {"features", {{"chat", true}, {"query", true}, {"analyze", true}, {"stream", true}, {"copilot", on}}}}));
  }, {"ai", "Whether an LLM provider is configured, the model and the features",
      http::BodyKind::none, {}, "AiStatusReply"}, false);
  router.add("POST", "/api/ai/chat", [services](const http::Request& r) { return chat(services, r); },
             {"ai", "Chat with the model (no tools); stream:true answers as SSE", http::BodyKind::json});
  router.add("POST", "/api/ai/query", [services](const http::Request& r) { return query(services, r); },
             {"ai", "Answer a question about the posted rows with the data tools", http::BodyKind::json});
  router.add("POST", "/api/ai/analyze", [](const http::Request& r) { return analyze(r); },
             {"ai", "Rule-based insights on the posted rows (no LLM)", http::BodyKind::json,
              {{"focus", "string", false, "Accepted for compatibility"}}});
  router.add("POST", "/api/ai/copilot/stream", [services](const http::Request& r) { return copilot_stream(services, r); },
             {"ai", "Ask the copilot; thoughts, answer tokens and the response arrive as SSE", http::BodyKind::json});
  router.add("POST", "/api/ai/copilot/chat", [services](const http::Request& r) { return copilot_chat(services, r); },
             {"ai", "Ask the copilot; one JSON reply", http::BodyKind::json});
  router.add("GET", "/api/ai/copilot/skills", [](const http::Request&) {
    Json skills = Json::array();
    for (const auto& t : copilot::DataTools::specs()) {
      skills.push_back({{"name", t.name}, {"description", t.description}, {"version", "1.0.0"},
                        {"parameters", Json::array()}, {"tags", Json::array()}, {"enabled", true}});
    }
    return http::Response::json(util::json_text(Json{{"success", true}, {"skills", skills}, {"total", skills.size()}}));
  }, {"ai", "The tools the copilot can use"}, false);
  router.add("GET", "/api/ai/copilot/history", [services](const http::Request& r) {
    const std::string id = required_session(r);
    Json messages = Json::array();
    for (const auto& m : history_of(services).all(id)) {
      messages.push_back({{"role", m.role}, {"content", m.content}, {"created_at", m.created_at}});
    }
    return http::Response::json(util::json_text(Json{{"session_id", id}, {"messages", messages}}));
  }, {"ai", "A copilot conversation", http::BodyKind::none,
      {{"session_id", "string", true, "The conversation"}}, "CopilotHistoryReply"});
  router.add("DELETE", "/api/ai/copilot/history", [services](const http::Request& r) {
    const std::string id = required_session(r);
    const long long removed = history_of(services).clear(id);
    return http::Response::json(util::json_text(Json{{"success", true}, {"session_id", id}, {"removed", removed}}));
  }, {"ai", "Forget a copilot conversation", http::BodyKind::none,
      {{"session_id", "string", true, "The conversation"}}, "CopilotHistoryDeleteReply"});
  router.add("GET", "/api/ai/usage", [services](const http::Request& r) {
    QueryParams params(r);
    const auto days = static_cast<int>(params.integer("days", 30, 1, 3650));
    params.check();
    return http::Response::json(services.usage.summary_json(days));
  }, {"ai", "LLM calls and tokens per feature, provider and model", http::BodyKind::none,
      {{"days", "integer", false, "Window in days (default 30)"}}});
}

}  // namespace axis::api
