#include "api/source_replies.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>

#include "util/json_text.h"

namespace axis::api {
namespace {

using Json = nlohmann::ordered_json;
using database::CellKind;

Json cell(const std::optional<std::string>& text, CellKind kind) {
  if (!text) return nullptr;
  switch (kind) {
    case CellKind::integer:
      return std::stoll(*text);
    case CellKind::decimal: {
      const double v = std::strtod(text->c_str(), nullptr);
      return std::isfinite(v) ? Json(v) : Json(*text);
    }
    case CellKind::boolean:
      return *text == "t";
    case CellKind::text:
      break;
  }
  return *text;
}

}  // namespace

std::string tables_reply(const std::vector<database::SourceTable>& tables) {
  Json list = Json::array();
  for (const auto& t : tables) {
    list.push_back({{"schema_name", t.schema}, {"name", t.name},
                    {"row_count_estimate", t.row_count_estimate}});
  }
  return util::json_text({{"success", true}, {"tables", list}});
}

std::string schema_reply(const database::SourceSchema& schema) {
  Json columns = Json::array();
  for (const auto& c : schema.columns) {
    columns.push_back({{"name", c.name}, {"data_type", c.data_type}, {"nullable", c.nullable}});
  }
  const database::SourceRows& sample = schema.sample;
  Json samples = Json::object();
  for (std::size_t c = 0; c < sample.columns.size(); ++c) {
    Json values = Json::array();
    for (const auto& row : sample.rows) values.push_back(cell(row[c], sample.kinds[c]));
    samples[sample.columns[c]] = std::move(values);
  }
  return util::json_text({{"success", true}, {"columns", columns}, {"sample_values", samples}});
}

std::string values_reply(const std::vector<std::string>& values) {
  return util::json_text({{"success", true}, {"values", values}});
}

std::string rows_reply(const database::SourceRows& rows) {
  Json data = Json::array();
  for (const auto& row : rows.rows) {
    Json obj = Json::object();
    for (std::size_t c = 0; c < rows.columns.size(); ++c) {
      obj[rows.columns[c]] = cell(row[c], rows.kinds[c]);
    }
    data.push_back(std::move(obj));
  }
  return util::json_text({{"success", true}, {"data", data}, {"row_count", rows.rows.size()}});
}

}  // namespace axis::api
