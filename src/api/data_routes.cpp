#include <nlohmann/json.hpp>

#include <filesystem>

#include <spdlog/spdlog.h>

#include "analytics/eval_dataset.h"
#include "analytics/summary_tables.h"
#include "api/csv_upload.h"
#include "api/dataset_json.h"
#include "api/routes.h"
#include "app/app.h"
#include "app/background_worker.h"
#include "http/http_error.h"
#include "http/multipart.h"
#include "http/router.h"
#include "ingest/dataset_loader.h"
#include "ingest/examples.h"

namespace axis::api {
namespace {

using nlohmann::json;
constexpr std::int64_t kMaxRowsInReply = 10000;

// Builds a new metric-rows dataset's summaries right after the reply, so the first scorecard
// does not wait for them (a request arriving earlier waits for this build, not a second one).
void summarise_later(app::App& app, const datasets::DatasetInfo& dataset) {
  app.background().post("summaries of dataset " + dataset.id, [&app, id = dataset.id] {
    try {
      const auto ds = analytics::EvalDataset::open_any(app.catalog(), id);
      if (ds.is_metric_rows()) app.summaries().ensure(ds);
    } catch (const http::HttpError& e) {
      spdlog::debug("no summaries for dataset {}: {}", id, e.what());  // e.g. deleted meanwhile
    }
  });
}

}  // namespace

void register_data_routes(http::Router& router, app::App& app) {
  router.add("POST", "/api/data/upload", [&app](const http::Request& req) {
    auto form = http::parse_multipart(req, app.spool_dir());
    const http::UploadedFile& file = csv_part(*form);
    ingest::DatasetLoader loader(app.catalog());
    auto result = loader.load({file.path, std::filesystem::path(file.filename).filename().string(),
                               "upload", ""});
    summarise_later(app, result.dataset);
    return http::Response::json(upload_reply(app.catalog(), result.dataset, result.message, kMaxRowsInReply));
  }, {"data", "Upload an evaluation CSV; it is stored as a dataset", http::BodyKind::multipart});

  router.add("POST", "/api/data/detect-format", [&app](const http::Request& req) {
    auto form = http::parse_multipart(req, app.spool_dir());
    const http::UploadedFile& file = csv_part(*form);
    auto d = ingest::DatasetLoader(app.catalog()).detect(file.path);
    return http::Response::json(json{{"format", ingest::format_name(d.format)},
                                     {"columns", d.columns},
                                     {"row_count", d.row_count}}.dump());
  }, {"data", "Detect the format of a CSV without storing it", http::BodyKind::multipart});

  router.add("GET", "/api/data/example/{name}", [&app](const http::Request& req) {
    auto loaded = ingest::load_example(app.catalog(), app.examples_dir(), req.param("name"));
    summarise_later(app, loaded.dataset);
    return http::Response::json(upload_reply(app.catalog(), loaded.dataset, loaded.message, kMaxRowsInReply));
  }, {"data", "Load a bundled example dataset (model, comparison, annotation, align)"});
}

}  // namespace axis::api
