// The rows of a stored human-signals raw table (one row per case and metric) as AXIS reads them
// back: the columns it uses, by role, streamed in bounded batches.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "datasets/catalog.h"

namespace axis::store { class Connection; }

namespace axis::signals {

// Columns of the raw table with a meaning (spec data.md §1.5), by their stored names.
enum class RawColumn : std::size_t {
  dataset_id, metric_name, signals, metric_category,
  source_name, source_component, source_type, environment, timestamp,
  additional_input, conversation, conversation_stats,
  evaluation_metadata, actual_reference, additional_output,
};
inline constexpr std::size_t kRawColumnCount = 15;

// The stored column name of a role, e.g. "source_name".
const char* raw_column_name(RawColumn column);

// The source fields in the order replies list them.
inline constexpr RawColumn kSourceFields[] = {RawColumn::source_name, RawColumn::source_component,
                                              RawColumn::source_type, RawColumn::environment};

// Which roles a raw table has (optional ones exist only when the upload had them).
struct RawLayout {
  std::array<bool, kRawColumnCount> present{};
  bool has(RawColumn column) const { return present[static_cast<std::size_t>(column)]; }
  static RawLayout of(const std::vector<datasets::ColumnInfo>& columns);
};

// One raw row: every role's text (nullopt for NULL or an absent column).
struct RawRow {
  std::array<std::optional<std::string>, kRawColumnCount> cells;
  const std::optional<std::string>& operator[](RawColumn column) const {
    return cells[static_cast<std::size_t>(column)];
  }
};

// Every row in file order, read `batch_rows` at a time.
void scan_in_file_order(store::Connection& conn, const std::string& table, const RawLayout& layout,
                        const std::function<void(const RawRow&)>& row,
                        std::int64_t batch_rows = 8192);

// The rows of each case (non-empty dataset_id) in file order, cases sorted by dataset_id,
// read about `batch_rows` rows at a time (a case is never split).
void scan_by_case(store::Connection& conn, const std::string& table, const RawLayout& layout,
                  const std::function<void(const std::vector<RawRow>&)>& one_case,
                  std::int64_t batch_rows = 8192);

}  // namespace axis::signals
