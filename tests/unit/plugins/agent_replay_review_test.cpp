// The agent replay review workflow: the scores of a review, the dataset name and item; the
// trace cache; trace-id detection; credential selection.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "plugins/agent_replay/langfuse_accounts.h"
#include "plugins/agent_replay/replay_service.h"
#include "plugins/agent_replay/review_service.h"
#include "plugins/agent_replay/trace_cache.h"

namespace axis::plugins::agent_replay {
namespace {

std::vector<std::string> planned_names(const std::vector<PlannedScore>& scores) {
  std::vector<std::string> out;
  for (const auto& s : scores) out.push_back(s.name);
  return out;
}

TEST(AgentReplayReview, a_negative_review_with_texts_and_a_failure_is_five_scores) {
  ReviewRequest r;
  r.trace_id = "t";
  r.verdict = "negative";
  r.failure_observation_id = "obs-1";
  r.failure_observation_name = "step-2";
  r.tooling_needs = "a search tool";
  r.rationale = "wrong policy";
  r.expected_output = "covered";
  const auto scores = review_scores(r);
  EXPECT_EQ(planned_names(scores),
            (std::vector<std::string>{"review.verdict.v1", "review.tooling_needs.v1", "review.rationale.v1",
                                      "review.expected_output.v1", "review.failure_step.v1"}));
  EXPECT_EQ(scores[0].value, -1.0);
  EXPECT_EQ(scores[0].comment, "negative");
  EXPECT_FALSE(scores[0].observation_id.has_value());
  EXPECT_EQ(scores[2].text, "wrong policy");
  EXPECT_EQ(scores[2].observation_id, "obs-1");
  EXPECT_EQ(scores[4].text, "step-2");
  r.failure_observation_name.reset();
  EXPECT_EQ(review_scores(r)[4].text, "obs-1");  // the id when there is no name
}

TEST(AgentReplayReview, a_bare_positive_is_one_score) {
  ReviewRequest r;
  r.trace_id = "t";
  r.verdict = "positive";
  r.rationale = "   ";
  const auto scores = review_scores(r);
  ASSERT_EQ(scores.size(), 1u);
  EXPECT_EQ(scores[0].value, 1.0);
  r.verdict = "neutral";
  EXPECT_EQ(review_scores(r)[0].value, 0.0);
}

TEST(AgentReplayReview, dataset_name_and_item) {
  ReviewRequest r;
  r.trace_id = "t1";
  r.verdict = "neutral";
  r.dataset_name = "my-dataset";
  EXPECT_EQ(review_dataset_name(r, "2026-12"), "my-dataset");
  r.dataset_name.reset();
  EXPECT_EQ(review_dataset_name(r, "2026-12"), "default-golden-2026-12");
  r.agent = "claims";
  EXPECT_EQ(review_dataset_name(r, "2026-12"), "claims-golden-2026-12");
  r.agent_label = "Claims Bot";
  EXPECT_EQ(review_dataset_name(r, "2026-12"), "Claims Bot-golden-2026-12");
  r.failure_observation_name = "lookup";
  EXPECT_EQ(review_dataset_name(r, "2026-12"), "lookup");
  r.trace_input = {{"q", "why"}};
  r.rationale = "because";
  const Json item = review_dataset_item(r, "lookup", "2026-12");
  EXPECT_EQ(item, Json({{"datasetName", "lookup"},
                        {"id", "Claims Bot-golden-2026-12"},
                        {"sourceTraceId", "t1"},
                        {"input", {{"q", "why"}}},
                        {"expectedOutput", nullptr},
                        {"metadata", {{"verdict", "neutral"}, {"rationale", "because"}}}}));
}

TEST(AgentReplayReview, the_trace_cache_keeps_ten_for_five_minutes) {
  auto now = std::chrono::steady_clock::time_point{};
  TraceCache cache(10, std::chrono::minutes(5), [&] { return now; });
  for (int i = 0; i < 11; ++i) cache.put("t" + std::to_string(i), std::make_shared<const Json>(i));
  EXPECT_EQ(cache.get("t0"), nullptr);  // the least recently used went
  ASSERT_NE(cache.get("t1"), nullptr);
  EXPECT_EQ(*cache.get("t10"), 10);
  now += std::chrono::minutes(5) + std::chrono::seconds(1);
  EXPECT_EQ(cache.get("t10"), nullptr);
}

TEST(AgentReplayReview, trace_ids_are_uuids_or_long_hex) {
  EXPECT_TRUE(looks_like_trace_id("7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b"));
  EXPECT_TRUE(looks_like_trace_id(std::string(32, 'a')));
  EXPECT_FALSE(looks_like_trace_id(std::string(31, 'a')));
  EXPECT_FALSE(looks_like_trace_id("CASE-42"));
}

TEST(AgentReplayReview, credentials_by_agent) {
  config::LangfuseSettings s;
  s.agents["beta_bot"] = {"pk-b", "sk-b", "http://beta"};
  LangfuseAccounts accounts(s, {});
  EXPECT_TRUE(accounts.configured());
  EXPECT_EQ(accounts.agents(), std::vector<std::string>{"beta_bot"});
  EXPECT_EQ(accounts.client_for(std::string("Beta-Bot")).host(), "http://beta");
  EXPECT_THROW(accounts.client_for(std::nullopt), MissingCredentials);
  EXPECT_THROW(accounts.client_for(std::string("ghost")), MissingCredentials);
  EXPECT_FALSE(LangfuseAccounts(config::LangfuseSettings{}, {}).configured());
}

}  // namespace
}  // namespace axis::plugins::agent_replay
