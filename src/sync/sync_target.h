// The four datasets the sync engine copies from PostgreSQL (spec storage.md §1-2): monitoring,
// human_signals and eval are split (a dataset query and a results query, stored as
// <x>_dataset and <x>_results and joined by a view), kpi is a single query stored as kpi_data.
#pragma once

#include <string>
#include <vector>

#include "config/settings.h"

namespace axis::sync {

struct SyncTarget {
  std::string name;           // monitoring | human_signals | eval | kpi (the API's names)
  std::string kind;           // the catalog kind: monitoring | human_signals | evaluation | kpi
  std::string format;         // the catalog format, as uploads of the kind have it
  bool split = true;
  std::string dataset_table;  // <x>_dataset (split only)
  std::string results_table;  // <x>_results (split only)
  std::string table;          // what the analytics read: the view, or kpi_data
  const config::SourceSettings* source = nullptr;

  // Enabled, with somewhere to connect to and the queries it needs.
  bool syncable() const;
  // The catalog entry's source tag: "sync:<name>".
  std::string catalog_source() const { return "sync:" + name; }
};

// The four targets in API order (monitoring, human_signals, eval, kpi).
std::vector<SyncTarget> sync_targets(const config::Settings& settings);

// The target named `name` (monitoring, human_signals, eval or kpi), or nullptr.
const SyncTarget* find_target(const std::vector<SyncTarget>& targets, const std::string& name);

}  // namespace axis::sync
