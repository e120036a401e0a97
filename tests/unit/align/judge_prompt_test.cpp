#include "align/judge_prompt.h"

#include <gtest/gtest.h>

namespace axis::align {
namespace {

TEST(AlignJudgePromptTest, ReadsPlainAndFencedJson) {
  auto v = parse_judge_reply(R"({"score": 1, "explanation": "Answers the question."})");
  EXPECT_TRUE(v.parsed);
  EXPECT_EQ(v.score, 1);
  EXPECT_EQ(v.reasoning, "Answers the question.");
  v = parse_judge_reply("```json\n{\"score\": 0, \"explanation\": \"Off topic.\"}\n```");
  EXPECT_TRUE(v.parsed);
  EXPECT_EQ(v.score, 0);
  EXPECT_EQ(v.reasoning, "Off topic.");
  // Fractional scores: ≥ 0.5 is 1, below is 0; a numeric string counts; "reasoning" is read too.
  EXPECT_EQ(parse_judge_reply(R"({"score": 0.5, "explanation": ""})").score, 1);
  EXPECT_EQ(parse_judge_reply(R"({"score": 0.49})").score, 0);
  v = parse_judge_reply(R"({"score": "1", "reasoning": "ok"})");
  EXPECT_EQ(v.score, 1);
  EXPECT_EQ(v.reasoning, "ok");
}

TEST(AlignJudgePromptTest, ReadsScoreAndReasoningLines) {
  auto v = parse_judge_reply("Score: 1\nReasoning: Accurate and complete.");
  EXPECT_TRUE(v.parsed);
  EXPECT_EQ(v.score, 1);
  EXPECT_EQ(v.reasoning, "Accurate and complete.");
  v = parse_judge_reply("Let me think.\n**Score:** 0\n**Reasoning:** It invents a date.\n");
  EXPECT_TRUE(v.parsed);
  EXPECT_EQ(v.score, 0);
  EXPECT_EQ(v.reasoning, "It invents a date.");
  v = parse_judge_reply("score: 1");
  EXPECT_EQ(v.score, 1);
  EXPECT_EQ(v.reasoning, "");
}

TEST(AlignJudgePromptTest, GarbageIsZeroWithTheFailureInTheReasoning) {
  auto v = parse_judge_reply("I refuse to grade this.");
  EXPECT_FALSE(v.parsed);
  EXPECT_EQ(v.score, 0);
  EXPECT_NE(v.reasoning.find("Could not read the judge's reply"), std::string::npos);
  EXPECT_NE(v.reasoning.find("I refuse to grade this."), std::string::npos);
  // A JSON object without a usable score is not a verdict either.
  v = parse_judge_reply(R"({"verdict": "yes"})");
  EXPECT_FALSE(v.parsed);
  EXPECT_EQ(v.score, 0);
  EXPECT_EQ(parse_judge_reply("").score, 0);
}

TEST(AlignJudgePromptTest, InstructionSubstitutesCriteriaAndExamplesBecomeTurns) {
  JudgeConfig config;
  config.model = "gpt-4o";
  config.temperature = 0.3;
  config.system_prompt = "Judge.\n{evaluation_criteria}\nAgain: {evaluation_criteria}";
  config.evaluation_criteria = "Be {evaluation_criteria} kind";
  EXPECT_EQ(judge_instruction(config), "Judge.\nBe {evaluation_criteria} kind\nAgain: Be {evaluation_criteria} kind");
  config.evaluation_criteria = "Be right";
  config.few_shot_examples.push_back({"q1", "a1", std::nullopt, 1, "good"});
  config.few_shot_examples.push_back({"q2", "a2", std::string("e2"), 0, "bad"});
  const auto request = judge_request(config, {"r1", "What?", "That.", std::nullopt});
  EXPECT_EQ(request.model, "gpt-4o");
  ASSERT_TRUE(request.temperature.has_value());
  EXPECT_DOUBLE_EQ(*request.temperature, 0.3);
  EXPECT_EQ(request.system.rfind("Judge.\nBe right\nAgain: Be right\n\nRespond with a JSON object only", 0), 0u);
  ASSERT_EQ(request.messages.size(), 5u);
  EXPECT_EQ(request.messages[0].role, "user");
  EXPECT_EQ(request.messages[0].content, "Input:\n{\"query\":\"q1\",\"actual_output\":\"a1\"}");
  EXPECT_EQ(request.messages[1].role, "assistant");
  EXPECT_EQ(request.messages[1].content, "{\"score\":1,\"explanation\":\"good\"}");
  EXPECT_EQ(request.messages[2].content,
            "Input:\n{\"query\":\"q2\",\"actual_output\":\"a2\",\"expected_output\":\"e2\"}");
  EXPECT_EQ(request.messages[3].content, "{\"score\":0,\"explanation\":\"bad\"}");
  EXPECT_EQ(request.messages[4].content, "Input:\n{\"query\":\"What?\",\"actual_output\":\"That.\"}");
}

TEST(AlignJudgePromptTest, DefaultPromptHoldsThePlaceholderAndOutputLines) {
  const std::string prompt = default_system_prompt();
  EXPECT_NE(prompt.find("{evaluation_criteria}"), std::string::npos);
  EXPECT_NE(prompt.find("Score: <0 or 1>"), std::string::npos);
  EXPECT_NE(prompt.find("Reasoning:"), std::string::npos);
  EXPECT_NE(default_evaluation_criteria().find("harmful"), std::string::npos);
}

}  // namespace
}  // namespace axis::align
