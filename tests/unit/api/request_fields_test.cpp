#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "api/request_fields.h"
#include "http/request.h"

namespace axis::api {
namespace {

// The body of the 422 a check() throws, parsed.
nlohmann::json issues_of(const std::function<void()>& check) {
  try {
    check();
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 422);
    return nlohmann::json::parse(e.body())["detail"];
  }
  ADD_FAILURE() << "no 422";
  return nullptr;
}

TEST(BodyFields, ReadsEveryFieldAndListsEveryProblemAtOnce) {
  const BodyJson body = BodyJson::parse(
      R"({"name":"n","port":"x","limit":500,"flag":1,"table":{"schema_name":7},"note":null})");
  BodyFields fields(body);
  EXPECT_EQ(fields.text("name"), "n");
  EXPECT_EQ(fields.integer("port", 5432, 1, 65535), 5432);  // wrong type: the fallback
  EXPECT_EQ(fields.integer("limit", 10, 1, 100), 10);
  EXPECT_TRUE(fields.boolean("flag", true));
  EXPECT_EQ(fields.optional_text("note"), std::nullopt);  // null counts as absent
  BodyFields table = fields.object("table", true);
  table.text("name");
  table.optional_text("schema_name");
  const auto detail = issues_of([&] { fields.check(); });
  ASSERT_EQ(detail.size(), 5u);
  EXPECT_EQ(detail[0], nlohmann::json::parse(R"({"type":"int_type","loc":["body","port"],
      "msg":"Input should be a valid integer","input":"x"})"));
  EXPECT_EQ(detail[1]["type"], "less_than_equal");
  EXPECT_EQ(detail[1]["msg"], "Input should be less than or equal to 100");
  EXPECT_EQ(detail[2]["type"], "bool_type");
  EXPECT_EQ(detail[3]["loc"], nlohmann::json::parse(R"(["body","table","name"])"));
  EXPECT_EQ(detail[3]["type"], "missing");
  EXPECT_EQ(detail[4]["loc"], nlohmann::json::parse(R"(["body","table","schema_name"])"));
  EXPECT_EQ(detail[4]["input"], 7);
}

TEST(BodyFields, NotAnObjectIsOneIssueAndFieldsReadAsAbsent) {
  const BodyJson body = BodyJson::parse("[1,2]");
  BodyFields fields(body);
  EXPECT_EQ(fields.text("message"), "");
  EXPECT_EQ(fields.list("rows", true), nullptr);
  const auto detail = issues_of([&] { fields.check(); });
  ASSERT_EQ(detail.size(), 1u);
  EXPECT_EQ(detail[0]["type"], "model_attributes_type");
  EXPECT_EQ(detail[0]["loc"], nlohmann::json::parse(R"(["body"])"));
}

TEST(BodyFields, ListItemsCarryTheirIndexInLoc) {
  const BodyJson body = BodyJson::parse(R"({"messages":[{"content":"hi"},"text",{"role":"user"}]})");
  BodyFields fields(body);
  const BodyJson* list = fields.list("messages", true);
  ASSERT_NE(list, nullptr);
  for (std::size_t i = 0; i < list->size(); ++i) fields.item("messages", (*list)[i], i).text("content", 0);
  const auto detail = issues_of([&] { fields.check(); });
  ASSERT_EQ(detail.size(), 2u);
  EXPECT_EQ(detail[0]["loc"], nlohmann::json::parse(R"(["body","messages",1])"));
  EXPECT_EQ(detail[0]["type"], "model_attributes_type");
  EXPECT_EQ(detail[1]["loc"], nlohmann::json::parse(R"(["body","messages",2,"content"])"));
}

TEST(BodyFields, MatchingAndTooShort) {
  const BodyJson body = BodyJson::parse(R"({"id":"a b","message":""})");
  BodyFields fields(body);
  EXPECT_EQ(fields.matching("id", [](const std::string& s) { return s.find(' ') == std::string::npos; },
                            "no spaces"),
            std::nullopt);
  fields.text("message");
  const auto detail = issues_of([&] { fields.check(); });
  ASSERT_EQ(detail.size(), 2u);
  EXPECT_EQ(detail[0]["type"], "string_pattern_mismatch");
  EXPECT_EQ(detail[0]["msg"], "no spaces");
  EXPECT_EQ(detail[1]["type"], "string_too_short");
  EXPECT_EQ(detail[1]["msg"], "String should have at least 1 character");
}

TEST(QueryParams, CollectsIssuesAndEchoesAtMostAHundredCharacters) {
  http::Request req;
  req.query = {{"page", std::string(300, '9') + "x"}, {"sort", "up"}, {"id", "a b"}};
  QueryParams params(req);
  EXPECT_EQ(params.integer("page", 1, 1, 10), 1);
  EXPECT_EQ(params.choice("sort", {"asc", "desc"}), std::nullopt);
  EXPECT_EQ(params.matching("id", [](const std::string& s) { return s == "ok"; }, "bad id"), std::nullopt);
  params.required("dataset_id");
  const auto detail = issues_of([&] { params.check(); });
  ASSERT_EQ(detail.size(), 4u);
  EXPECT_EQ(detail[0]["type"], "int_parsing");
  EXPECT_EQ(detail[0]["input"].get<std::string>().size(), 100u);
  EXPECT_EQ(detail[1]["msg"], "Input should be 'asc' or 'desc'");
  EXPECT_EQ(detail[2]["type"], "string_pattern_mismatch");
  EXPECT_EQ(detail[3], nlohmann::json::parse(R"({"type":"missing","loc":["query","dataset_id"],
      "msg":"Field required","input":null})"));
}

TEST(HttpError, AMessageOnly422StillHasTheListShape) {
  const util::HttpError e(422, "Bad thing");
  EXPECT_EQ(nlohmann::json::parse(e.body()), nlohmann::json::parse(R"({"detail":[{"type":"value_error",
      "loc":["body"],"msg":"Bad thing","input":null}]})"));
  EXPECT_EQ(util::HttpError(404, "Gone").body(), R"({"detail":"Gone"})");
}

}  // namespace
}  // namespace axis::api
