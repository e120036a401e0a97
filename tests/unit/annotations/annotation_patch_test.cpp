#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "annotations/annotation_store.h"
#include "util/http_error.h"

namespace axis::annotations {
namespace {

using Json = nlohmann::ordered_json;

std::vector<util::ValidationIssue> issues_of(const std::string& body) {
  try {
    parse_annotation_patch(Json::parse(body));
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 422);
    return e.issues();
  }
  ADD_FAILURE() << "accepted: " << body;
  return {};
}

TEST(AnnotationPatch, FullBodyIsParsed) {
  const auto p = parse_annotation_patch(Json::parse(
      R"({"judgment":"accept","rating":7.5,"critique":"Good","tags":["a","b"],"flagged":true})"));
  EXPECT_EQ(p.judgment.value().value(), "accept");
  EXPECT_EQ(p.rating.value().value(), 7.5);
  EXPECT_EQ(p.critique.value(), "Good");
  EXPECT_EQ(p.tags.value(), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(p.flagged.value());
}

TEST(AnnotationPatch, MissingFieldsStayUnsetAndNullClears) {
  const auto p = parse_annotation_patch(Json::parse(R"({"judgment":null,"rating":null})"));
  ASSERT_TRUE(p.judgment.has_value());
  EXPECT_FALSE(p.judgment->has_value());
  ASSERT_TRUE(p.rating.has_value());
  EXPECT_FALSE(p.rating->has_value());
  EXPECT_FALSE(p.critique.has_value());
  EXPECT_FALSE(p.tags.has_value());
  EXPECT_FALSE(p.flagged.has_value());
  EXPECT_FALSE(parse_annotation_patch(Json::object()).judgment.has_value());
}

TEST(AnnotationPatch, RatingBoundsAreInclusive) {
  EXPECT_EQ(parse_annotation_patch(Json::parse(R"({"rating":0})")).rating->value(), 0.0);
  EXPECT_EQ(parse_annotation_patch(Json::parse(R"({"rating":10})")).rating->value(), 10.0);
}

TEST(AnnotationPatch, EveryInvalidFieldIsListed) {
  const auto issues = issues_of(
      R"({"judgment":"maybe","rating":"5","critique":7,"tags":"a","flagged":"yes","case":1})");
  ASSERT_EQ(issues.size(), 6u);
  EXPECT_EQ(issues[0].type, "literal_error");
  EXPECT_EQ(issues[0].loc, (std::vector<std::string>{"body", "judgment"}));
  EXPECT_EQ(issues[0].input_json, "\"maybe\"");
  EXPECT_EQ(issues[1].type, "float_type");
  EXPECT_EQ(issues[2].type, "string_type");
  EXPECT_EQ(issues[3].type, "list_type");
  EXPECT_EQ(issues[4].type, "bool_type");
  EXPECT_EQ(issues[5].type, "extra_forbidden");
  EXPECT_EQ(issues[5].loc, (std::vector<std::string>{"body", "case"}));
}

TEST(AnnotationPatch, OutOfRangeValuesAreRejected) {
  EXPECT_EQ(issues_of(R"({"rating":-0.5})").at(0).type, "greater_than_equal");
  EXPECT_EQ(issues_of(R"({"rating":10.01})").at(0).type, "less_than_equal");
  EXPECT_EQ(issues_of(R"({"rating":true})").at(0).type, "float_type");
  EXPECT_EQ(issues_of(R"({"judgment":true})").at(0).type, "literal_error");
  EXPECT_EQ(issues_of(R"({"judgment":"ACCEPT"})").at(0).type, "literal_error");
}

TEST(AnnotationPatch, LengthLimitsCountCharactersNotBytes) {
  std::string accented;
  for (int i = 0; i < 10000; ++i) accented += "\u00e9";  // 10000 characters, 20000 bytes
  EXPECT_EQ(parse_annotation_patch(Json{{"critique", accented}}).critique->size(), 20000u);
  Json long_critique = {{"critique", std::string(10001, 'x')}};
  EXPECT_EQ(issues_of(long_critique.dump()).at(0).type, "string_too_long");
  Json tag_ok = {{"tags", {std::string(100, 'x')}}};
  EXPECT_EQ(parse_annotation_patch(tag_ok).tags->size(), 1u);
}

TEST(AnnotationPatch, TagListIsLimitedAndEachTagChecked) {
  Json many = {{"tags", Json::array()}};
  for (int i = 0; i < 51; ++i) many["tags"].push_back("t" + std::to_string(i));
  EXPECT_EQ(issues_of(many.dump()).at(0).type, "too_long");
  many["tags"].erase(50);
  EXPECT_EQ(parse_annotation_patch(many).tags->size(), 50u);

  const auto issues = issues_of(R"({"tags":["ok", 3, "", ")" + std::string(101, 'y') + R"("]})");
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].loc, (std::vector<std::string>{"body", "tags", "1"}));
  EXPECT_EQ(issues[0].type, "string_type");
  EXPECT_EQ(issues[1].type, "string_too_short");
  EXPECT_EQ(issues[2].type, "string_too_long");
}

TEST(AnnotationPatch, BodyMustBeAnObject) {
  EXPECT_EQ(issues_of("[1,2]").at(0).type, "model_attributes_type");
  EXPECT_EQ(issues_of("\"accept\"").at(0).loc, (std::vector<std::string>{"body"}));
}

}  // namespace
}  // namespace axis::annotations
