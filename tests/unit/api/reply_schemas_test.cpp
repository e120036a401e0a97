#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>
#include <string>

#include "api/openapi.h"
#include "api/schemas/reply_schemas.h"
#include "http/router.h"

namespace axis::api::schema {
namespace {

http::Handler ok() {
  return [](const http::Request&) { return http::Response::json("{}"); };
}

TEST(ReplySchemaBuilders, NullableWidensTypesEnumsAndRefs) {
  EXPECT_EQ(nullable(str()), Json::parse(R"({"type":["string","null"]})"));
  EXPECT_EQ(nullable(one_of({"a", "b"})), Json::parse(R"({"type":["string","null"],"enum":["a","b",null]})"));
  EXPECT_EQ(nullable(ref("Row")),
            Json::parse(R"({"anyOf":[{"$ref":"#/components/schemas/Row"},{"type":"null"}]})"));
}

TEST(ReplySchemaBuilders, ObjectsRequireAllButOptionalMembers) {
  const Json o = object({{"id", str()}, optional("error", str()), {"n", integer()}});
  EXPECT_EQ(o["required"], Json::array({"id", "n"}));
  EXPECT_EQ(o["properties"].size(), 3u);
  EXPECT_FALSE(object({optional("x", str())}).contains("required"));
  EXPECT_EQ(extend(o, {{"more", boolean()}})["required"], Json::array({"id", "n", "more"}));
  EXPECT_THROW(extend(o, {{"id", str()}}), std::logic_error);
}

TEST(ReplySchemaBuilders, ComponentsRefuseANameTwice) {
  Components a;
  a.add("X", str());
  EXPECT_THROW(a.add("X", integer()), std::logic_error);
  Components b;
  b.add("X", str());
  EXPECT_THROW(a.merge(b), std::logic_error);
}

// Every "$ref" in `j`, by component name.
void collect_refs(const Json& j, std::set<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (key == "$ref") out.insert(value.get<std::string>().substr(std::string("#/components/schemas/").size()));
      else collect_refs(value, out);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) collect_refs(v, out);
  }
}

TEST(ReplySchemas, AreasDeclareDistinctNamesAndEveryRefResolves) {
  const Json all = reply_schemas().json();
  EXPECT_TRUE(all.contains("UploadReply"));
  EXPECT_TRUE(all.contains("AlertsReply"));
  std::set<std::string> refs;
  collect_refs(all, refs);
  for (const std::string& name : refs) EXPECT_TRUE(all.contains(name)) << name;
}

TEST(OpenApiDocument, DeclaredRepliesAreRefsIntoTheComponents) {
  http::Router router;
  router.add("GET", "/api/datasets", ok(), {"datasets", "List", http::BodyKind::none, {}, "DatasetListReply"});
  router.add("GET", "/metrics", ok(), {"system", "Prometheus"});
  const Json doc = Json::parse(openapi_document(router));
  EXPECT_EQ(doc["paths"]["/api/datasets"]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
            Json::parse(R"({"$ref":"#/components/schemas/DatasetListReply"})"));
  EXPECT_FALSE(doc["paths"]["/metrics"]["get"]["responses"]["200"].contains("content"));
  EXPECT_TRUE(doc["components"]["schemas"].contains("DatasetListReply"));
  EXPECT_NO_THROW(check_reply_schemas(router));
}

TEST(OpenApiDocument, AnUnknownReplyNameStopsTheCheck) {
  http::Router router;
  router.add("GET", "/api/x", ok(), {"x", "X", http::BodyKind::none, {}, "NoSuchReply"});
  try {
    check_reply_schemas(router);
    FAIL() << "expected std::logic_error";
  } catch (const std::logic_error& e) {
    EXPECT_STREQ(e.what(), "GET /api/x declares reply 'NoSuchReply', which is not a schema of api/schemas/");
  }
}

}  // namespace
}  // namespace axis::api::schema
