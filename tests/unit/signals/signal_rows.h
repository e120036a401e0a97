// Raw human-signals rows for the signals tests, built column by column.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "signals/raw_rows.h"

namespace axis::signals::testing {

using Cell = std::optional<std::string>;

inline RawRow raw_row(std::initializer_list<std::pair<RawColumn, Cell>> cells) {
  RawRow row;
  for (const auto& [column, value] : cells) row.cells[static_cast<std::size_t>(column)] = value;
  return row;
}

inline RawRow metric_row(const std::string& id, const Cell& metric, const Cell& category,
                         const Cell& signals) {
  return raw_row({{RawColumn::dataset_id, id}, {RawColumn::metric_name, metric},
                  {RawColumn::metric_category, category}, {RawColumn::signals, signals}});
}

// A layout with the required columns and `extra` ones.
inline RawLayout layout_with(std::initializer_list<RawColumn> extra) {
  RawLayout layout;
  for (RawColumn c : {RawColumn::dataset_id, RawColumn::metric_name, RawColumn::signals,
                      RawColumn::metric_category, RawColumn::source_name}) {
    layout.present[static_cast<std::size_t>(c)] = true;
  }
  for (RawColumn c : extra) layout.present[static_cast<std::size_t>(c)] = true;
  return layout;
}

}  // namespace axis::signals::testing
