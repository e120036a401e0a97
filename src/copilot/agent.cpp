#include "copilot/agent.h"

#include <algorithm>

#include "copilot/data_tools.h"
#include "llm/llm_client.h"

namespace axis::copilot {

AgentOutcome run_agent(const llm::LlmClient& client, AgentSetup setup, const DataTools& tools,
                       const AgentCallbacks& callbacks) {
  AgentOutcome out;
  const auto emit = [&](Thought t) {
    out.thoughts.push_back(t);
    if (callbacks.on_thought) callbacks.on_thought(t);
  };
  const std::string& question = setup.messages.empty() ? std::string() : setup.messages.back().content;
  emit(make_thought("reasoning", "Processing: " + question.substr(0, 100) + (question.size() > 100 ? "…" : ""),
                    "Agent"));

  llm::ChatRequest request;
  request.model = setup.model;
  request.system = setup.system;
  request.messages = std::move(setup.messages);
  request.tools = DataTools::specs();
  request.stream = true;

  for (int round = 1; round <= setup.max_rounds; ++round) {
    out.rounds = round;
    llm::ChatCallbacks cb;
    cb.cancelled = callbacks.cancelled;
    cb.on_text = [&](std::string_view text) {
      if (callbacks.on_token) callbacks.on_token(text, round);
    };
    llm::ChatReply reply = client.chat(request, cb, "copilot");
    out.usage.input_tokens += reply.usage.input_tokens;
    out.usage.output_tokens += reply.usage.output_tokens;
    if (reply.tool_calls.empty()) {
      out.response = reply.content;
      emit(make_thought("success", "Request completed", "Agent"));
      return out;
    }
    if (!reply.content.empty()) emit(make_thought("reasoning", reply.content, "Agent"));
    llm::ChatMessage assistant{"assistant", reply.content, reply.tool_calls, ""};
    request.messages.push_back(assistant);
    for (const auto& call : reply.tool_calls) {
      if (callbacks.cancelled && callbacks.cancelled()) throw llm::LlmCancelled();
      emit(make_thought("tool_use", DataTools::describe_call(call.name, call.arguments), "", call.name));
      if (std::find(out.skills_used.begin(), out.skills_used.end(), call.name) == out.skills_used.end()) {
        out.skills_used.push_back(call.name);
      }
      ToolResult result = tools.run(call.name, call.arguments);
      out.tool_runs.push_back({call.name, call.arguments, result.json});
      emit(make_thought(result.failed ? "error" : "observation", result.observation, "", call.name));
      request.messages.push_back({"tool", result.json, {}, call.id});
    }
  }
  out.response = "I stopped after " + std::to_string(setup.max_rounds) +
                 " rounds of looking at the data without reaching an answer. Try a narrower question.";
  emit(make_thought("reflection", "Round limit reached (" + std::to_string(setup.max_rounds) + ")", "Agent"));
  return out;
}

}  // namespace axis::copilot
