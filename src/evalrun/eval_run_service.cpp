#include "evalrun/eval_run_service.h"

#include <malloc.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>

#include "config/settings.h"
#include "evalmetrics/catalogue.h"
#include "evalrun/agents.h"
#include "evalrun/scoring.h"
#include "llm/providers.h"
#include "util/http_error.h"
#include "util/random_id.h"
#include "util/text.h"

namespace axis::evalrun {

namespace {

constexpr std::size_t kMaxRunRows = 200000;
constexpr std::size_t kMaxNameChars = 200;
constexpr int kMaxWarnings = 20;  // agent failures logged one by one before a count

std::vector<const evalmetrics::MetricInfo*> known_metrics(const RunConfig& config) {
  std::vector<const evalmetrics::MetricInfo*> out;
  for (const auto& key : config.metrics)
    if (const auto* info = evalmetrics::find_metric(key)) out.push_back(info);
  return out;
}

long long elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since).count();
}

void log(const RunEvents& events, const std::string& level, const std::string& message) {
  if (events.on_log) events.on_log(level, message);
}

}  // namespace

std::vector<MetricRule> metric_rules(const RunConfig& config) {
  std::vector<MetricRule> rules;
  for (const auto* info : known_metrics(config)) {
    const auto over = config.thresholds.find(info->key);
    rules.push_back({info->key, over != config.thresholds.end() ? over->second : info->default_threshold,
                     info->lower_is_better});
  }
  return rules;
}

EvalRunService::EvalRunService(EvalRunDeps deps) : deps_(std::move(deps)), runs_(deps_.store) {
  if (const long long n = runs_.interrupt_unfinished(); n > 0)
    spdlog::warn("{} eval run(s) left running by the last server are marked interrupted", n);
}

PreparedRun EvalRunService::prepare(const RunConfig& config, const RunRows& rows, const ColumnMapping& mapping) {
  if (util::is_blank(config.evaluation_name)) throw util::HttpError(400, "evaluation_name must not be empty");
  if (util::truncate_chars(config.evaluation_name, kMaxNameChars) != config.evaluation_name)
    throw util::HttpError(400, "evaluation_name is longer than 200 characters");
  if (rows.rows.empty()) throw util::HttpError(400, "The dataset has no rows");
  if (rows.rows.size() > kMaxRunRows)
    throw util::HttpError(400, "The dataset has " + std::to_string(rows.rows.size()) +
                                   " rows; one run takes at most " + std::to_string(kMaxRunRows));
  PreparedRun prepared;
  const auto metrics = known_metrics(config);
  for (const auto& key : config.metrics)
    if (!evalmetrics::find_metric(key)) prepared.warnings.push_back("Unknown metric '" + key + "' is skipped");
  if (metrics.empty()) throw util::HttpError(400, "No valid metrics could be instantiated");
  prepared.run_id = util::uuid4();
  prepared.agent = check_providers(config, prepared.run_id);
  prepared.items = map_rows(rows, mapping);
  for (const auto* metric : metrics) {
    for (const auto& field : metric->required_fields) {
      const auto& items = prepared.items;
      const bool anywhere = std::any_of(items.begin(), items.end(),
                                        [&](const RunItem& i) { return evalmetrics::has_field(i.fields, field); });
      // An agent fills actual_output later, so it is not missing yet.
      if (!anywhere && !(field == "actual_output" && config.agent.type != "none"))
        prepared.warnings.push_back(metric->key + ": no row has " + field + "; those scores will be 0");
    }
  }
  prepared.config = config;
  prepared.config.metrics.clear();
  for (const auto* metric : metrics) prepared.config.metrics.push_back(metric->key);
  const auto storing_started = std::chrono::steady_clock::now();
  runs_.create(prepared.run_id, prepared.config, prepared.items,
               static_cast<long long>(prepared.items.size() * metrics.size()));
  spdlog::info("eval run {}: {} items stored in {} ms", prepared.run_id, prepared.items.size(),
               elapsed_ms(storing_started));
  return prepared;
}

PreparedRun EvalRunService::prepare_resume(const std::string& run_id) {
  const auto run = runs_.find(run_id);
  if (!run) throw util::HttpError(404, "Run not found");
  {
    std::lock_guard lock(mutex_);
    if (active_.count(run_id)) throw util::HttpError(409, "The run is still running");
  }
  if (run->status == "completed") throw util::HttpError(409, "The run is already completed");
  PreparedRun prepared;
  prepared.agent = check_providers(run->config, run_id);
  runs_.set_status(run_id, "running");
  prepared.run_id = run_id;
  prepared.config = run->config;
  prepared.items = runs_.items(run_id);
  prepared.resumed = true;
  return prepared;
}

std::shared_ptr<const Agent> EvalRunService::check_providers(const RunConfig& config,
                                                             const std::string& run_id) const {
  const auto metrics = known_metrics(config);
  const bool judged = std::any_of(metrics.begin(), metrics.end(), [](auto* m) { return !m->rule_based; });
  if (judged && !deps_.providers.has(config.llm_provider))
    throw util::HttpError(400, config.llm_provider + " API key not configured. Set the appropriate environment variable.");
  return std::make_shared<const Agent>(config.agent, deps_.providers, deps_.ai, run_id);
}

std::shared_ptr<EvalRunService::Active> EvalRunService::start_active(const std::string& run_id) {
  std::lock_guard lock(mutex_);
  auto& slot = active_[run_id];
  if (slot) throw util::HttpError(409, "The run is still running");
  slot = std::make_shared<Active>();
  return slot;
}

void EvalRunService::end_active(const std::string& run_id) {
  std::lock_guard lock(mutex_);
  active_.erase(run_id);
}

RunSummary EvalRunService::run(PreparedRun prepared, const RunEvents& events) {
  const std::string& run_id = prepared.run_id;
  const RunConfig& config = prepared.config;
  auto& items = prepared.items;
  const auto active = start_active(run_id);
  struct EndActive {
    EvalRunService* service;
    std::string id;
    ~EndActive() { service->end_active(id); }
  } end_active_guard{this, run_id};
  const auto cancelled = [&] { return active->cancel.load() || (events.cancelled && events.cancelled()); };
  const auto metrics = known_metrics(config);
  const auto rules = metric_rules(config);
  const long long total = static_cast<long long>(items.size() * metrics.size());

  try {
    log(events, "INFO", (prepared.resumed ? "Resuming evaluation: " : "Starting evaluation: ") +
                            config.evaluation_name);
    log(events, "INFO", "Processing " + std::to_string(items.size()) + " items with " +
                            std::to_string(metrics.size()) + " metrics (" + std::to_string(total) +
                            " total evaluations)");
    RunProgress progress{run_id, 0, total, "running", "Validating data...", "validating", {}};
    if (events.on_progress) events.on_progress(progress);
    for (const auto& warning : prepared.warnings) log(events, "WARNING", warning);
    log(events, "INFO", std::to_string(metrics.size()) + " metrics ready for " + std::to_string(items.size()) +
                            " items");

    run_agent(*prepared.agent, run_id, config, items, events, cancelled);

    // What is already scored (a resumed run), and the running averages it starts from.
    const auto done = runs_.scored(run_id);
    std::map<std::string, std::pair<double, long long>> sums;  // key → (sum, count)
    for (const auto& a : runs_.aggregate(run_id, rules)) sums[a.metric_key] = {a.average * a.scored, a.scored};
    progress.current = static_cast<long long>(done.size());
    std::vector<ScoringTask> tasks;
    for (std::size_t i = 0; i < items.size(); ++i)
      for (const auto* metric : metrics)
        if (!done.count({items[i].index, metric->key})) tasks.push_back({i, metric});
    log(events, "INFO", std::to_string(tasks.size()) + " evaluations to score" +
                            (done.empty() ? "" : " (" + std::to_string(done.size()) + " already scored)"));

    const auto report = [&](const std::string& message, const std::string& phase) {
      progress.message = message;
      progress.phase = phase;
      progress.metrics.clear();
      for (const auto* metric : metrics) {
        const auto& [sum, count] = sums[metric->key];
        progress.metrics.push_back({metric->key, count, count ? sum / static_cast<double>(count) : 0.0});
      }
      if (events.on_progress) events.on_progress(progress);
    };
    report("Running evaluation...", "evaluating");

    ScoringSetup setup;
    setup.max_concurrent = config.max_concurrent;
    setup.run_id = run_id;
    if (const auto* client = deps_.providers.find(config.llm_provider)) {
      setup.judge = client;
      setup.judge_model = llm::model_for(*client, config.model_name, llm::kEvalRunnerModels);
    }
    long long failed = 0;
    const auto scoring_started = std::chrono::steady_clock::now();
    score_tasks(items, tasks, setup,
                {[&](std::vector<ScoreRow>&& batch) {
                   runs_.append_scores(run_id, batch);
                   for (const auto& row : batch) {
                     ++progress.current;
                     if (!row.score) {
                       if (++failed <= kMaxWarnings) log(events, "WARNING", row.metric_key + ": " + row.reason);
                       continue;
                     }
                     auto& [sum, count] = sums[row.metric_key];
                     sum += *row.score;
                     ++count;
                   }
                   report("Evaluating metrics... (" + std::to_string(progress.current) + "/" +
                              std::to_string(total) + ")",
                          "evaluating");
                 },
                 cancelled});
    if (failed > kMaxWarnings)
      log(events, "WARNING", std::to_string(failed) + " judge calls failed in all");

    if (cancelled()) {
      runs_.set_status(run_id, "cancelled");
      log(events, "WARNING", "Evaluation cancelled after " + std::to_string(progress.current) + " of " +
                                 std::to_string(total) + " evaluations");
      return summarise(runs_, *runs_.find(run_id), rules);
    }
    spdlog::info("eval run {}: {} evaluations scored in {} ms", run_id, tasks.size(), elapsed_ms(scoring_started));
    // The items are in the store now; their memory goes back before the dataset is loaded.
    std::vector<RunItem>().swap(items);
    malloc_trim(0);
    const auto storing_started = std::chrono::steady_clock::now();
    const std::string dataset_id = store_as_dataset(run_id, config, rules);
    spdlog::info("eval run {}: stored as dataset {} in {} ms", run_id, dataset_id, elapsed_ms(storing_started));
    auto record = *runs_.find(run_id);
    record.dataset_id = dataset_id;
    const auto summary_started = std::chrono::steady_clock::now();
    RunSummary summary = summarise(runs_, record, rules);
    runs_.complete(run_id, summary.average_score, summary.overall_pass_rate, dataset_id);
    summary.completed = true;
    spdlog::info("eval run {}: summarised in {} ms", run_id, elapsed_ms(summary_started));
    progress.status = "complete";
    report("Evaluation complete!", "complete");
    for (const auto& m : summary.metric_results)
      if (m.average_score == 0 && m.pass_rate == 0)
        log(events, "WARNING", m.metric_key + " scored 0 on every item: check its required fields");
    return summary;
  } catch (const std::exception& e) {
    const auto* http = dynamic_cast<const util::HttpError*>(&e);
    runs_.set_status(run_id, "failed", http ? std::string(e.what()) : "Internal error: the run stopped");
    throw;
  }
}

}  // namespace axis::evalrun
