#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "config/settings.h"
#include "http/multipart.h"
#include "http/router.h"
#include "plugins/memory/memory_routes.h"
#include "plugins/memory/memory_service.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::plugins::memory {
namespace {

// Calls the memory routes through a router, as the server does after matching a request.
class MemoryRoutesTest : public ::testing::Test {
 protected:
  MemoryRoutesTest() {
    std::filesystem::create_directories(spool_);
    add_memory_routes(router_, {settings_, config_, &service_, spool_.string(),
                                std::string(AXIS_SOURCE_DIR) + "/data/examples"});
    add_memory_routes(disabled_, {settings_, config_, nullptr, spool_.string(), ""});
  }
  ~MemoryRoutesTest() override { std::filesystem::remove_all(spool_); }

  http::Response call(const http::Router& router, const std::string& method, const std::string& path,
                      const std::string& body = "", std::vector<std::pair<std::string, std::string>> query = {}) {
    http::Request req;
    req.method = method;
    req.path = path;
    req.query = std::move(query);
    req.body = body;
    if (!body.empty()) req.headers = {{"content-type", "application/json"}};
    auto match = router.match(method, path);
    EXPECT_EQ(match.kind, http::RouteMatch::Kind::found) << method << " " << path;
    req.params = match.params;
    return match.route->handler(req);
  }
  Json json_of(const std::string& method, const std::string& path, const std::string& body = "",
               std::vector<std::pair<std::string, std::string>> query = {}) {
    return Json::parse(call(router_, method, path, body, std::move(query)).body);
  }
  int status_of(const std::string& method, const std::string& path, const std::string& body = "",
                std::vector<std::pair<std::string, std::string>> query = {}) {
    try {
      call(router_, method, path, body, std::move(query));
      return 200;
    } catch (const util::HttpError& e) {
      detail_ = e.what();
      return e.status();
    }
  }
  // POST /api/memory/upload with `csv` as the file `name`.
  Json upload(const std::string& csv, const std::string& name = "rules.csv") {
    const std::string boundary = "memoryboundary";
    http::MultipartDecoder decoder("multipart/form-data; boundary=" + boundary, spool_.string());
    decoder.feed("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
                 "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n");
    http::Request req;
    req.method = "POST";
    req.path = "/api/memory/upload";
    req.multipart = decoder.finish();
    auto match = router_.match("POST", req.path);
    try {
      return Json::parse(match.route->handler(req).body);
    } catch (const util::HttpError& e) {
      return {{"status", e.status()}, {"detail", e.what()}};
    }
  }

  config::Settings settings_;
  MemoryConfig config_;
  store::Store store_{store::StoreOptions{":memory:"}};
  MemoryService service_{store_, config_};
  std::filesystem::path spool_ = std::filesystem::temp_directory_path() / "memory-routes-test";
  http::Router router_, disabled_;
  std::string detail_;
};

TEST_F(MemoryRoutesTest, UploadThenReadsAndChanges) {
  const auto up = upload("id,rule_name,action,batch_id,ingestion_status,product_type\n"
                         "a,A,decline,b1,ok,card\nb,B,refer,b2,ok,auto\n");
  EXPECT_EQ(up["success"], true);
  EXPECT_EQ(up["row_count"], 2);
  EXPECT_TRUE(up["message"].is_null());
  EXPECT_EQ(json_of("GET", "/api/memory/rules", "", {{"product", "auto"}, {"action", ""}})["total"], 1);
  EXPECT_EQ(json_of("GET", "/api/memory/rules", "", {{"product", "auto"}})["data"][0]["id"], "b");
  EXPECT_EQ(json_of("GET", "/api/memory/hard-stops")["data"].size(), 1u);
  EXPECT_EQ(json_of("GET", "/api/memory/trace", "", {{"rule_id", "b"}})["action"], "refer");
  EXPECT_EQ(status_of("GET", "/api/memory/trace"), 422);
  EXPECT_EQ(status_of("GET", "/api/memory/trace", "", {{"rule_id", "zz"}}), 404);
  EXPECT_EQ(detail_, "Rule zz not found");
  EXPECT_EQ(status_of("POST", "/api/memory/rules", "[1]"), 422);
  EXPECT_EQ(status_of("POST", "/api/memory/rules", R"({"action": "x"})"), 400);
  EXPECT_EQ(detail_, "Missing required fields: name");
  const auto created = json_of("POST", "/api/memory/rules", R"({"name": "N", "action": "approve"})");
  EXPECT_EQ(created["data"]["batch"], "manual");
  EXPECT_EQ(json_of("PUT", "/api/memory/rules/a", R"({"name": "A2"})")["data"]["name"], "A2");
  EXPECT_EQ(status_of("PUT", "/api/memory/rules/zz", R"({"name": "A2"})"), 404);
  EXPECT_EQ(json_of("DELETE", "/api/memory/rules/b"), Json::parse(R"({"success": true, "id": "b"})"));
  EXPECT_EQ(status_of("DELETE", "/api/memory/rules/b"), 404);
  EXPECT_EQ(detail_, "Rule b not found");
  EXPECT_EQ(json_of("GET", "/api/memory/status-counts"), Json::parse(R"({"data": {"pending": 1, "ok": 1}})"));
}

TEST_F(MemoryRoutesTest, RefusedUploadsChangeNothing) {
  upload("id,rule_name,action,batch_id,ingestion_status\na,A,decline,b1,ok\n");
  EXPECT_EQ(upload("id,rule_name\nx,Caf\xe9\n"), Json::parse(R"({"status": 400, "detail": "File must be UTF-8 encoded CSV"})"));
  EXPECT_EQ(upload("id,rule_name,action,batch_id,ingestion_status\na,A,decline,b1,ok\n", "rules.txt")["status"], 400);
  const auto bom = upload("\xEF\xBB\xBFid,rule_name,action,batch_id,ingestion_status\nz,Z,decline,b,s\n");
  EXPECT_EQ(bom["success"], false);
  EXPECT_EQ(bom["columns"][0], "\xEF\xBB\xBFid");
  EXPECT_EQ(bom["message"], "Missing required columns: 'id' (for role 'id')");
  const auto rules = json_of("GET", "/api/memory/rules")["data"];
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0]["id"], "a");
}

TEST_F(MemoryRoutesTest, ExampleConfigAliasAndDisabledStore) {
  const auto example = json_of("GET", "/api/memory/example");
  EXPECT_EQ(example["row_count"], 48);
  EXPECT_EQ(json_of("GET", "/api/memory/conflicts")["data"].size(), 2u);
  const auto alias = call(router_, "GET", "/api/config/memory");
  const auto body = Json::parse(alias.body);
  EXPECT_EQ(body["_deprecated"], "/api/config/memory → /api/memory/config");
  EXPECT_EQ(body["config_hash"], json_of("GET", "/api/memory/config")["config_hash"]);
  EXPECT_EQ(alias.headers, (std::vector<std::pair<std::string, std::string>>{
                               {"Deprecation", "true"},
                               {"Sunset", "2026-04-01"},
                               {"Link", "</api/memory/config>; rel=\"successor-version\""}}));
  EXPECT_NO_THROW(call(disabled_, "GET", "/api/memory/config"));
  try {
    call(disabled_, "GET", "/api/memory/summary");
    FAIL() << "expected a 503";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 503);
  }
}

}  // namespace
}  // namespace axis::plugins::memory
