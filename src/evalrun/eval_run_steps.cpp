// The agent step and the storing of a finished run as a dataset (EvalRunService).
#include <atomic>
#include <mutex>
#include <thread>

#include "evalrun/agents.h"
#include "evalrun/eval_run_service.h"
#include "uploads/upload_service.h"
#include "util/http_error.h"
#include "util/text.h"

namespace axis::evalrun {

void EvalRunService::run_agent(const Agent& agent, const std::string& run_id, const RunConfig& config,
                               std::vector<RunItem>& items, const RunEvents& events,
                               const std::function<bool()>& cancelled) {
  if (!agent.active()) return;
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!items[i].agent_done && util::is_blank(items[i].fields.actual_output)) todo.push_back(i);
  if (events.on_log)
    events.on_log("INFO", "Agent (" + config.agent.type + ") answers " + std::to_string(todo.size()) + " queries");
  if (todo.empty()) return;

  std::atomic<std::size_t> next{0};
  std::mutex mutex;  // guards the events, the counters and the store writes' order
  std::size_t answered = 0, failed = 0;
  const auto work = [&] {
    for (;;) {
      const std::size_t n = next.fetch_add(1);
      if (n >= todo.size() || cancelled()) return;
      RunItem& item = items[todo[n]];
      const AgentReply reply = agent.ask(item.fields.query, cancelled);
      if (reply.error == "cancelled") return;
      item.fields.actual_output = reply.output;
      if (!item.fields.latency) item.fields.latency = reply.latency_ms;
      item.agent_done = true;
      runs_.set_output(run_id, item);
      std::lock_guard lock(mutex);
      ++answered;
      if (!reply.error.empty() && ++failed <= 20 && events.on_log)
        events.on_log("WARNING", "Agent failed for " + item.dataset_id + ": " + reply.error);
      if (events.on_progress) {
        RunProgress p;
        p.run_id = run_id;
        p.total = static_cast<long long>(items.size() * config.metrics.size());
        p.status = "running";
        p.phase = "agent";
        p.message = "Agent answered " + std::to_string(answered) + " of " + std::to_string(todo.size());
        events.on_progress(p);
      }
    }
  };
  const std::size_t threads = std::min<std::size_t>(todo.size(), std::max(1, config.max_concurrent));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  if (failed > 0 && events.on_log)
    events.on_log("WARNING", "The agent failed for " + std::to_string(failed) + " queries; their outputs are empty");
}

std::string EvalRunService::store_as_dataset(const std::string& run_id, const RunConfig& config,
                                             const std::vector<MetricRule>& rules) const {
  // Straight from the run's tables: no CSV is written and read back.
  auto select = runs_.flat_select(run_id, rules, false);
  if (runs_.scored_count(run_id) == 0) return "";
  return deps_.uploads
      .store_evaluation_rows({std::move(select.sql), std::move(select.values), std::move(select.columns)},
                             config.evaluation_name, "eval-runner:" + run_id)
      .dataset.id;
}

}  // namespace axis::evalrun
