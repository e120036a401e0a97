// The reads and small actions of EvalRunService: listing, summaries, cancel or delete, exports,
// the agent's connection test and reading an uploaded CSV.
#include "config/settings.h"
#include "evalmetrics/catalogue.h"
#include "evalmetrics/column_mapping.h"
#include "evalrun/agents.h"
#include "evalrun/eval_run_service.h"
#include "ingest/csv_file.h"
#include "ingest/csv_read.h"
#include "llm/usage_log.h"
#include "store/connection.h"
#include "store/store.h"
#include "util/http_error.h"
#include "util/text.h"

namespace axis::evalrun {

namespace {
constexpr std::size_t kMaxUploadRows = 10000;
constexpr std::size_t kSampleOutputChars = 500;
}  // namespace

// A run's usage is summed from the usage log, whose queue is stored first.
std::vector<RunRecord> EvalRunService::list() const {
  deps_.usage.flush();
  return runs_.list();
}

std::optional<RunRecord> EvalRunService::find(const std::string& run_id) const {
  deps_.usage.flush();
  return runs_.find(run_id);
}

std::optional<RunSummary> EvalRunService::summary(const std::string& run_id) const {
  const auto run = runs_.find(run_id);
  if (!run) throw util::HttpError(404, "Run not found");
  if (run->status != "completed") return std::nullopt;
  return summarise(runs_, *run, metric_rules(run->config));
}

std::string EvalRunService::cancel_or_delete(const std::string& run_id) {
  {
    std::lock_guard lock(mutex_);
    if (const auto found = active_.find(run_id); found != active_.end()) {
      found->second->cancel = true;
      return "cancelled";
    }
  }
  if (!runs_.find(run_id)) throw util::HttpError(404, "Run not found");
  runs_.remove(run_id);
  return "deleted";
}

void EvalRunService::export_run(const std::string& run_id, const std::string& path, bool json) const {
  const auto run = runs_.find(run_id);
  if (!run) throw util::HttpError(404, "Run not found");
  runs_.export_flat(run_id, metric_rules(run->config), path, json);
}

ConnectionTest EvalRunService::test_connection(const AgentConfig& agent_config, const std::string& sample_query) const {
  ConnectionTest out;
  if (agent_config.type == "none") {
    out.success = true;
    out.sample_output = "Using outputs from dataset";
    return out;
  }
  try {
    const Agent agent(agent_config, deps_.providers, deps_.ai);
    const AgentReply reply = agent.ask(sample_query, [] { return false; });
    out.latency_ms = reply.latency_ms;
    out.sample_output = util::truncate_chars(reply.output, kSampleOutputChars);
    out.success = reply.error.empty();
    if (!reply.error.empty()) out.error = reply.error;
  } catch (const util::HttpError& e) {
    out.error = e.what();
  }
  return out;
}

InputDataset EvalRunService::read_dataset(const ingest::CsvFile& file) const {
  InputDataset out;
  out.rows.columns = file.header();
  auto conn = deps_.store.connection();
  try {
    conn->query("SELECT * FROM " + ingest::csv_source("", false, true) + " LIMIT " +
                    std::to_string(kMaxUploadRows),
                {file.path()})
        .for_each_row([&](const std::vector<std::optional<std::string>>& cells) {
          std::vector<std::string> row;
          row.reserve(cells.size());
          for (const auto& cell : cells) row.push_back(cell.value_or(""));
          out.rows.rows.push_back(std::move(row));
        });
  } catch (const std::exception& e) {
    throw util::HttpError(400, ingest::csv_error(e.what(), file.path(), file.header().size()));
  }
  if (out.rows.rows.empty()) throw util::HttpError(400, "CSV file is empty or invalid");
  out.suggested_mapping = evalmetrics::suggest_mapping(out.rows.columns);
  return out;
}

}  // namespace axis::evalrun
