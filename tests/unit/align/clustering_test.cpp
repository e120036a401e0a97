#include "align/clustering.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace axis::align {
namespace {

TEST(AlignClusteringTest, LearningsAreRepairedDeduplicatedAndSorted) {
  const Json proposed = Json::parse(R"([
    {"title": "Be concise", "content": "c", "tags": ["a"], "confidence": 0.6,
     "supporting_item_ids": ["1", "ghost", 2], "recommended_actions": [], "counterexamples": []},
    {"title": " BE CONCISE", "confidence": 0.9},
    {"content": "no title"},
    {"title": "Cite", "confidence": -2, "tags": [], "supporting_item_ids": [],
     "recommended_actions": ["x"], "counterexamples": [], "scope": "facts"},
    {"title": "Third", "tags": [], "recommended_actions": [], "counterexamples": []},
    {"title": "Fourth", "confidence": 0.1, "tags": [], "recommended_actions": [], "counterexamples": []}
  ])");
  int repairs = 0, duplicates = 0;
  const Json out = checked_learnings(proposed, {"1", "2"}, repairs, duplicates);
  // Kept: Be concise 0.6, Cite 0 (clamped), Third 0.5 (no confidence), Fourth 0.1; at most 3,
  // highest confidence first.
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0]["title"], "Be concise");
  EXPECT_EQ(out[1]["title"], "Third");
  EXPECT_DOUBLE_EQ(out[1]["confidence"].get<double>(), 0.5);
  EXPECT_EQ(out[2]["title"], "Fourth");
  EXPECT_EQ(out[0]["supporting_item_ids"], Json::parse(R"(["1", "2"])"));
  EXPECT_EQ(duplicates, 1);
  // Repairs: "ghost" removed, the untitled one dropped, Cite's confidence clamped, Third's
  // missing confidence (an absent supporting_item_ids list is simply empty, not a repair).
  EXPECT_EQ(repairs, 4);
}

TEST(AlignClusteringTest, NoNotesReplyIsEmptySuccess) {
  const Json r = no_notes_reply();
  EXPECT_EQ(r["success"], true);
  EXPECT_EQ(r["message"], "No annotations with notes found to cluster.");
  EXPECT_EQ(r["pipeline_metadata"]["total_analyzed"], 0);
}

}  // namespace
}  // namespace axis::align
