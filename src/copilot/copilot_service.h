// CopilotService: answers one question — picks the configured provider (OpenAI first), puts the
// request's rows in reach of the tools (a stored dataset, or posted rows spooled to a file for
// the question's lifetime), adds the session's history, runs the agent loop, and keeps the
// question and answer in the session's history.
//
// Ownership: the App owns the one instance; everything handed to the constructor must outlive
// it. Thread-safety: every method may be called from many threads at once (each answer has its
// own connections and spool file; the history store locks itself). Blocking: answer() runs the
// whole agent loop (model calls, tool SQL) on the calling thread — call it from a stream or the
// blocking pool, never an I/O thread.
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

// Callbacks of one answer. Each may be empty (null). All are called on the thread that called
// answer(), in order, never after answer() returns; they must not throw.
struct CopilotEvents {
  std::function<void(const Thought&)> on_thought;                  // a step, as it happens
  std::function<void(std::string_view text, int round)> on_token;  // streamed answer text
  std::function<bool()> cancelled;  // polled between and during model calls; true stops the loop
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
  // `store` and `catalog` are null when the store is disabled (answers then fail with a
  // message); they are not owned. `providers` and `ai` are not owned either. Posted rows are
  // spooled under `spool_dir`.
  CopilotService(store::Store* store, datasets::DatasetCatalog* catalog, const llm::Providers& providers,
                 const config::AiSettings& ai, std::string spool_dir);
  ~CopilotService();
  CopilotService(const CopilotService&) = delete;
  CopilotService& operator=(const CopilotService&) = delete;

  // True when a provider is configured.
  bool configured() const;
  static const char* not_configured_message();
  // Throws util::HttpError 404 for an unknown dataset_id (503 with the store disabled), before
  // any work starts, so a handler can answer with a status instead of a stream.
  void check(const CopilotRequest& request) const;
  // Answers `request`, blocking until the loop ends. Never throws for a model, tool or data
  // failure: those are `success = false` with `error` (and an error thought); `cancelled` is set
  // when events.cancelled stopped it. Only an unknown dataset_id throws (as check()).
  CopilotAnswer answer(const CopilotRequest& request, const CopilotEvents& events) const;
  // The session histories (owned by the service); null when the store is disabled.
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
