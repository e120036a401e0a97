// Ranking metrics with binary relevance: how well a retrieved ranking finds the relevant
// references. Both lists are trimmed, blank elements and repeats (after the first) dropped, so
// ranks are counted over the distinct elements; an element is relevant when it equals
// (case-sensitive) an element of the relevant set.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace axis::evalmetrics {

// The cut-off of the *_at_k metrics (the spec names none).
inline constexpr std::size_t kRankCutoff = 5;

struct RankingScores {
  double hit_rate = 0;   // 1 when a relevant element is among the first k, else 0
  double precision = 0;  // relevant among the first k / min(k, |ranking|)
  double recall = 0;     // relevant among the first k / |relevant|
  double ndcg = 0;       // DCG / IDCG, DCG = Σ_{rank i ≤ k, relevant} 1 / log2(i + 1),
                         // IDCG = Σ_{i=1..min(k, |relevant|)} 1 / log2(i + 1)
  double reciprocal_rank = 0;  // 1 / rank of the first relevant element in the whole ranking
};

// All five for `ranking` against `relevant` (distinct non-blank elements); zeros when either
// has no non-blank element. Not rounded.
RankingScores score_ranking(const std::vector<std::string>& ranking,
                            const std::vector<std::string>& relevant, std::size_t k = kRankCutoff);

}  // namespace axis::evalmetrics
