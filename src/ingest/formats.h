// The evaluation file formats AXIS recognises, how they are detected from a header, and the
// normalisation every stored evaluation dataset gets (spec/data.md §1.2).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace axis::ingest {

enum class DataFormat { eval_runner, tree_format, flat_format, simple_judgment, fresh_annotation, unknown };

const char* format_name(DataFormat format);

// Raw detection in the spec's order (first hit wins): eval_runner, tree_format, flat_format,
// simple_judgment, fresh_annotation, else unknown. Names are matched exactly.
DataFormat detect_format(const std::vector<std::string>& columns);

// How an upload is stored: tree columns win over eval_runner; flat data is kept as flat_format
// (normalised to the tree layout). nullopt when the columns fit no storable format.
std::optional<DataFormat> storage_format(const std::vector<std::string>& columns);

// "evaluation" for tree/flat, "annotation" for simple_judgment/fresh_annotation.
std::string kind_of(DataFormat format);

// The 400 message for a file no format fits: names the columns found and what is expected.
std::string unknown_format_message(const std::vector<std::string>& columns);

// Columns renamed on upload before anything else: experiment_name -> evaluation_name,
// experiment_metadata -> evaluation_metadata (skipped when the target already exists).
std::vector<std::string> apply_renames(const std::vector<std::string>& columns);
std::optional<std::string> renamed_from(const std::string& target,
                                        const std::vector<std::string>& original);

struct ColumnDefault {
  std::string name;
  std::string sql_type;  // DuckDB type of the stored column
  std::string value;     // SQL literal used when the column is absent (our constants only)
};

// The columns every stored dataset of `format` has, with types and the defaults for absent ones.
const std::vector<ColumnDefault>& normalised_columns(DataFormat format);

}  // namespace axis::ingest
