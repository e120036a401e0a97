#include "evalrun/agents.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "config/settings.h"
#include "evalrun/agent_target.h"
#include "llm/http_transport.h"
#include "llm/providers.h"
#include "util/http_error.h"

namespace axis::evalrun {

using Json = nlohmann::json;

namespace {

constexpr std::size_t kMaxReplyBytes = 1u << 20;

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

double since_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::string agent_request_body(const std::string& request_template, const std::string& query) {
  std::string body = replace_all(request_template, "{{query}}", query);
  if (!Json::accept(body)) body = Json{{"message", query}}.dump(-1, ' ', false, Json::error_handler_t::replace);
  return body;
}

std::optional<std::string> value_at_path(const std::string& json_text, const std::string& path) {
  Json doc = Json::parse(json_text, nullptr, false);
  if (doc.is_discarded()) return std::nullopt;
  const Json* at = &doc;
  std::string_view rest = path;
  if (!rest.empty() && rest.front() == '.') rest.remove_prefix(1);
  while (!rest.empty()) {
    const auto dot = rest.find('.');
    const std::string segment(rest.substr(0, dot));
    rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
    if (at->is_array() && !segment.empty() &&
        segment.find_first_not_of("0123456789") == std::string::npos && segment.size() < 10) {
      const std::size_t i = std::stoul(segment);
      if (i >= at->size()) return std::nullopt;
      at = &(*at)[i];
    } else if (at->is_object() && at->contains(segment)) {
      at = &(*at)[segment];
    } else {
      return std::nullopt;
    }
  }
  if (at->is_string()) return at->get<std::string>();
  if (at->is_null()) return std::string();
  return at->dump(-1, ' ', false, Json::error_handler_t::replace);
}

Agent::Agent(const AgentConfig& config, const llm::Providers& providers, const config::AiSettings& ai,
             std::string run_id)
    : config_(config), providers_(providers), ai_(ai), run_id_(std::move(run_id)) {
  if (config_.type == "api") {
    if (config_.api.endpoint_url.empty()) throw util::HttpError(400, "The API agent needs an endpoint_url");
    resolve_ = check_agent_url(config_.api.endpoint_url, ai_.eval_runner_allowed_hosts).resolve;
  } else if (config_.type == "prompt") {
    if (!providers_.has(config_.prompt.provider))
      throw util::HttpError(400, config_.prompt.provider +
                                     " API key not configured. Set the appropriate environment variable.");
  } else if (config_.type != "none") {
    throw util::HttpError(400, "Unknown agent type '" + config_.type + "': use none, api or prompt");
  }
}

AgentReply Agent::ask(const std::string& query, const std::function<bool()>& cancelled) const {
  if (config_.type == "api") return ask_api(query, cancelled);
  if (config_.type == "prompt") return ask_prompt(query, cancelled);
  return {};
}

AgentReply Agent::ask_api(const std::string& query, const std::function<bool()>& cancelled) const {
  llm::HttpCall call;
  call.url = config_.api.endpoint_url;
  call.headers.push_back("Content-Type: application/json");
  for (const auto& [name, value] : config_.api.headers) call.headers.push_back(name + ": " + value);
  call.body = agent_request_body(config_.api.request_template, query);
  call.connect_timeout_seconds = std::min(10, ai_.eval_runner_agent_timeout_seconds);
  call.read_timeout_seconds = ai_.eval_runner_agent_timeout_seconds;
  call.total_timeout_seconds = ai_.eval_runner_agent_timeout_seconds;
  call.max_body_bytes = kMaxReplyBytes;
  call.resolve = resolve_;
  call.cancelled = cancelled;
  const auto start = std::chrono::steady_clock::now();
  const llm::HttpOutcome outcome = llm::perform(call);
  AgentReply reply;
  reply.latency_ms = since_ms(start);
  if (outcome.cancelled) reply.error = "cancelled";
  else if (!outcome.error.empty()) reply.error = outcome.error;
  else if (outcome.status < 200 || outcome.status >= 300)
    reply.error = "the agent answered HTTP " + std::to_string(outcome.status);
  if (!reply.error.empty()) return reply;
  const auto value = value_at_path(outcome.body, config_.api.response_path);
  if (!value && !Json::accept(outcome.body)) reply.error = "the agent's reply is not JSON";
  reply.output = value.value_or("");
  return reply;
}

AgentReply Agent::ask_prompt(const std::string& query, const std::function<bool()>& cancelled) const {
  const llm::LlmClient* client = providers_.find(config_.prompt.provider);
  AgentReply reply;
  if (client == nullptr) {
    reply.error = config_.prompt.provider + " is not configured";
    return reply;
  }
  llm::ChatRequest request;
  request.model = llm::model_for(*client, config_.prompt.model, llm::kEvalRunnerModels);
  request.system = config_.prompt.system_prompt;
  request.messages.push_back({"user", replace_all(config_.prompt.user_prompt_template, "{{query}}", query), {}, {}});
  llm::ChatCallbacks callbacks;
  callbacks.cancelled = cancelled;
  const auto start = std::chrono::steady_clock::now();
  try {
    reply.output = client->chat(request, callbacks, llm::CallLabel("eval-runner-agent", run_id_)).content;
  } catch (const llm::LlmCancelled&) {
    reply.error = "cancelled";
  } catch (const llm::LlmError& e) {
    reply.error = e.what();
  }
  reply.latency_ms = since_ms(start);
  return reply;
}

}  // namespace axis::evalrun
