// CopilotService: answers one question — picks the configured provider (OpenAI first), puts the
// request's rows in reach of the tools (a stored dataset, or posted rows), adds the session's
// history, runs the agent loop, and keeps the question and answer in the session's history.
// Thread-safe; one instance serves every request.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copilot/agent.h"
#include "copilot/thought.h"
#include "llm/chat.h"

namespace axis::config { struct AiSettings; }
namespace axis::datasets { class DatasetCatalog; }
namespace axis::llm { class Providers; }
namespace axis::store { class Store; }

namespace axis::copilot {

class HistoryStore;

struct CopilotRequest {
  std::string message;
  std::string session_id;        // "" = no history
  std::string dataset_id;        // a stored dataset the tools read ("" = none)
  std::string posted_rows_json;  // a JSON array of row objects ("" = none)
  std::string format;            // data_context.format, echoed by summarize_data
};

struct CopilotEvents {
  std::function<void(const Thought&)> on_thought;
  std::function<void(std::string_view text, int round)> on_token;
  std::function<bool()> cancelled;
};

struct CopilotAnswer {
  bool success = false;
  bool cancelled = false;
  std::string response;
  std::string error;  // why it failed (success false)
  std::vector<Thought> thoughts;
  std::vector<std::string> skills_used;
  std::vector<ToolRun> tool_runs;
  llm::Usage usage;
};

class CopilotService {
 public:
  CopilotService(store::Store* store, datasets::DatasetCatalog* catalog, const llm::Providers& providers,
                 const config::AiSettings& ai, std::string spool_dir);
  ~CopilotService();

  bool configured() const;
  static const char* not_configured_message();
  // Throws http::HttpError 404 for an unknown dataset_id, before any work starts; afterwards
  // every failure is reported in the answer (and as an error thought).
  void check(const CopilotRequest& request) const;
  CopilotAnswer answer(const CopilotRequest& request, const CopilotEvents& events) const;
  const HistoryStore* history() const { return history_.get(); }

 private:
  store::Store* store_;
  datasets::DatasetCatalog* catalog_;
  const llm::Providers& providers_;
  const config::AiSettings& ai_;
  std::string spool_dir_;
  std::unique_ptr<HistoryStore> history_;
};

}  // namespace axis::copilot
