#include "align/few_shot.h"

#include <algorithm>
#include <set>

#include "align/statistics.h"

namespace axis::align {
namespace {

FewShotExample example_of(const LabelledRecord& r) {
  return {r.record.query, r.record.actual_output, r.record.expected_output, r.score,
          r.score == 1 ? "Accepted based on human evaluation." : "Rejected based on human evaluation."};
}

// Indices of `records` with label `score`, not in `taken`, in the order the strategy draws them.
std::vector<std::size_t> pool_of(const std::vector<LabelledRecord>& records, int score,
                                 const std::set<std::size_t>& taken, bool latest_first, SplitMix64& rng) {
  std::vector<std::size_t> pool;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (records[i].score == score && !taken.count(i)) pool.push_back(i);
  }
  if (latest_first) {
    std::reverse(pool.begin(), pool.end());
  } else {
    for (std::size_t i = pool.size(); i > 1; --i) std::swap(pool[i - 1], pool[rng.below(i)]);
  }
  return pool;
}

// Adds `wanted` picks to `picked`, split half accepted / half rejected, topping up a short side.
void pick_balanced(const std::vector<LabelledRecord>& records, std::size_t wanted, bool latest_first,
                   SplitMix64& rng, std::set<std::size_t>& picked) {
  const auto accepts = pool_of(records, 1, picked, latest_first, rng);
  const auto rejects = pool_of(records, 0, picked, latest_first, rng);
  std::size_t want_accepts = std::min(wanted / 2, accepts.size());
  std::size_t want_rejects = std::min(wanted - want_accepts, rejects.size());
  want_accepts = std::min(wanted - want_rejects, accepts.size());
  for (std::size_t i = 0; i < want_accepts; ++i) picked.insert(accepts[i]);
  for (std::size_t i = 0; i < want_rejects; ++i) picked.insert(rejects[i]);
}

}  // namespace

const std::vector<std::string>& suggestion_strategies() {
  static const std::vector<std::string> names = {"diverse", "representative", "edge_cases", "recent"};
  return names;
}

Suggestion suggest_examples(const std::vector<LabelledRecord>& records, const std::string& strategy,
                            int count, const std::vector<AlignmentResult>* results, std::uint64_t seed) {
  Suggestion out;
  SplitMix64 rng(seed);
  const std::size_t wanted = static_cast<std::size_t>(std::max(0, count));
  std::set<std::size_t> picked;
  std::vector<std::size_t> order;  // edge cases keep the results' order
  const bool edges = strategy == "edge_cases" && results && !results->empty();
  if (edges) {
    for (const auto& r : *results) {
      if (r.is_aligned() || order.size() >= wanted) continue;
      for (std::size_t i = 0; i < records.size(); ++i) {
        if (records[i].record.id == r.record_id && !picked.count(i)) {
          picked.insert(i);
          order.push_back(i);
          break;
        }
      }
    }
  }
  const bool latest_first = strategy == "recent";
  out.strategy_used = edges ? "edge_cases" : latest_first ? "recent" : "balanced";
  std::set<std::size_t> before = picked;
  pick_balanced(records, wanted - picked.size(), latest_first, rng, picked);
  // Accepted first, then rejected; the edge cases lead within their side.
  std::vector<std::size_t> added;
  for (std::size_t i : picked) {
    if (!before.count(i)) added.push_back(i);
  }
  if (latest_first) std::sort(added.rbegin(), added.rend());
  order.insert(order.end(), added.begin(), added.end());
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return records[a].score > records[b].score; });
  for (std::size_t i : order) out.examples.push_back(example_of(records[i]));
  return out;
}

}  // namespace axis::align
