#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "signals/case_fields.h"

namespace axis::signals {
namespace {

TEST(CaseLabel, TakesTheRestOfTheNewCaseLine) {
  EXPECT_EQ(case_label("New support case: ORDER-1 double charge\n\nCustomer: Ann"), "ORDER-1 double charge");
  EXPECT_EQ(case_label("Intro line\nNew billing case:   Refund please  \nmore"), "Refund please");
  EXPECT_EQ(case_label("New  escalation\tcase:\nOn the next line"), "On the next line");
}

TEST(CaseLabel, NeedsTheWholePattern) {
  // "New case:" has no word between, "new support case:" is lower case: first line instead.
  EXPECT_EQ(case_label("New case: missing word"), "New case: missing word");
  EXPECT_EQ(case_label("new support case: lower"), "new support case: lower");
  // Blank after the colon: the label runs on into the next line, as the pattern reads it.
  EXPECT_EQ(case_label("New support case:   \nNew billing case: second"), "New billing case: second");
}

TEST(CaseLabel, FallsBackToTheFirstNonBlankLineCutTo80Characters) {
  EXPECT_EQ(case_label("\n   \n  Customer cannot log in  \nsecond"), "Customer cannot log in");
  const std::string long_line(100, 'x');
  EXPECT_EQ(case_label(long_line), std::string(80, 'x'));
  // 80 characters, not bytes: é is two bytes.
  std::string accents;
  for (int i = 0; i < 90; ++i) accents += "\xC3\xA9";
  EXPECT_EQ(case_label(accents), accents.substr(0, 160));
  EXPECT_EQ(case_label(""), "Unknown");
  EXPECT_EQ(case_label(" \n\t "), "Unknown");
}

TEST(MessageCount, TurnCountFirst) {
  EXPECT_EQ(message_count(R"({"turn_count": 5, "user_message_count": 3, "ai_message_count": 4})"), 5);
  EXPECT_EQ(message_count("{'turn_count': 7}"), 7);
}

TEST(MessageCount, ThenUserPlusAiCounts) {
  EXPECT_EQ(message_count(R"({"user_message_count": 3, "ai_message_count": 4})"), 7);
  EXPECT_EQ(message_count(R"({"turn_count": null, "ai_message_count": 2})"), 2);
  EXPECT_EQ(message_count(R"({"user_message_count": 3})"), 3);
}

TEST(MessageCount, ElseZero) {
  EXPECT_EQ(message_count(R"({"tool_call_count": 3})"), 0);
  EXPECT_EQ(message_count(R"({"turn_count": "five"})"), 0);
  EXPECT_EQ(message_count("not json"), 0);
  EXPECT_EQ(message_count("[1, 2]"), 0);
  EXPECT_EQ(message_count(std::nullopt), 0);
}

TEST(ConversationMessages, ReadsTheMessageList) {
  EXPECT_EQ(conversation_messages(R"({"messages": [{"role": "user", "content": "hi"}]})").dump(),
            R"([{"role":"user","content":"hi"}])");
  EXPECT_EQ(conversation_messages("{'messages': [{'role': 'assistant', 'content': 'yo'}]}").dump(),
            R"([{"role":"assistant","content":"yo"}])");
  EXPECT_EQ(conversation_messages(R"({"messages": "nope"})").dump(), "[]");
  EXPECT_EQ(conversation_messages("garbage").dump(), "[]");
  EXPECT_EQ(conversation_messages(std::nullopt).dump(), "[]");
}

}  // namespace
}  // namespace axis::signals
