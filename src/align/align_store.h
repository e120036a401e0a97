// AlignStore: CaliberHQ's saved judge configurations, human labels and judge runs, kept in the
// store's _align_configs, _align_labels, _align_runs and _align_run_results tables (migration 4).
// JSON members (a configuration, metrics) are kept as JSON text and handed back as text.
// Thread-safe; every call takes its own connection and blocks.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "align/align_types.h"

namespace axis::store { class Store; }

namespace axis::align {

struct SavedConfig {
  std::string id;
  std::string name;
  std::string config_json;
  std::optional<std::string> metrics_json;
  std::string created_at;  // ISO 8601, UTC, seconds
  std::string updated_at;
};

struct HumanLabel {
  int score = 0;
  std::optional<std::string> notes;
};

struct RunSummary {
  std::string id;
  std::string created_at;
  std::optional<std::string> name;  // the judge configuration's name
  std::string model;
  std::string provider;
  std::int64_t total_samples = 0;
  std::string metrics_json;
};

struct RunDetail {
  RunSummary summary;
  std::string judge_config_json;
  std::vector<AlignmentResult> results;
};

// What a new run stores.
struct NewRun {
  std::optional<std::string> name;
  std::string model;
  std::string provider;
  std::string judge_config_json;
  std::string metrics_json;
  const std::vector<AlignmentResult>* results = nullptr;
};

class AlignStore {
 public:
  explicit AlignStore(store::Store& store) : store_(store) {}

  // Saves a configuration under a new id and returns it.
  std::string save_config(const std::string& name, const std::string& config_json,
                          const std::optional<std::string>& metrics_json) const;
  std::vector<SavedConfig> configs() const;  // newest first
  std::optional<SavedConfig> config(const std::string& id) const;
  bool delete_config(const std::string& id) const;  // false when there was none
  std::int64_t config_count() const;

  // Replaces every label of `dataset_key` with `labels` in one transaction; returns how many.
  std::int64_t replace_labels(const std::string& dataset_key,
                              const std::map<std::string, HumanLabel>& labels) const;
  std::map<std::string, HumanLabel> labels(const std::string& dataset_key) const;

  // Stores a run and its results in one transaction; returns the run's new id.
  std::string save_run(const NewRun& run) const;
  std::vector<RunSummary> runs() const;  // newest first
  std::optional<RunDetail> run(const std::string& id) const;

 private:
  store::Store& store_;
};

}  // namespace axis::align
