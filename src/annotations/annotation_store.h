// AnnotationStore: human annotations (judgment, rating, critique, tags, flag) of the cases of a
// stored dataset, kept in the _annotations table so they survive restarts. A case is a distinct
// value of the dataset's dataset_id column.
// Thread-safe: every call takes its own pooled connection. Every call blocks (DuckDB) and
// belongs on the blocking pool. Unknown datasets and cases throw util::HttpError 404.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace axis::datasets {
class DatasetCatalog;
struct DatasetInfo;
}

namespace axis::annotations {

struct Annotation {
  std::string case_id;
  std::optional<std::string> judgment;  // "accept" | "reject"
  std::optional<double> rating;         // 0..10
  std::string critique;
  std::vector<std::string> tags;
  bool flagged = false;
  std::string updated_at;  // ISO 8601 UTC
};

// A partial update: fields that hold a value replace the stored ones, the rest are kept.
struct AnnotationPatch {
  std::optional<std::optional<std::string>> judgment;  // engaged nullopt clears
  std::optional<std::optional<double>> rating;
  std::optional<std::string> critique;
  std::optional<std::vector<std::string>> tags;
  std::optional<bool> flagged;
};

// Counts over one dataset. total = distinct case ids in the dataset; annotated = cases with a
// judgment or a rating; rated = cases with a rating.
struct Progress {
  std::int64_t total = 0;
  std::int64_t annotated = 0;
  std::int64_t accepted = 0;
  std::int64_t rejected = 0;
  std::int64_t rated = 0;
  std::int64_t flagged = 0;
};

struct AnnotationList {
  std::vector<Annotation> annotations;  // ordered by case id
  Progress progress;
};

struct SavedAnnotation {
  Annotation annotation;
  Progress progress;
};

class AnnotationStore {
 public:
  explicit AnnotationStore(const datasets::DatasetCatalog& catalog) : catalog_(catalog) {}
  AnnotationStore(const AnnotationStore&) = delete;
  AnnotationStore& operator=(const AnnotationStore&) = delete;

  // Every call below first resolves the dataset (HttpError 404 "Dataset '<id>' not found";
  // 422 for an empty id; 400 when it has no dataset_id column). Annotations that came in the
  // uploaded file (judgment / critique / user_tags / annotation_flagged columns) are imported
  // into the table on first access, so they can be edited and deleted like the rest.

  // The dataset's annotations and its progress.
  AnnotationList list(const std::string& dataset_id) const;
  Progress progress(const std::string& dataset_id) const;

  // Applies the patch to the case's annotation (creating it); returns the stored result and
  // the new progress. Throws HttpError 404 "Case '<id>' not found" when the dataset has no
  // such case.
  SavedAnnotation upsert(const std::string& dataset_id, const std::string& case_id,
                         const AnnotationPatch& patch) const;

  // Removes the case's annotation (if any) and returns the new progress. 404 as upsert.
  Progress remove(const std::string& dataset_id, const std::string& case_id) const;

  // Writes the export CSV (spec/data.md §1.6) to `path`: the first row of every case in file
  // order with the dataset's own columns, then judgment (accept/reject, or the rating),
  // critique, user_tags (JSON array text) and annotation_flagged (true/false). Streams through
  // DuckDB's COPY, so memory does not grow with the dataset. Returns the dataset's name.
  std::string export_csv(const std::string& dataset_id, const std::string& path) const;

 private:
  datasets::DatasetInfo dataset(const std::string& dataset_id) const;
  void import_file_annotations(const datasets::DatasetInfo& ds) const;
  void require_case(const datasets::DatasetInfo& ds, const std::string& case_id) const;
  std::optional<Annotation> find(const std::string& dataset_id, const std::string& case_id) const;
  Progress progress(const datasets::DatasetInfo& ds) const;

  const datasets::DatasetCatalog& catalog_;
};

// The body of PUT /api/annotations/{case_id} as a patch. Throws util::HttpError 422 listing
// every invalid field: judgment not accept|reject|null; rating not a number in 0..10 or null;
// critique not a string of at most 10000 characters; tags not an array of at most 50 strings
// of 1..100 characters; flagged not a boolean; any other field.
AnnotationPatch parse_annotation_patch(const nlohmann::ordered_json& body);

}  // namespace axis::annotations
