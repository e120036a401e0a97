#include "align/judge.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "align/judge_prompt.h"
#include "llm/llm_client.h"

namespace axis::align {
namespace {

AlignmentResult judge_one(const llm::LlmClient& client, const JudgeConfig& config, const JudgeItem& item) {
  AlignmentResult r;
  r.record_id = item.record.id;
  r.query = item.record.query;
  r.actual_output = item.record.actual_output;
  r.expected_output = item.record.expected_output;
  r.human_score = item.human_score;
  try {
    const auto reply = client.chat(judge_request(config, item.record), {}, "align");
    const JudgeVerdict verdict = parse_judge_reply(reply.content);
    r.llm_score = verdict.score;
    r.llm_reasoning = verdict.reasoning;
  } catch (const std::exception& e) {
    r.llm_score = 0;
    r.llm_reasoning = std::string("The judge call failed: ") + e.what();
  }
  return r;
}

}  // namespace

std::vector<AlignmentResult> run_judge(const llm::LlmClient& client, const JudgeConfig& config,
                                       const std::vector<JudgeItem>& items, int concurrency) {
  std::vector<AlignmentResult> results(items.size());
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t i = next++; i < items.size(); i = next++) {
      results[i] = judge_one(client, config, items[i]);
    }
  };
  const std::size_t threads = std::min<std::size_t>(items.size(), static_cast<std::size_t>(std::max(1, concurrency)));
  {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  }  // joins every thread
  return results;
}

}  // namespace axis::align
