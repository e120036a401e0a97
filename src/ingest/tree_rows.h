// Posted evaluation rows (JSON objects, flat or tree format) rewritten in the tree layout every
// stored tree dataset has (spec/data.md §1.2): the same renames, column order and defaults as an
// upload, applied to rows that arrive as JSON instead of CSV. Pure; thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace axis::ingest {

// Rewrites `rows` in place and returns its columns: the normalised tree columns first (see
// normalised_columns), then every other key in first-seen order. Each row gets every column:
// - evaluation_name / evaluation_metadata come from experiment_name / experiment_metadata when
//   only those are present;
// - a text column that is absent or null gets its default; a number, boolean, object or array
//   there becomes its JSON text; a blank parent becomes null (a root);
// - metric_score and weight must be numbers or null;
// - other keys are kept as they are (null where a row lacks them).
// An empty array stays empty (the normalised columns are still returned).
// Throws util::HttpError: 422 when the body is not an array of objects or a score or weight is
// not a number (one issue per bad cell, loc ["body", row, column]); 400 when the rows have no
// metric_name or metric_score column.
std::vector<std::string> convert_to_tree(nlohmann::ordered_json& rows);

}  // namespace axis::ingest
