#include <nlohmann/json.hpp>

#include <filesystem>

#include "api/csv_upload.h"
#include "api/dataset_json.h"
#include "api/dataset_replies.h"
#include "api/routes.h"
#include "http/multipart.h"
#include "http/router.h"
#include "ingest/dataset_loader.h"
#include "ingest/examples.h"
#include "uploads/upload_service.h"
#include "util/http_error.h"

namespace axis::api {
namespace {

using nlohmann::json;

}  // namespace

void register_data_routes(http::Router& router, const IntakeServices& intake) {
  router.add("POST", "/api/data/upload", [intake](const http::Request& req) {
    auto form = http::parse_multipart(req, intake.spool_dir);
    const CsvUpload upload = csv_upload(*form, csv_limits(intake.settings.server));
    return store_csv_reply(intake, DatasetKind::evaluation, upload.file, upload.name, "upload");
  }, {"data", "Upload an evaluation CSV; it is stored as a dataset", http::BodyKind::multipart,
      {}, "UploadReply"});

  router.add("POST", "/api/data/detect-format", [intake](const http::Request& req) {
    auto form = http::parse_multipart(req, intake.spool_dir);
    const CsvUpload upload = csv_upload(*form, csv_limits(intake.settings.server));
    auto d = ingest::DatasetLoader(*intake.catalog).detect(upload.file);
    return http::Response::json(json{{"format", ingest::format_name(d.format)},
                                     {"columns", d.columns},
                                     {"row_count", d.row_count}}.dump());
  }, {"data", "Detect the format of a CSV without storing it", http::BodyKind::multipart, {},
      "FormatDetectionReply"});

  router.add("GET", "/api/data/example/{name}", [intake](const http::Request& req) {
    auto loaded = ingest::load_example(*intake.examples, intake.examples_dir, req.param("name"));
    intake.uploads->summarise_later(loaded.dataset);
    return http::Response::json(upload_reply(*intake.catalog, loaded.dataset, loaded.message, kMaxRowsInReply));
  }, {"data", "Load a bundled example dataset (model, comparison, annotation, align)",
      http::BodyKind::none, {}, "UploadReply"});
}

}  // namespace axis::api
