#include "reports/issue_extractor.h"

#include <gtest/gtest.h>

#include "reports/report_insights.h"
#include "reports/report_prompt.h"

namespace axis::reports {
namespace {

TEST(IssueExtractorTest, SamplesByTheMd5OfTheIdAsABigEndianNumber) {
  // MD5 mod 1000: case-1 → 625, case-2 → 501, abc → 570, "" → 366.
  EXPECT_TRUE(in_sample("case-1", 0.626));
  EXPECT_FALSE(in_sample("case-1", 0.625));
  EXPECT_TRUE(in_sample("case-2", 0.502));
  EXPECT_FALSE(in_sample("abc", 0.57));
  EXPECT_TRUE(in_sample("", 0.367));
  EXPECT_TRUE(in_sample("anything", 1.0));
  EXPECT_FALSE(in_sample("anything", 0.0));
}

TEST(IssueExtractorTest, PromptGroupsIssuesByMetricWithAveragesAndExamples) {
  ReportRequest request;
  request.data = Json::parse(R"([{"id":"1","metric_name":"m","metric_score":0.1,"query":"why?"},
      {"id":"2","metric_name":"m","metric_score":0.3},{"id":"3","metric_name":"n","metric_score":0.0,"critique":"wrong"}])");
  request.extraction.include_context_fields = {"query", "critique"};
  const auto extraction = extract_issues(request.data, request);
  ASSERT_EQ(extraction.issues.size(), 3u);
  EXPECT_EQ(extraction.issues[0]["id"], "3");
  const auto prompt = report_prompt(request, extraction);
  EXPECT_NE(prompt.system.find("## Key Findings (3)"), std::string::npos);
  EXPECT_NE(prompt.system.find("root causes"), std::string::npos);
  EXPECT_NE(prompt.user.find("### n\nAverage score: 0.000, issues: 1\n- ID 3, score 0.000\n  critique: wrong\n"),
            std::string::npos) << prompt.user;
  EXPECT_NE(prompt.user.find("### m\nAverage score: 0.200, issues: 2\n- ID 1, score 0.100\n  query: why?\n"),
            std::string::npos) << prompt.user;
  EXPECT_NE(prompt.user.find("Sample: 100%"), std::string::npos);
}

TEST(ReportInsightsTest, PatternsAreCountedFromTheIssuesAndSmallOnesDropped) {
  const Json issues = Json::parse(R"([{"id":"a","metric_name":"m","score":0.1},{"id":"a","metric_name":"n","score":0.2},
      {"id":"b","metric_name":"m","score":0.3},{"id":"c","metric_name":"m","score":0.4}])");
  const auto result = patterns_from_reply(
      "Here:\n```json\n{\"patterns\":[{\"category\":\"P\",\"description\":\"d\",\"issue_ids\":[\"a\",\"b\",\"x\"],"
      "\"confidence\":0.7},{\"category\":\"Q\",\"issue_ids\":[\"c\"]}],\"learnings\":[\"L\",3]}\n```", issues);
  ASSERT_TRUE(result);
  ASSERT_EQ((*result)["patterns"].size(), 1u);
  const Json& p = (*result)["patterns"][0];
  EXPECT_EQ(p["count"], 3);
  EXPECT_EQ(p["distinct_test_cases"], 2);
  EXPECT_EQ(p["issue_ids"], Json::parse(R"(["a","b"])"));
  EXPECT_EQ(p["metrics_involved"], Json::parse(R"(["m","n"])"));
  EXPECT_EQ(p["is_cross_metric"], true);
  EXPECT_EQ(p["confidence"], 0.7);
  EXPECT_EQ((*result)["learnings"], Json::parse(R"(["L"])"));
  EXPECT_FALSE(patterns_from_reply("no json here", issues));
  EXPECT_FALSE(patterns_from_reply(R"({"patterns":[{"category":"Q","issue_ids":["c"]}]})", issues));
}

}  // namespace
}  // namespace axis::reports
