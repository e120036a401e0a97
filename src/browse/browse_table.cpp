#include "browse/browse_table.h"

#include <cctype>
#include <optional>

#include "signals/signals_loader.h"
#include "store/sql_text.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::browse {
namespace {

struct Mapping {
  const char* name;
  const char* kind;
  bool cases;  // the human-signals cases table derived from the catalog's raw table
};

constexpr Mapping kMappings[] = {
    {"monitoring", "monitoring", false},
    {"eval", "evaluation", false},
    {"kpi", "kpi", false},
    {"human_signals", "human_signals", true},
    {"human_signals_raw", "human_signals", false},
};

bool same_ignoring_case(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

const std::vector<std::string>& dataset_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const Mapping& m : kMappings) out.push_back(m.name);
    return out;
  }();
  return names;
}

const datasets::ColumnInfo* BrowseTable::column(const std::string& column_name) const {
  for (const auto& c : columns) {
    if (c.name == column_name) return &c;
  }
  return nullptr;
}

const datasets::ColumnInfo* BrowseTable::time_column() const {
  const std::string wanted = name == "kpi" ? "created_at" : "timestamp";
  if (const auto* exact = column(wanted)) return exact;
  for (const auto& c : columns) {
    if (same_ignoring_case(c.name, wanted)) return &c;
  }
  return nullptr;
}

BrowseTable open_browse_table(const datasets::DatasetCatalog& catalog, const std::string& name,
                              const std::string& dataset_id) {
  const Mapping* mapping = nullptr;
  for (const Mapping& m : kMappings) {
    if (name == m.name) mapping = &m;
  }
  if (!mapping) {
    throw util::HttpError(404, "Unknown dataset '" + name + "'. Available: " +
                                   store::join_names(dataset_names()));
  }
  std::optional<datasets::DatasetInfo> info =
      dataset_id.empty() ? catalog.newest(mapping->kind) : catalog.find(dataset_id);
  if (dataset_id.empty() && !info) {
    throw util::HttpError(404, "No " + name + " data stored yet");
  }
  if (!info || info->kind != mapping->kind) {
    throw util::HttpError(404, "No " + name + " dataset '" + dataset_id + "'");
  }
  BrowseTable t{name, std::move(*info), "", {}};
  t.table_name = mapping->cases ? signals::cases_table_of(t.dataset.table_name)
                                : t.dataset.table_name;
  auto conn = catalog.store().connection();
  t.columns = datasets::table_columns(*conn, t.table_name);
  if (t.columns.empty()) {
    throw util::HttpError(404, "The " + name + " table of dataset '" + t.dataset.id +
                                   "' is missing");
  }
  return t;
}

}  // namespace axis::browse
