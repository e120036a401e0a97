#include "llm/usage_log.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "llm/wire_json.h"
#include "store/store.h"
#include "util/json_text.h"

namespace axis::llm {

namespace {
constexpr std::size_t kMaxBatch = 500;  // rows per INSERT
}  // namespace

UsageLog::UsageLog(store::Store* store) : store_(store) {
  if (store_) writer_ = std::thread([this] { write_loop(); });
}

UsageLog::~UsageLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (writer_.joinable()) writer_.join();
}

void UsageLog::record(const CallRecord& c) const {
  spdlog::info("llm call feature={} provider={} model={} attempts={} outcome={} in={} out={} {:.0f}ms",
               c.feature, c.provider, c.model, c.attempts, c.outcome, c.usage.input_tokens,
               c.usage.output_tokens, c.duration_ms);
  if (!store_) return;
  const auto now = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  {
    std::lock_guard lock(mutex_);
    pending_.push_back({c, static_cast<std::int64_t>(now.count())});
    ++queued_;
  }
  changed_.notify_all();
}

void UsageLog::flush() const {
  if (!store_) return;
  std::unique_lock lock(mutex_);
  const std::uint64_t target = queued_;
  changed_.wait(lock, [&] { return written_ >= target; });
}

void UsageLog::write_loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
    if (pending_.empty() && stopping_) return;
    std::vector<Queued> batch = std::exchange(pending_, {});
    lock.unlock();
    for (std::size_t start = 0; start < batch.size(); start += kMaxBatch)
      write({batch.begin() + start, batch.begin() + std::min(batch.size(), start + kMaxBatch)});
    lock.lock();
    written_ += batch.size();
    changed_.notify_all();
  }
}

void UsageLog::write(const std::vector<Queued>& batch) const {
  std::string rows;
  std::vector<store::Value> values;
  for (const auto& [c, at] : batch) {
    rows += rows.empty() ? "" : ", ";
    rows += "(make_timestamp(?::BIGINT), ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    values.insert(values.end(),
                  {at, c.feature, c.provider, c.model, static_cast<std::int64_t>(c.usage.input_tokens),
                   static_cast<std::int64_t>(c.usage.output_tokens), static_cast<std::int64_t>(c.attempts),
                   c.outcome, c.duration_ms, c.run_id.empty() ? store::Value{} : store::Value{c.run_id}});
  }
  try {
    auto conn = store_->connection();
    conn->query("INSERT INTO _llm_usage (called_at, feature, provider, model, input_tokens,"
                " output_tokens, calls, outcome, duration_ms, run_id) VALUES " + rows,
                values);
  } catch (const std::exception& e) {
    spdlog::warn("cannot record LLM usage of {} calls: {}", batch.size(), e.what());
  }
}

std::string UsageLog::summary_json(int days) const {
  Json out = {{"since_days", days},
              {"totals", {{"calls", 0}, {"input_tokens", 0}, {"output_tokens", 0}}},
              {"by_model", Json::array()}};
  if (!store_) return util::json_text(out);
  flush();
  auto conn = store_->connection();
  auto result = conn->query(
      "SELECT feature, provider, model, count(*)::BIGINT, sum(input_tokens)::BIGINT,"
      " sum(output_tokens)::BIGINT, count(*) FILTER (WHERE outcome <> 'ok')::BIGINT"
      " FROM _llm_usage WHERE called_at >= current_timestamp - to_days(?::INTEGER)"
      " GROUP BY ALL ORDER BY 1, 2, 3",
      {static_cast<std::int64_t>(days)});
  const auto number = [](const std::optional<std::string>& v) { return v ? std::stoll(*v) : 0LL; };
  long long calls = 0, in = 0, outt = 0;
  for (const auto& row : result.rows()) {
    const long long n = number(row[3]), i = number(row[4]), o = number(row[5]);
    calls += n;
    in += i;
    outt += o;
    out["by_model"].push_back({{"feature", row[0].value_or("")}, {"provider", row[1].value_or("")},
                               {"model", row[2].value_or("")}, {"calls", n}, {"input_tokens", i},
                               {"output_tokens", o}, {"failed_calls", number(row[6])}});
  }
  out["totals"] = {{"calls", calls}, {"input_tokens", in}, {"output_tokens", outt}};
  return util::json_text(out);
}

}  // namespace axis::llm
