#include <nlohmann/json.hpp>

#include "annotations/annotation_store.h"
#include "api/file_download.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "http/router.h"
#include "util/http_error.h"

namespace axis::api {
namespace {

using nlohmann::json;

std::string required_dataset_id(const http::Request& req) {
  auto id = req.query_param("dataset_id");
  if (!id) throw util::HttpError({{"missing", {"query", "dataset_id"}, "Field required"}});
  if (id->empty()) {
    throw util::HttpError({{"string_too_short", {"query", "dataset_id"},
                            "String should have at least 1 character", "\"\""}});
  }
  return *id;
}

json annotation_json(const annotations::Annotation& a) {
  return {{"case_id", a.case_id},
          {"judgment", a.judgment ? json(*a.judgment) : json(nullptr)},
          {"rating", a.rating ? json(*a.rating) : json(nullptr)},
          {"critique", a.critique}, {"tags", a.tags}, {"flagged", a.flagged},
          {"updated_at", a.updated_at}};
}

json progress_json(const annotations::Progress& p) {
  return {{"total", p.total}, {"annotated", p.annotated}, {"accepted", p.accepted},
          {"rejected", p.rejected}, {"rated", p.rated}, {"flagged", p.flagged}};
}

// "<dataset name without .csv>-annotations.csv".
std::string export_name(std::string name) {
  if (name.size() >= 4 && name.compare(name.size() - 4, 4, ".csv") == 0) name.resize(name.size() - 4);
  return name + "-annotations.csv";
}

const http::QueryParamDoc kDatasetParam{"dataset_id", "string", true, "The dataset's id"};

}  // namespace

void register_annotation_routes(http::Router& router,
                                util::StoreBacked<datasets::DatasetCatalog> catalog,
                                const std::string& spool_dir) {
  router.add("GET", "/api/annotations", [catalog, spool_dir](const http::Request& req) {
    const std::string id = required_dataset_id(req);
    annotations::AnnotationStore store(*catalog);
    const auto found = store.list(id);
    json list = json::array();
    for (const auto& a : found.annotations) list.push_back(annotation_json(a));
    return http::Response::json(json{{"success", true}, {"dataset_id", id}, {"annotations", list},
                                     {"progress", progress_json(found.progress)}}.dump());
  }, {"annotations", "Annotations of a dataset's cases and the annotation progress",
      http::BodyKind::none, {kDatasetParam}, "AnnotationsReply"});

  router.add("GET", "/api/annotations/export", [catalog, spool_dir](const http::Request& req) {
    const std::string id = required_dataset_id(req);
    annotations::AnnotationStore store(*catalog);
    // The spool folder is emptied at start-up, so a crash leaves nothing behind.
    TempFile file(spool_dir, "annotations-export");
    const std::string name = store.export_csv(id, file.path());
    return http::Response::temp_file(file.release(), "text/csv; charset=utf-8")
        .header("Content-Disposition", attachment(export_name(name)));
  }, {"annotations", "The dataset's first row per case with judgment, critique, user_tags and "
      "annotation_flagged, as CSV", http::BodyKind::none, {kDatasetParam}});

  router.add("PUT", "/api/annotations/{case_id}", [catalog, spool_dir](const http::Request& req) {
    const std::string id = required_dataset_id(req);
    const auto patch = annotations::parse_annotation_patch(http::parse_json_body(req));
    annotations::AnnotationStore store(*catalog);
    const auto saved = store.upsert(id, req.param("case_id"), patch);
    return http::Response::json(json{{"success", true},
                                     {"annotation", annotation_json(saved.annotation)},
                                     {"progress", progress_json(saved.progress)}}.dump());
  }, {"annotations", "Create or update the annotation of one case (fields not sent are kept)",
      http::BodyKind::json, {kDatasetParam}, "AnnotationSaveReply"});

  router.add("DELETE", "/api/annotations/{case_id}", [catalog, spool_dir](const http::Request& req) {
    const std::string id = required_dataset_id(req);
    annotations::AnnotationStore store(*catalog);
    const auto progress = store.remove(id, req.param("case_id"));
    return http::Response::json(
        json{{"success", true}, {"progress", progress_json(progress)}}.dump());
  }, {"annotations", "Remove the annotation of one case", http::BodyKind::none, {kDatasetParam},
      "AnnotationDeleteReply"});
}

}  // namespace axis::api
