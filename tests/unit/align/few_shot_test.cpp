#include "align/few_shot.h"

#include <gtest/gtest.h>

namespace axis::align {
namespace {

// Records r0..r(n-1); `labels[i]` is r<i>'s human label.
std::vector<LabelledRecord> labelled_records(const std::vector<int>& labels) {
  std::vector<LabelledRecord> out;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::string id = "r" + std::to_string(i);
    out.push_back({{id, "q-" + id, "a-" + id, std::nullopt}, labels[i]});
  }
  return out;
}

std::vector<std::string> queries_of(const Suggestion& s) {
  std::vector<std::string> out;
  for (const auto& e : s.examples) out.push_back(e.query);
  return out;
}

int accepted(const Suggestion& s) {
  int n = 0;
  for (const auto& e : s.examples) n += e.score;
  return n;
}

TEST(AlignFewShotTest, BalancedSplitsHalfAndHalfAndIsReproducible) {
  const auto records = labelled_records({1, 1, 1, 1, 0, 0, 0, 0, 1, 0});
  const auto first = suggest_examples(records, "diverse", 5);
  EXPECT_EQ(first.strategy_used, "balanced");
  ASSERT_EQ(first.examples.size(), 5u);
  EXPECT_EQ(accepted(first), 2);  // ⌊5/2⌋ accepted, 3 rejected
  EXPECT_EQ(first.examples[0].score, 1);  // accepted first
  EXPECT_EQ(first.examples[4].score, 0);
  EXPECT_EQ(first.examples[0].reasoning, "Accepted based on human evaluation.");
  EXPECT_EQ(first.examples[4].reasoning, "Rejected based on human evaluation.");
  EXPECT_EQ(queries_of(suggest_examples(records, "representative", 5)), queries_of(first));
  // Another seed may pick others but keeps the split.
  EXPECT_EQ(accepted(suggest_examples(records, "diverse", 5, nullptr, 99)), 2);
}

TEST(AlignFewShotTest, ShortSideIsToppedUpFromTheOther) {
  const auto records = labelled_records({1, 1, 1, 1, 1, 0});
  const auto s = suggest_examples(records, "diverse", 4);
  ASSERT_EQ(s.examples.size(), 4u);
  EXPECT_EQ(accepted(s), 3);  // wanted 2 + 2, only one rejected exists
  EXPECT_EQ(suggest_examples(records, "diverse", 10).examples.size(), 6u);  // all there is
}

TEST(AlignFewShotTest, RecentTakesTheLatestRecords) {
  const auto records = labelled_records({1, 0, 1, 0, 1, 0});
  const auto s = suggest_examples(records, "recent", 4);
  EXPECT_EQ(s.strategy_used, "recent");
  EXPECT_EQ(queries_of(s), (std::vector<std::string>{"q-r4", "q-r2", "q-r5", "q-r3"}));
}

TEST(AlignFewShotTest, EdgeCasesTakeTheJudgesMistakesFirst) {
  const auto records = labelled_records({1, 0, 1, 0, 1, 0});
  std::vector<AlignmentResult> results(6);
  for (int i = 0; i < 6; ++i) {
    results[i].record_id = "r" + std::to_string(i);
    results[i].human_score = records[i].score;
    results[i].llm_score = records[i].score;
  }
  results[3].llm_score = 1;  // a false positive
  results[4].llm_score = 0;  // a false negative
  const auto s = suggest_examples(records, "edge_cases", 3, &results);
  EXPECT_EQ(s.strategy_used, "edge_cases");
  ASSERT_EQ(s.examples.size(), 3u);
  // r4 (accepted) and r3 (rejected) are in, plus one more from the balanced draw.
  const auto q = queries_of(s);
  EXPECT_NE(std::find(q.begin(), q.end(), "q-r4"), q.end());
  EXPECT_NE(std::find(q.begin(), q.end(), "q-r3"), q.end());
  EXPECT_EQ(s.examples[0].score, 1);
  // Without results it is the balanced draw.
  const auto plain = suggest_examples(records, "edge_cases", 3);
  EXPECT_EQ(plain.strategy_used, "balanced");
  EXPECT_EQ(queries_of(plain), queries_of(suggest_examples(records, "diverse", 3)));
}

}  // namespace
}  // namespace axis::align
