#include "ingest/formats.h"

#include <algorithm>

#include "util/text.h"

namespace axis::ingest {
namespace {

bool has_all(const std::vector<std::string>& cols, std::initializer_list<const char*> names) {
  return std::all_of(names.begin(), names.end(), [&](const char* n) {
    return std::find(cols.begin(), cols.end(), n) != cols.end();
  });
}

bool has(const std::vector<std::string>& cols, const std::string& name) {
  return std::find(cols.begin(), cols.end(), name) != cols.end();
}

const std::vector<std::pair<std::string, std::string>> kRenames = {
    {"experiment_name", "evaluation_name"}, {"experiment_metadata", "evaluation_metadata"}};

}  // namespace

const char* format_name(DataFormat format) {
  switch (format) {
    case DataFormat::eval_runner: return "eval_runner";
    case DataFormat::tree_format: return "tree_format";
    case DataFormat::flat_format: return "flat_format";
    case DataFormat::simple_judgment: return "simple_judgment";
    case DataFormat::fresh_annotation: return "fresh_annotation";
    default: return "unknown";
  }
}

DataFormat detect_format(const std::vector<std::string>& c) {
  if (has_all(c, {"run_id", "dataset_id", "passed"})) return DataFormat::eval_runner;
  if (has_all(c, {"metric_name", "parent", "metric_type", "metric_score"})) return DataFormat::tree_format;
  if (has_all(c, {"metric_name", "metric_score"})) return DataFormat::flat_format;
  if (has(c, "judgment")) return DataFormat::simple_judgment;
  if (has_all(c, {"dataset_id", "evaluation_name", "query", "actual_output"})) return DataFormat::fresh_annotation;
  return DataFormat::unknown;
}

std::optional<DataFormat> storage_format(const std::vector<std::string>& raw) {
  const std::vector<std::string> c = apply_renames(raw);
  if (has_all(c, {"metric_name", "parent", "metric_type", "metric_score"})) return DataFormat::tree_format;
  if (has_all(c, {"metric_name", "metric_score"})) return DataFormat::flat_format;
  if (has(c, "judgment")) return DataFormat::simple_judgment;
  if (has_all(c, {"dataset_id", "evaluation_name", "query", "actual_output"})) return DataFormat::fresh_annotation;
  return std::nullopt;
}

std::string kind_of(DataFormat format) {
  return format == DataFormat::tree_format || format == DataFormat::flat_format ? "evaluation"
                                                                                  : "annotation";
}

std::string unknown_format_message(const std::vector<std::string>& columns) {
  return "Could not detect a supported data format. Columns found: " + util::name_list(columns) +
         ". Expected one of: tree_format (metric_name, parent, metric_type, metric_score), "
         "flat_format (metric_name, metric_score), simple_judgment (judgment), "
         "fresh_annotation (dataset_id, evaluation_name, query, actual_output)";
}

std::vector<std::string> apply_renames(const std::vector<std::string>& columns) {
  std::vector<std::string> out = columns;
  for (const auto& [from, to] : kRenames) {
    if (has(out, to)) continue;
    for (std::string& c : out) if (c == from) c = to;
  }
  return out;
}

std::optional<std::string> renamed_from(const std::string& target,
                                        const std::vector<std::string>& original) {
  if (has(original, target)) return std::nullopt;
  for (const auto& [from, to] : kRenames) {
    if (to == target && has(original, from)) return from;
  }
  return std::nullopt;
}

const std::vector<ColumnDefault>& normalised_columns(DataFormat format) {
  static const std::vector<ColumnDefault> tree = {
      {"dataset_id", "VARCHAR", "'test_case_1'"},
      {"evaluation_name", "VARCHAR", "'Experiment 1'"},
      {"query", "VARCHAR", "''"},
      {"actual_output", "VARCHAR", "''"},
      {"expected_output", "VARCHAR", "''"},
      {"metric_name", "VARCHAR", "NULL"},
      {"metric_score", "DOUBLE", "NULL"},
      {"metric_type", "VARCHAR", "'metric'"},
      {"parent", "VARCHAR", "NULL"},
      {"weight", "DOUBLE", "NULL"},
      {"explanation", "VARCHAR", "NULL"},
      {"critique", "VARCHAR", "''"},
      {"evaluation_metadata", "VARCHAR", "'{}'"},
      {"data_metadata", "VARCHAR", "'{}'"},
  };
  // Without a dataset_id column each row is its own case.
  static const std::string row_case = "'case_' || CAST(row_number() OVER () AS VARCHAR)";
  static const std::vector<ColumnDefault> simple_judgment = {
      {"dataset_id", "VARCHAR", row_case},
      {"judgment", "VARCHAR", "NULL"},
      {"critique", "VARCHAR", "''"},
  };
  static const std::vector<ColumnDefault> fresh_annotation = {
      {"dataset_id", "VARCHAR", row_case},
      {"evaluation_name", "VARCHAR", "NULL"},
      {"query", "VARCHAR", "''"},
      {"actual_output", "VARCHAR", "''"},
      {"critique", "VARCHAR", "''"},
      {"evaluation_metadata", "VARCHAR", "'{}'"},
  };
  switch (format) {
    case DataFormat::simple_judgment: return simple_judgment;
    case DataFormat::fresh_annotation: return fresh_annotation;
    default: return tree;
  }
}

}  // namespace axis::ingest
