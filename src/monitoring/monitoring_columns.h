// Column naming and layout of monitoring datasets (spec data.md §1.4): how a CSV header becomes
// the stored column names, and how a stored table is read back as long or wide format.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "datasets/catalog.h"

namespace axis::monitoring {

// Lower-cased, trimmed, every space and hyphen replaced by '_': "Latency-MS " -> "latency_ms".
std::string normalise_header(std::string_view name);

// The alias -> column renames, in the order they are tried ("id" -> "dataset_id", ...).
const std::vector<std::pair<std::string, std::string>>& column_aliases();

// One CSV column: its header as written (trimmed, as DuckDB names it) and its stored name.
struct ColumnName {
  std::string header;
  std::string name;
};

// The stored names of a file's columns, in file order. The YAML `columns` map renames first: a
// key matches the header as written, else its normalised form, and the target is normalised
// too (DuckDB names are case-insensitive). The other columns are normalised, then aliased. A
// rename is skipped when its target is already a column. Throws HttpError 400 when two columns
// end up with the same name. `aliases` are the renames after the YAML map (other datasets'
// columns are only normalised: pass {}).
std::vector<ColumnName> name_columns(
    const std::vector<std::string>& header, const std::map<std::string, std::string>& yaml_columns,
    const std::vector<std::pair<std::string, std::string>>& aliases = column_aliases());

// True for the numeric metric columns of a wide file: names ending in "_score".
bool is_score_column(std::string_view name);

// The columns every monitoring table has, in table order, with their DuckDB types; a column the
// file lacks is stored as NULL.
const std::vector<std::pair<std::string, std::string>>& standard_columns();

// Long format: the table has metric_name (VARCHAR) and metric_score (DOUBLE).
bool is_long_format(const datasets::DatasetInfo& dataset);

// ["metric_score"] for long format; otherwise every other *_score DOUBLE column in table order.
std::vector<std::string> metric_columns(const datasets::DatasetInfo& dataset);

}  // namespace axis::monitoring
