// Judge prompts of the LLM-judged metrics and the reading of the judge's reply.
#include "evalmetrics/judge.h"

#include <gtest/gtest.h>

#include <string>

#include "evalmetrics/catalogue.h"
#include "evalmetrics/judge_texts.h"

namespace axis::evalmetrics {
namespace {

bool judge_has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(EvalMetricsJudgeTest, ParsesPlainJson) {
  const MetricScore s = parse_judge_reply(R"({"score": 0.8, "reasoning": "Covers the points."})");
  EXPECT_EQ(s.score, 0.8);
  EXPECT_EQ(s.reason, "Covers the points.");
}

TEST(EvalMetricsJudgeTest, StripsMarkdownFences) {
  const MetricScore s =
      parse_judge_reply("```json\n{\"score\": 0.25, \"reasoning\": \"Partly right\"}\n```\n");
  EXPECT_EQ(s.score, 0.25);
  EXPECT_EQ(s.reason, "Partly right");
  EXPECT_EQ(parse_judge_reply("```\n{\"score\": 0.5, \"reasoning\": \"x\"}\n```").score, 0.5);
}

TEST(EvalMetricsJudgeTest, FindsTheObjectInsideProse) {
  const MetricScore s = parse_judge_reply(
      "Here is my verdict: {\"score\": 1, \"reasoning\": \"All there\"} Hope this helps.");
  EXPECT_EQ(s.score, 1.0);
  EXPECT_EQ(s.reason, "All there");
}

TEST(EvalMetricsJudgeTest, ClampsAndReadsScoresGivenAsText) {
  EXPECT_EQ(parse_judge_reply(R"({"score": 1.7, "reasoning": "r"})").score, 1.0);
  EXPECT_EQ(parse_judge_reply(R"({"score": -0.2, "reasoning": "r"})").score, 0.0);
  EXPECT_EQ(parse_judge_reply(R"({"score": "0.6", "reasoning": "r"})").score, 0.6);
  EXPECT_EQ(parse_judge_reply(R"({"score": " 2 ", "reasoning": "r"})").score, 1.0);
}

TEST(EvalMetricsJudgeTest, GarbageScoresHalfAndSaysSo) {
  const MetricScore s = parse_judge_reply("I think the answer is fine.");
  EXPECT_EQ(s.score, 0.5);
  EXPECT_EQ(s.reason, "Failed to parse judge response: I think the answer is fine.");
  EXPECT_EQ(parse_judge_reply(R"({"reasoning": "no score"})").score, 0.5);
  EXPECT_EQ(parse_judge_reply(R"({"score": "high", "reasoning": "r"})").score, 0.5);
  EXPECT_EQ(parse_judge_reply("[0.9]").score, 0.5);
  EXPECT_EQ(parse_judge_reply("").reason, "Failed to parse judge response: ");
  // The reply is quoted in the reason, cut at 200 characters.
  EXPECT_EQ(parse_judge_reply(std::string(300, 'x')).reason,
            "Failed to parse judge response: " + std::string(200, 'x') + "...");
}

TEST(EvalMetricsJudgeTest, MissingReasoningIsSaid) {
  const MetricScore s = parse_judge_reply(R"({"score": 0.4})");
  EXPECT_EQ(s.score, 0.4);
  EXPECT_EQ(s.reason, "No reasoning provided");
}

TEST(EvalMetricsJudgeTest, EveryJudgedMetricHasATask) {
  for (const MetricInfo& info : catalogue()) {
    if (!info.is_llm_based) continue;
    EXPECT_NE(find_judge_task(info.key), nullptr) << info.key;
  }
}

TEST(EvalMetricsJudgeTest, PromptCarriesOnlyTheFieldsTheMetricUses) {
  EvalItem item;
  item.query = "What is the capital of France?";
  item.actual_output = "Paris.";
  item.expected_output = "Paris";
  item.retrieved_content = {"Paris is the capital of France.", " ", "Lyon is a city."};
  item.conversation = "user: hi";
  const JudgePrompt p = judge_prompt(*find_metric("faithfulness"), item);
  EXPECT_TRUE(judge_has(p.system, "expert evaluator"));
  EXPECT_TRUE(judge_has(p.system, "{\"score\": <number from 0.0 to 1.0>, \"reasoning\""));
  EXPECT_EQ(p.user,
            "Judge whether every claim in the response to the query is supported by the context.\n"
            "\nQuery:\nWhat is the capital of France?\n"
            "\nResponse:\nParis.\n"
            "\nContext:\n[1] Paris is the capital of France.\n[2] Lyon is a city.\n"
            "\nScore 0.0 means the response's claims are unsupported by or contradict the "
            "context; 1.0 means every claim of the response is supported by the context. Use "
            "values in between for partial results.");

  const JudgePrompt conv = judge_prompt(*find_metric("conversation_flow"), item);
  EXPECT_TRUE(judge_has(conv.user, "\nConversation:\nuser: hi\n"));
  EXPECT_FALSE(judge_has(conv.user, "Query:"));
  EXPECT_FALSE(judge_has(conv.user, "Response:"));

  item.acceptance_criteria = "Names the city.";
  const JudgePrompt crit = judge_prompt(*find_metric("answer_criteria"), item);
  EXPECT_TRUE(judge_has(crit.user, "\nAcceptance Criteria:\nNames the city.\n"));
  EXPECT_FALSE(judge_has(crit.user, "Expected Output:"));

  const JudgePrompt complete = judge_prompt(*find_metric("answer_completeness"), item);
  EXPECT_TRUE(judge_has(complete.user, "\nExpected Output:\nParis\n"));
  EXPECT_FALSE(judge_has(complete.user, "Context:"));
}

TEST(EvalMetricsJudgeTest, LongFieldsAreCut) {
  EvalItem item;
  item.query = "q";
  item.actual_output = std::string(kMaxBlockChars + 50, 'a');
  const JudgePrompt p = judge_prompt(*find_metric("answer_relevancy"), item);
  EXPECT_TRUE(judge_has(p.user, "Response:\n" + std::string(kMaxBlockChars, 'a') + "...\n"));
  EXPECT_FALSE(judge_has(p.user, std::string(kMaxBlockChars + 1, 'a')));
}

}  // namespace
}  // namespace axis::evalmetrics
