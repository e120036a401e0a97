#include <gtest/gtest.h>

#include "http/router.h"

namespace axis::http {
namespace {

Handler reply(std::string body) {
  return [body](const Request&) { return Response::json(body); };
}

Router sample_router() {
  Router r;
  r.add("GET", "/", reply("root"));
  r.add("GET", "/api/config/theme", reply("theme"));
  r.add("POST", "/api/items", reply("create"));
  r.add("GET", "/api/items", reply("list"));
  r.add("GET", "/api/items/{id}", reply("one"));
  r.add("GET", "/api/memory/graph/", reply("graph"));
  r.add("GET", "/files/{rest:path}", reply("file"));
  return r;
}

TEST(Router, ExactPathFindsItsHandler) {
  Router r = sample_router();
  auto m = r.match("GET", "/api/config/theme");
  ASSERT_EQ(m.kind, RouteMatch::Kind::found);
  EXPECT_EQ(m.route->handler(Request{}).body, "theme");
}

TEST(Router, PathParameterIsCaptured) {
  Router r = sample_router();
  auto m = r.match("GET", "/api/items/42");
  ASSERT_EQ(m.kind, RouteMatch::Kind::found);
  EXPECT_EQ(m.params.at("id"), "42");
}

TEST(Router, PathParameterNeverSpansSegments) {
  Router r = sample_router();
  EXPECT_EQ(r.match("GET", "/api/items/4/2").kind, RouteMatch::Kind::not_found);
}

TEST(Router, PathSuffixParameterTakesTheRest) {
  Router r = sample_router();
  auto m = r.match("GET", "/files/a/b/c.txt");
  ASSERT_EQ(m.kind, RouteMatch::Kind::found);
  EXPECT_EQ(m.params.at("rest"), "a/b/c.txt");
}

TEST(Router, SameRouteTwoMethodsPicksByMethod) {
  Router r = sample_router();
  EXPECT_EQ(r.match("POST", "/api/items").route->handler(Request{}).body, "create");
  EXPECT_EQ(r.match("GET", "/api/items").route->handler(Request{}).body, "list");
}

TEST(Router, WrongMethodIsMethodNotAllowedWithAllowList) {
  Router r = sample_router();
  auto m = r.match("DELETE", "/api/items");
  ASSERT_EQ(m.kind, RouteMatch::Kind::method_not_allowed);
  EXPECT_EQ(m.allow, "POST, GET, HEAD");
}

TEST(Router, HeadIsServedByTheGetRoute) {
  Router r = sample_router();
  auto m = r.match("HEAD", "/api/config/theme");
  ASSERT_EQ(m.kind, RouteMatch::Kind::found);
  EXPECT_EQ(m.route->method, "GET");
}

TEST(Router, TrailingSlashMismatchRedirectsBothWays) {
  Router r = sample_router();
  auto add = r.match("GET", "/api/memory/graph");
  ASSERT_EQ(add.kind, RouteMatch::Kind::redirect);
  EXPECT_EQ(add.location, "/api/memory/graph/");
  auto drop = r.match("GET", "/api/config/theme/");
  ASSERT_EQ(drop.kind, RouteMatch::Kind::redirect);
  EXPECT_EQ(drop.location, "/api/config/theme");
}

TEST(Router, UnknownPathIsNotFound) {
  Router r = sample_router();
  EXPECT_EQ(r.match("GET", "/api/nothing").kind, RouteMatch::Kind::not_found);
  EXPECT_EQ(r.match("GET", "/api/items/").kind, RouteMatch::Kind::redirect);
}

TEST(Router, DuplicateRouteIsRejected) {
  Router r = sample_router();
  EXPECT_THROW(r.add("GET", "/api/items", reply("again")), std::logic_error);
}

TEST(Router, SplitPathKeepsTrailingEmptySegment) {
  EXPECT_EQ(split_path("/"), std::vector<std::string>{});
  EXPECT_EQ(split_path("/a/b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(split_path("/a/"), (std::vector<std::string>{"a", ""}));
}

}  // namespace
}  // namespace axis::http
