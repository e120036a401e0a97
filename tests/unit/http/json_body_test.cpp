#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "http/json_body.h"
#include "http/request.h"
#include "util/http_error.h"

namespace axis::http {
namespace {

Request json_request(std::string body) {
  Request r;
  r.body = std::move(body);
  return r;
}

// The first issue of the 422 a call throws, as "type@loc"; "" when it does not throw.
template <class F>
std::string issue_of(F&& call) {
  try {
    call();
    return "";
  } catch (const util::HttpError& e) {
    const auto& issue = e.issues().at(0);
    std::string loc;
    for (const auto& part : issue.loc) loc += "/" + part;
    return issue.type + "@" + loc;
  }
}

TEST(JsonBody, TheCheckRefusesWhatTheParserRefusesAlike) {
  for (const std::string body :
       {"", "{\"a\": ", "[{\"score\": 0.5,]", "[\"\xff\xfe\"]", " ", "[1] x", "[{\"a\": 1e400}]"}) {
    const std::string parsed = issue_of([&] { parse_json_body(json_request(body)); });
    EXPECT_FALSE(parsed.empty()) << body;
    EXPECT_EQ(issue_of([&] { check_json_body(json_request(body)); }), parsed) << body;
  }
  EXPECT_EQ(issue_of([&] { check_json_body(json_request("\xEF\xBB\xBF [{\"a\": 1}]")); }), "");
  // A number beyond the double range is refused with where it is, not a server error.
  EXPECT_TRUE(issue_of([&] { parse_json_body(json_request("[{\"a\": -1e400}]")); })
                  .starts_with("json_invalid@/body/"));
  try {
    parse_json_body(json_request("[1e999]"));
    ADD_FAILURE() << "no error";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.issues().at(0).msg, "JSON decode error: number overflow parsing '1e999'");
  }
}

TEST(JsonBody, TheCheckNotesAnObjectThatRepeatsAKey) {
  const auto repeated = [](const std::string& body) {
    return check_json_body(json_request(body)).repeated_keys;
  };
  EXPECT_FALSE(repeated(R"([{"a": 1, "b": 2}, {"a": 3, "b": 4}, 5, "a"])"));
  EXPECT_FALSE(repeated(R"({"data": [{"a": 1, "A": 2}], "metrics": ["a"]})"));
  EXPECT_TRUE(repeated(R"([{"a": 1, "b": 2, "a": 3}])"));
  EXPECT_TRUE(repeated(R"([{"a": {"k": 1, "k": 2}}])"));
  EXPECT_TRUE(repeated(R"({"data": [{"x": 1, "x": 1}]})"));
  std::string wide = "[{";
  for (int i = 0; i < 3000; ++i) wide += (i ? ",\"k" : "\"k") + std::to_string(i) + "\": " + std::to_string(i);
  EXPECT_FALSE(repeated(wide + "}]"));
  EXPECT_TRUE(repeated(wide + ", \"k1234\": 0}]"));
}

}  // namespace
}  // namespace axis::http
