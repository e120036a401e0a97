#include "ingest/tree_rows.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "ingest/formats.h"
#include "util/http_error.h"
#include "util/json_text.h"
#include "util/text.h"

namespace axis::ingest {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxIssues = 20;

std::string json_text(const Json& value) {
  return util::json_text(value);
}

// The JSON value of one of our SQL default literals: NULL or a quoted string.
Json default_value(const ColumnDefault& column) {
  const std::string& v = column.value;
  if (v == "NULL") return nullptr;
  if (v.size() < 2 || v.front() != '\'' || v.back() != '\'') {
    throw std::logic_error("no JSON default for column " + column.name);
  }
  std::string text;
  for (std::size_t i = 1; i + 1 < v.size(); ++i) {
    text += v[i];
    if (v[i] == '\'') ++i;  // '' is one quote
  }
  return text;
}

// Every key of the rows, in first-seen order. Throws 422 unless rows is an array of objects.
std::vector<std::string> keys_of(const Json& rows) {
  if (!rows.is_array()) {
    throw util::HttpError({{"list_type", {"body"}, "Input should be a valid list", json_text(rows)}});
  }
  std::vector<std::string> keys;
  std::unordered_set<std::string> seen;
  std::vector<util::ValidationIssue> issues;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].is_object()) {
      if (issues.size() < kMaxIssues) {
        issues.push_back({"dict_type", {"body", std::to_string(i)},
                          "Input should be a valid dictionary", json_text(rows[i])});
      }
      continue;
    }
    for (const auto& item : rows[i].items()) {
      if (seen.insert(item.key()).second) keys.push_back(item.key());
    }
  }
  if (!issues.empty()) throw util::HttpError(issues);
  return keys;
}

void require_metric_columns(const std::vector<std::string>& keys) {
  const auto format = storage_format(keys);
  if (format == DataFormat::tree_format || format == DataFormat::flat_format) return;
  std::string missing;
  for (const char* name : {"metric_name", "metric_score"}) {
    if (!util::contains(keys, name)) missing += (missing.empty() ? "" : ", ") + std::string(name);
  }
  throw util::HttpError(400, "Rows are not in tree or flat format: missing column(s) " + missing +
                                 ". Columns found: " + util::name_list(keys));
}

// Where each output column of a row comes from.
struct Column {
  const ColumnDefault* normalised = nullptr;  // null for a column kept as posted
  std::string name;                           // in the output
  std::string source;                         // in the posted rows ("" = absent everywhere)
  Json fallback;                              // for an absent or null cell
};

std::vector<Column> plan_columns(const std::vector<std::string>& keys) {
  std::vector<Column> plan;
  std::vector<std::string> used;
  for (const ColumnDefault& col : normalised_columns(DataFormat::tree_format)) {
    std::string source;
    if (util::contains(keys, col.name)) source = col.name;
    else if (auto from = renamed_from(col.name, keys)) source = *from;
    if (!source.empty()) used.push_back(source);
    plan.push_back({&col, col.name, source, default_value(col)});
  }
  for (const std::string& key : keys) {
    if (!util::contains(used, key)) plan.push_back({nullptr, key, key, nullptr});
  }
  return plan;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// One cell in the tree layout; records an issue for a score or weight that is not a number.
Json normalise_cell(Json cell, const Column& col, std::size_t row,
                    std::vector<util::ValidationIssue>& issues) {
  if (col.normalised == nullptr) return cell;
  if (cell.is_null()) return col.fallback;
  if (col.normalised->sql_type == "DOUBLE") {
    if (cell.is_number()) return cell.get<double>();
    if (issues.size() < kMaxIssues) {
      issues.push_back({"float_type", {"body", std::to_string(row), col.source},
                        "Input should be a valid number", json_text(cell)});
    }
    return nullptr;
  }
  std::string text = cell.is_string() ? cell.get<std::string>() : json_text(cell);
  if (col.name == "parent") {
    text = trimmed(text);
    if (text.empty()) return nullptr;
  }
  return text;
}

}  // namespace

std::vector<std::string> convert_to_tree(Json& rows) {
  const std::vector<std::string> keys = keys_of(rows);
  if (!rows.empty()) require_metric_columns(keys);
  const std::vector<Column> plan = plan_columns(keys);

  std::vector<util::ValidationIssue> issues;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Json& row = rows[i];
    Json out = Json::object();
    for (const Column& col : plan) {
      Json cell = nullptr;
      if (!col.source.empty()) {
        auto it = row.find(col.source);
        if (it != row.end()) cell = std::move(*it);
      }
      out[col.name] = normalise_cell(std::move(cell), col, i, issues);
    }
    row = std::move(out);
  }
  if (!issues.empty()) throw util::HttpError(issues);

  std::vector<std::string> columns;
  for (const Column& col : plan) columns.push_back(col.name);
  return columns;
}

}  // namespace axis::ingest
