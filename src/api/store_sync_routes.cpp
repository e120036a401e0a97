// POST /api/store/sync, /sync/{dataset}, /sync/{dataset}/reset-watermark and GET /status: the
// PostgreSQL sync engine's controls (spec storage.md §2).
#include <nlohmann/json.hpp>

#include "api/request_fields.h"
#include "api/routes.h"
#include "http/router.h"
#include "sync/sync_engine.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

using nlohmann::json;
using Ordered = nlohmann::ordered_json;

bool full_param(const http::Request& req) {
  QueryParams params(req);
  const auto full = params.choice("full", {"true", "false", "1", "0"}, "false");
  params.check();
  return *full == "true" || *full == "1";
}

const http::QueryParamDoc kFull{"full", "boolean", false,
                                "true: rebuild from scratch instead of reading new rows only"};

const char* kDatasets = "monitoring, human_signals, eval, kpi";

// {success, enabled, datasets{<table>: {...}}} (spec storage.md "Status").
std::string status_json(const std::vector<sync::DatasetReport>& reports) {
  Ordered datasets = Ordered::object();
  for (const sync::DatasetReport& r : reports) {
    const sync::DatasetStatus& s = r.status;
    Ordered d = {{"state", s.state},
              {"rows", s.rows},
              {"last_sync", util::json_or_null(s.last_sync)},
              {"error", util::json_or_null(s.error)},
              {"truncated", s.truncated},
              {"sync_type", util::json_or_null(s.sync_type)},
              {"last_incremental", util::json_or_null(s.last_incremental)},
              {"incremental_rows", s.incremental_rows},
              {"refresh_interval_minutes", r.refresh_interval_minutes},
              {"incremental_column", util::json_or_null(r.incremental_column)}};
    if (s.phase) {
      d["progress"] = {{"phase", *s.phase}, {"rows_read", s.rows_read}, {"bytes_read", s.bytes_read}};
    }
    if (!r.watermarks.empty()) {
      d["watermarks"] = Ordered::object();
      for (const auto& [table, mark] : r.watermarks) {
        d["watermarks"][table] = util::json_or_null(mark);
      }
    }
    datasets[r.table] = std::move(d);
  }
  return Ordered{{"success", true}, {"enabled", true}, {"datasets", datasets}}.dump();
}

}  // namespace

void register_store_sync_routes(http::Router& router, util::StoreBacked<sync::SyncEngine> sync) {
  router.add("POST", "/api/store/sync", [sync](const http::Request& req) {
    const bool full = full_param(req);
    if (!sync->start_all(full)) {
      throw util::HttpError(409, "A sync is already running; try again when it has finished");
    }
    return http::Response::json(
        json{{"success", true},
             {"message", std::string("Sync started in background (") + (full ? "full" : "incremental where possible") + ")"}}
            .dump());
  }, {"store", "Sync every configured dataset from PostgreSQL in the background",
      http::BodyKind::none, {kFull}, "MessageReply"});

  router.add("POST", "/api/store/sync/{dataset}", [sync](const http::Request& req) {
    const std::string name = req.param("dataset");
    const bool full = full_param(req);
    switch (sync->start(name, full)) {
      case sync::SyncEngine::Start::unknown:
        throw util::HttpError(404, "Unknown dataset '" + name + "'. Available: " + kDatasets);
      case sync::SyncEngine::Start::busy:
        throw util::HttpError(409, name + " is already syncing");
      case sync::SyncEngine::Start::started:
        break;
    }
    return http::Response::json(
        json{{"success", true}, {"message", "Sync of " + name + " started in background"}}.dump());
  }, {"store", "Sync one dataset (monitoring, human_signals, eval, kpi) in the background",
      http::BodyKind::none, {kFull}, "MessageReply"});

  router.add("POST", "/api/store/sync/{dataset}/reset-watermark", [sync](const http::Request& req) {
    const std::string name = req.param("dataset");
    if (!sync->known(name)) {
      throw util::HttpError(404, "Unknown dataset '" + name + "'. Available: " + kDatasets);
    }
    if (!sync->reset_watermarks(name)) {
      return http::Response::json(
          json{{"success", false}, {"message", "No split tables found for " + name}}.dump());
    }
    return http::Response::json(
        json{{"success", true},
             {"message", "Watermarks of " + name + " cleared. Next sync will do a full rebuild."}}
            .dump());
  }, {"store", "Clear a split dataset's watermarks so its next sync is full",
      http::BodyKind::none, {}, "MessageReply"});

  router.add("GET", "/api/store/status", [sync](const http::Request&) {
    if (!sync.enabled()) {
      return http::Response::json(
          json{{"success", true}, {"enabled", false}, {"datasets", json::object()}}.dump());
    }
    return http::Response::json(status_json(sync->reports()));
  }, {"store", "Each synced dataset's state, rows, last sync, errors and watermarks",
      http::BodyKind::none, {}, "StoreStatusReply"});
}

}  // namespace axis::api
