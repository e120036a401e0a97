// The copilot's agent loop: the model is sent the conversation and the tool schemas, the tools
// it calls are run and their results appended, until it answers in plain text or the round cap
// is reached. Each step is reported as a Thought; the final answer's text is streamed as it
// arrives from the model.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "copilot/thought.h"
#include "llm/chat.h"

namespace axis::llm { class LlmClient; }

namespace axis::copilot {

class DataTools;

struct AgentCallbacks {
  std::function<void(const Thought&)> on_thought;
  std::function<void(std::string_view text, int round)> on_token;
  std::function<bool()> cancelled;
};

struct ToolRun {
  std::string name;
  std::string arguments;  // JSON text
  std::string result;     // JSON text
};

struct AgentOutcome {
  std::string response;
  std::vector<ToolRun> tool_runs;
  std::vector<Thought> thoughts;
  std::vector<std::string> skills_used;  // distinct, in first-use order
  llm::Usage usage;
  int rounds = 0;
};

struct AgentSetup {
  std::string model;
  std::string system;
  std::vector<llm::ChatMessage> messages;  // history, then the new user message
  int max_rounds = 10;
};

// Throws llm::LlmError when the model cannot be reached and llm::LlmCancelled when the caller
// cancelled; the thoughts so far have been reported through on_thought by then.
AgentOutcome run_agent(const llm::LlmClient& client, AgentSetup setup, const DataTools& tools,
                       const AgentCallbacks& callbacks);

}  // namespace axis::copilot
