#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/json_body.h"
#include "http/request.h"
#include "http/request_id.h"
#include "util/http_error.h"

namespace axis::http {
namespace {

using nlohmann::json;

TEST(Errors, ExplicitErrorRendersDetailString) {
  util::HttpError e(404, "Dataset not found");
  EXPECT_EQ(e.status(), 404);
  EXPECT_EQ(json::parse(e.body()), (json{{"detail", "Dataset not found"}}));
}

TEST(Errors, ValidationErrorRendersListWithNumericLocParts) {
  util::HttpError e({{"json_invalid", {"body", "12"}, "JSON decode error", "{}"}});
  EXPECT_EQ(e.status(), 422);
  json body = json::parse(e.body());
  ASSERT_TRUE(body["detail"].is_array());
  EXPECT_EQ(body["detail"][0]["type"], "json_invalid");
  EXPECT_EQ(body["detail"][0]["loc"], (json{"body", 12}));
  EXPECT_EQ(body["detail"][0]["input"], json::object());
}

TEST(Errors, DetailIsEscapedEvenWithQuotesAndControlCharacters) {
  json body = json::parse(util::detail_body("bad \"name\"\n'; DROP TABLE x; --"));
  EXPECT_EQ(body["detail"], "bad \"name\"\n'; DROP TABLE x; --");
}

Request with_body(std::string body) {
  Request r;
  r.body = std::move(body);
  return r;
}

int status_of(const std::string& body, std::string* type) {
  try {
    parse_json_body(with_body(body));
    return 200;
  } catch (const util::HttpError& e) {
    *type = e.issues().empty() ? "" : e.issues()[0].type;
    return e.status();
  }
}

TEST(Errors, JsonBodyProblemsAre422WithTheirType) {
  std::string type;
  EXPECT_EQ(status_of("", &type), 422);
  EXPECT_EQ(type, "missing");
  EXPECT_EQ(status_of("{\"a\": ", &type), 422);
  EXPECT_EQ(type, "json_invalid");
  EXPECT_EQ(status_of("[\"\xff\xfe\"]", &type), 422);
  EXPECT_EQ(type, "utf8_invalid");
  EXPECT_EQ(status_of("[{\"a\": 1}]", &type), 200);
}

TEST(RequestId, SafeIncomingIdIsEchoedOtherwiseGenerated) {
  EXPECT_EQ(request_id_for("abc-123_x.y:z"), "abc-123_x.y:z");
  const std::string made = request_id_for("bad id\r\ninjected: 1");
  EXPECT_EQ(made.size(), 32u);
  EXPECT_EQ(made.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(request_id_for(""), request_id_for(""));
  EXPECT_EQ(request_id_for(std::string(129, 'a')).size(), 32u);
}

}  // namespace
}  // namespace axis::http
