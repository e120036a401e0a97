#include "evalmetrics/retrieval.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>

#include "util/text.h"

namespace axis::evalmetrics {

namespace {

std::vector<std::string> distinct_trimmed(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  std::set<std::string, std::less<>> seen;
  for (const std::string& value : values) {
    const std::string_view text = util::trim(value);
    if (text.empty() || seen.count(text)) continue;
    seen.emplace(text);
    out.emplace_back(text);
  }
  return out;
}

}  // namespace

RankingScores score_ranking(const std::vector<std::string>& ranking,
                            const std::vector<std::string>& relevant, std::size_t k) {
  const std::vector<std::string> ranked = distinct_trimmed(ranking);
  const std::vector<std::string> wanted = distinct_trimmed(relevant);
  RankingScores scores;
  if (ranked.empty() || wanted.empty() || k == 0) return scores;
  const std::set<std::string, std::less<>> wanted_set(wanted.begin(), wanted.end());
  std::size_t hits = 0;
  double dcg = 0;
  for (std::size_t rank = 1; rank <= ranked.size(); ++rank) {
    if (!wanted_set.count(ranked[rank - 1])) continue;
    if (scores.reciprocal_rank == 0) scores.reciprocal_rank = 1.0 / static_cast<double>(rank);
    if (rank <= k) {
      ++hits;
      dcg += 1.0 / std::log2(static_cast<double>(rank) + 1);
    }
  }
  double ideal = 0;
  for (std::size_t rank = 1; rank <= std::min(k, wanted.size()); ++rank)
    ideal += 1.0 / std::log2(static_cast<double>(rank) + 1);
  scores.hit_rate = hits > 0 ? 1.0 : 0.0;
  scores.precision = static_cast<double>(hits) / static_cast<double>(std::min(k, ranked.size()));
  scores.recall = static_cast<double>(hits) / static_cast<double>(wanted.size());
  scores.ndcg = dcg / ideal;
  return scores;
}

}  // namespace axis::evalmetrics
