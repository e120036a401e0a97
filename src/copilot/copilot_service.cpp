#include "copilot/copilot_service.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>

#include "config/settings.h"
#include "copilot/agent.h"
#include "copilot/data_tools.h"
#include "copilot/history_store.h"
#include "datasets/catalog.h"
#include "llm/providers.h"
#include "store/store.h"
#include "util/http_error.h"
#include "util/random_id.h"

namespace axis::copilot {
namespace {

constexpr std::size_t kMaxColumnsInPrompt = 60;
constexpr std::size_t kMaxTablesInPrompt = 30;

const char* const kAgentSystemPrompt =
    "You are AXIS Copilot, an analyst assistant for AI evaluation and monitoring data.\n"
    "Use the tools for every question about the data: query_data for lookups, minimums, maximums, "
    "filters and threshold counts; analyze_data for statistics; summarize_data for an overview; "
    "compare_data to compare groups; run_sql for anything else, as one read-only DuckDB SELECT "
    "over the stored tables listed below. Answer concretely with the numbers the tools return, "
    "in Markdown. If no data is loaded, say so and explain how to load some.";

// A posted-rows file that is removed when the request ends.
struct PostedRows {
  std::string path;
  ~PostedRows() {
    if (!path.empty()) {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
  }
};

std::string column_list(const ToolTable& t) {
  std::string out;
  for (std::size_t i = 0; i < t.columns.size() && i < kMaxColumnsInPrompt; ++i) {
    out += (i ? ", " : "") + t.columns[i].name + " (" + t.columns[i].type + ")";
  }
  if (t.columns.size() > kMaxColumnsInPrompt) out += ", …";
  return out;
}

}  // namespace

CopilotService::CopilotService(store::Store* store, datasets::DatasetCatalog* catalog,
                               const llm::Providers& providers, const config::AiSettings& ai,
                               std::string spool_dir)
    : store_(store), catalog_(catalog), providers_(providers), ai_(ai), spool_dir_(std::move(spool_dir)),
      history_(store ? std::make_unique<HistoryStore>(*store) : nullptr) {}

CopilotService::~CopilotService() = default;

bool CopilotService::configured() const { return providers_.any(); }

const char* CopilotService::not_configured_message() {
  return "AI copilot is not configured. Please set up OpenAI or Anthropic API credentials.";
}

void CopilotService::check(const CopilotRequest& request) const {
  if (request.dataset_id.empty()) return;
  if (!catalog_) throw util::HttpError(503, "The store is disabled, so stored datasets cannot be used");
  if (!catalog_->find(request.dataset_id)) {
    throw util::HttpError(404, "Dataset '" + request.dataset_id + "' not found");
  }
}

CopilotAnswer CopilotService::answer(const CopilotRequest& request, const CopilotEvents& events) const {
  CopilotAnswer answer;
  const auto fail = [&](const std::string& message) {
    answer.success = false;
    answer.error = message;
    Thought t = make_thought("error", "Error: " + message, "Agent");
    answer.thoughts.push_back(t);
    if (events.on_thought) events.on_thought(t);
  };
  const llm::LlmClient* client = providers_.preferred();
  if (!client) {
    answer.error = not_configured_message();
    return answer;
  }
  if (!store_) {
    fail("the store is disabled, so the copilot has no data to work on");
    return answer;
  }

  PostedRows posted;
  std::optional<ToolTable> table;
  std::string system = kAgentSystemPrompt;
  try {
    if (!request.dataset_id.empty()) {
      const auto info = catalog_->find(request.dataset_id);
      if (!info) throw util::HttpError(404, "Dataset '" + request.dataset_id + "' not found");
      ToolTable t;
      t.from = datasets::quote_ident(info->table_name);
      t.format = info->format;
      t.label = "dataset '" + info->name + "' (" + info->kind + ", id " + info->id + ", table " +
                info->table_name + ", " + std::to_string(info->row_count) + " rows)";
      table = std::move(t);
    } else if (!request.posted_rows_json.empty()) {
      posted.path = spool_dir_ + "/copilot-" + util::random_hex_id() + ".json";
      std::ofstream(posted.path, std::ios::binary) << request.posted_rows_json;
      ToolTable t;
      t.from = "read_json(" + datasets::quote_literal(posted.path) + ", format = 'array', sample_size = -1)";
      t.format = request.format;
      t.label = "the rows sent with this question";
      table = std::move(t);
    }
    if (table) {
      auto conn = store_->connection();
      table->columns = describe_columns(*conn, table->from);
      system += "\n\nData in context: " + table->label + ". Columns: " + column_list(*table) + ".";
    } else {
      system += "\n\nNo dataset is in context for the data tools.";
    }
    const auto tables = store_->tables();
    system += "\nStored tables run_sql may read:";
    for (std::size_t i = 0; i < tables.size() && i < kMaxTablesInPrompt; ++i) system += " " + tables[i];
    system += tables.empty() ? " none." : ".";
  } catch (const util::HttpError&) {
    throw;
  } catch (const std::exception& e) {
    fail(std::string("the data could not be read: ") + e.what());
    return answer;
  }

  AgentSetup setup;
  setup.model = llm::copilot_model(*client, ai_);
  setup.system = std::move(system);
  if (!request.session_id.empty() && history_) setup.messages = history_->recent(request.session_id);
  setup.messages.push_back({"user", request.message, {}, ""});
  setup.max_rounds = ai_.copilot_max_rounds;
  DataTools tools(*store_, std::move(table),
                  {std::chrono::seconds(ai_.copilot_sql_timeout_seconds),
                   static_cast<std::size_t>(ai_.copilot_sql_max_rows)});
  AgentCallbacks callbacks;
  callbacks.on_token = events.on_token;
  callbacks.cancelled = events.cancelled;
  callbacks.on_thought = [&](const Thought& t) {
    answer.thoughts.push_back(t);
    if (events.on_thought) events.on_thought(t);
  };
  try {
    AgentOutcome outcome = run_agent(*client, std::move(setup), tools, callbacks);
    answer.success = true;
    answer.response = std::move(outcome.response);
    answer.skills_used = std::move(outcome.skills_used);
    answer.tool_runs = std::move(outcome.tool_runs);
    answer.usage = outcome.usage;
  } catch (const llm::LlmCancelled&) {
    answer.cancelled = true;
    answer.error = "cancelled";
    return answer;
  } catch (const llm::LlmError& e) {
    fail(e.what());
    return answer;
  }
  if (!request.session_id.empty() && history_) {
    try {
      history_->append_turn(request.session_id, request.message, answer.response);
    } catch (const std::exception& e) {
      spdlog::warn("cannot keep copilot history of session {}: {}", request.session_id, e.what());
    }
  }
  return answer;
}

}  // namespace axis::copilot
