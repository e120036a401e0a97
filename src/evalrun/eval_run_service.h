// EvalRunService: batch evaluations (spec ai.md §3). A run maps the posted rows to items, lets
// the agent fill missing outputs, scores every item × metric (rule-based metrics here, the others
// by the judge model, max_concurrent calls at once) and stores everything as it goes, so a run
// stopped by a restart is `interrupted` with its finished scores kept and resumes scoring only
// what is missing. A finished run is stored as a flat-format evaluation dataset, so the
// Scorecard, Compare, Annotation Studio and the Copilot read it at once.
//
// Owned by the App (with the store); everything handed to it must outlive it. Thread-safe: any
// number of runs at once, each on its caller's thread (a stream thread); run() and resume()
// block until the run ends.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "evalrun/run_config.h"
#include "evalrun/run_store.h"
#include "evalrun/run_summary.h"

namespace axis::config { struct AiSettings; }
namespace axis::ingest { class CsvFile; }
namespace axis::llm {
class Providers;
class UsageLog;
}
namespace axis::store { class Store; }
namespace axis::uploads { class UploadService; }
namespace axis::evalrun { class Agent; }

namespace axis::evalrun {

// Counts for the progress events: evaluations done of the total, and each metric's running
// average so far.
struct MetricProgress {
  std::string metric_key;
  long long count = 0;
  double average_score = 0;
};
struct RunProgress {
  std::string run_id;
  long long current = 0, total = 0;
  std::string status;   // running | complete
  std::string message;
  std::string phase;    // validating | agent | evaluating | complete
  std::vector<MetricProgress> metrics;
};

struct RunEvents {
  std::function<void(const std::string& level, const std::string& message)> on_log;  // INFO | WARNING
  std::function<void(const RunProgress&)> on_progress;
  std::function<bool()> cancelled;  // the caller went away: the run stops as `cancelled`
};

// A dataset read for the runner's mapping step.
struct InputDataset {
  RunRows rows;
  std::vector<std::pair<std::string, std::optional<std::string>>> suggested_mapping;
};

struct ConnectionTest {
  bool success = false;
  std::string sample_output;  // at most 500 characters
  std::optional<std::string> error;
  std::optional<double> latency_ms;
};

// A run stored and ready to score.
struct PreparedRun {
  std::string run_id;
  RunConfig config;
  std::vector<RunItem> items;
  std::vector<std::string> warnings;  // logged when the run starts
  bool resumed = false;
  std::shared_ptr<const Agent> agent;  // checked (its URL resolved) when the run was prepared
};

struct EvalRunDeps {
  store::Store& store;
  const llm::Providers& providers;
  const llm::UsageLog& usage;  // read back for a run's usage
  const config::AiSettings& ai;
  const uploads::UploadService& uploads;
};

class EvalRunService {
 public:
  // Marks runs a stopped server left `running` as `interrupted`.
  explicit EvalRunService(EvalRunDeps deps);

  // Checks a run request and stores the run (status running) with its items. Throws
  // util::HttpError 400 before anything is stored when it cannot run: no rows, no valid metric,
  // an unconfigured judge provider, an agent that cannot work.
  PreparedRun prepare(const RunConfig& config, const RunRows& rows, const ColumnMapping& mapping);
  // The same for a run to resume: an interrupted, failed or cancelled one, which then scores only
  // what it is missing. HttpError 404 for an unknown run, 409 for one running or completed.
  PreparedRun prepare_resume(const std::string& run_id);
  // Runs a prepared run to its end and returns its summary; a cancelled run returns its summary
  // so far and is left `cancelled`. A failure leaves it `failed` and is rethrown.
  RunSummary run(PreparedRun prepared, const RunEvents& events);

  std::vector<RunRecord> list() const;
  std::optional<RunRecord> find(const std::string& run_id) const;
  // A completed run's summary; nullopt for another status. HttpError 404 for an unknown run.
  std::optional<RunSummary> summary(const std::string& run_id) const;
  // Cancels a running run (returns "cancelled") or deletes another (returns "deleted").
  // HttpError 404 for an unknown run.
  std::string cancel_or_delete(const std::string& run_id);
  // Writes the run's flat rows to `path` as CSV or JSON. HttpError 404 for an unknown run.
  void export_run(const std::string& run_id, const std::string& path, bool json) const;

  // Asks the agent one query (spec: type none answers "Using outputs from dataset").
  ConnectionTest test_connection(const AgentConfig& agent, const std::string& sample_query) const;
  // The rows of an uploaded CSV as text (at most 10,000), with the suggested mapping.
  InputDataset read_dataset(const ingest::CsvFile& file) const;

 private:
  struct Active {
    std::atomic<bool> cancel{false};
  };
  // Fills the outputs the items lack with the agent's answers (stored as they come).
  void run_agent(const Agent& agent, const std::string& run_id, const RunConfig& config,
                 std::vector<RunItem>& items, const RunEvents& events, const std::function<bool()>& cancelled);
  // Stores the run's scores as a flat-format evaluation dataset; returns its id, or "" when
  // nothing was scored.
  std::string store_as_dataset(const std::string& run_id, const RunConfig& config,
                               const std::vector<MetricRule>& rules) const;
  std::shared_ptr<Active> start_active(const std::string& run_id);
  // The run's agent; HttpError 400 when the run's judge provider is not configured or its agent
  // cannot work.
  std::shared_ptr<const Agent> check_providers(const RunConfig& config, const std::string& run_id) const;
  void end_active(const std::string& run_id);

  EvalRunDeps deps_;
  RunStore runs_;
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Active>> active_;  // runs in progress, by id
};

// The rules (threshold, direction) of the run's metrics: the request's overrides, else each
// metric's default.
std::vector<MetricRule> metric_rules(const RunConfig& config);

}  // namespace axis::evalrun
