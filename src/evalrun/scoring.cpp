#include "evalrun/scoring.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "evalmetrics/heuristics.h"
#include "evalmetrics/judge.h"
#include "llm/llm_client.h"

namespace axis::evalrun {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kBatchEvery = std::chrono::milliseconds(500);
constexpr std::size_t kRuleChunk = 2000;  // rule-based scores computed between two looks at the judges

// The judge calls: a shared queue of tasks taken by the worker threads, and their results.
class JudgePool {
 public:
  JudgePool(const std::vector<RunItem>& items, std::vector<ScoringTask> tasks, const ScoringSetup& setup,
            std::function<bool()> cancelled)
      : items_(items), tasks_(std::move(tasks)), setup_(setup), cancelled_(std::move(cancelled)) {
    const std::size_t threads = std::min<std::size_t>(tasks_.size(), std::max(1, setup_.max_concurrent));
    for (std::size_t t = 0; t < threads; ++t) workers_.emplace_back([this] { work(); });
  }
  ~JudgePool() {
    for (auto& w : workers_) w.join();
  }

  bool finished() const {
    std::lock_guard lock(mutex_);
    return running_ == 0 && started_ == workers_.size();
  }
  // Waits up to `wait` for results, then takes them.
  std::vector<ScoreRow> take(Clock::duration wait) {
    std::unique_lock lock(mutex_);
    ready_.wait_for(lock, wait, [&] { return !results_.empty() || (running_ == 0 && started_ == workers_.size()); });
    return std::exchange(results_, {});
  }
  bool idle() const { return workers_.empty(); }

 private:
  void work() {
    {
      std::lock_guard lock(mutex_);
      ++started_;
      ++running_;
    }
    for (;;) {
      const std::size_t i = next_.fetch_add(1);
      if (i >= tasks_.size() || (cancelled_ && cancelled_())) break;
      auto row = judge(tasks_[i]);
      if (!row) continue;
      std::lock_guard lock(mutex_);
      results_.push_back(std::move(*row));
      ready_.notify_one();
    }
    std::lock_guard lock(mutex_);
    --running_;
    ready_.notify_one();
  }

  std::optional<ScoreRow> judge(const ScoringTask& task) const {
    const RunItem& item = items_[task.item];
    const auto prompt = evalmetrics::judge_prompt(*task.metric, item.fields);
    llm::ChatRequest request;
    request.model = setup_.judge_model;
    request.system = prompt.system;
    request.messages.push_back({"user", prompt.user, {}, {}});
    request.temperature = 0.0;
    request.max_tokens = 1024;
    llm::ChatCallbacks callbacks;
    callbacks.cancelled = cancelled_;
    ScoreRow row{item.index, task.metric->key, std::nullopt, {}};
    try {
      const auto reply = setup_.judge->chat(request, callbacks, llm::CallLabel("eval-runner", setup_.run_id));
      const auto scored = evalmetrics::parse_judge_reply(reply.content);
      row.score = scored.score;
      row.reason = scored.reason;
    } catch (const llm::LlmCancelled&) {
      return std::nullopt;  // left to score when the run resumes
    } catch (const llm::LlmError& e) {
      if (cancelled_ && cancelled_()) return std::nullopt;
      row.reason = std::string("Judge call failed: ") + e.what();
    }
    return row;
  }

  const std::vector<RunItem>& items_;
  const std::vector<ScoringTask> tasks_;
  const ScoringSetup& setup_;
  std::function<bool()> cancelled_;
  std::atomic<std::size_t> next_{0};
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<ScoreRow> results_;
  std::size_t started_ = 0, running_ = 0;
  std::vector<std::thread> workers_;  // last: started once everything above exists
};

}  // namespace

void score_tasks(const std::vector<RunItem>& items, const std::vector<ScoringTask>& tasks,
                 const ScoringSetup& setup, const ScoringHooks& hooks) {
  std::vector<ScoringTask> judged, rules;
  for (const auto& task : tasks) (task.metric->rule_based ? rules : judged).push_back(task);
  const auto cancelled = [&] { return hooks.cancelled && hooks.cancelled(); };

  std::vector<ScoreRow> batch;
  auto last_batch = Clock::now();
  const auto hand_over = [&](bool force) {
    if (batch.empty() || (!force && Clock::now() - last_batch < kBatchEvery)) return;
    hooks.on_batch(std::exchange(batch, {}));
    last_batch = Clock::now();
  };

  JudgePool pool(items, std::move(judged), setup, hooks.cancelled);
  const auto collect = [&](Clock::duration wait) {
    if (pool.idle()) return;
    for (auto& row : pool.take(wait)) batch.push_back(std::move(row));
  };

  for (std::size_t start = 0; start < rules.size() && !cancelled(); start += kRuleChunk) {
    const std::size_t end = std::min(rules.size(), start + kRuleChunk);
    for (std::size_t i = start; i < end; ++i) {
      const auto& task = rules[i];
      const RunItem& item = items[task.item];
      const auto scored = evalmetrics::score_heuristic(*task.metric, item.fields);
      batch.push_back({item.index, task.metric->key, scored.score, scored.reason});
    }
    collect(Clock::duration::zero());
    hand_over(false);
  }
  while (!pool.idle() && !pool.finished()) {
    collect(kBatchEvery);
    hand_over(false);
  }
  collect(Clock::duration::zero());
  hand_over(true);
}

}  // namespace axis::evalrun
