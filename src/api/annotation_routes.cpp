#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <utility>
#include <unistd.h>

#include "annotations/annotation_store.h"
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

// A temp file in `dir` that is removed when it goes out of scope.
class TempFile {
 public:
  explicit TempFile(const std::string& dir) {
    std::string pattern = (std::filesystem::path(dir) / "annotations-export-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw util::HttpError(500, "Cannot create a temporary file for the export");
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  // Hands the file over (to the server, which removes it after sending).
  std::string release() { return std::exchange(path_, {}); }

 private:
  std::string path_;
};

// Content-Disposition for "<dataset name without .csv>-annotations.csv": an ASCII filename
// plus the exact UTF-8 name (RFC 6266).
std::string attachment(std::string name) {
  if (name.size() >= 4 && name.compare(name.size() - 4, 4, ".csv") == 0) name.resize(name.size() - 4);
  name += "-annotations.csv";
  std::string ascii;
  std::string encoded;
  for (unsigned char c : name) {
    const bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    ascii += plain || c == ' ' ? static_cast<char>(c) : '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
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
    TempFile file(spool_dir);  // emptied at start-up, so a crash leaves nothing behind
    const std::string name = store.export_csv(id, file.path());
    return http::Response::temp_file(file.release(), "text/csv; charset=utf-8")
        .header("Content-Disposition", attachment(name));
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
