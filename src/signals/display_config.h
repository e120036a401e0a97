// The dashboard layout generated from a metric schema (spec data.md §2.7 display_config):
// KPI strip, chart sections, filters, table columns and colour maps.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace axis::signals {

// {kpi_strip, chart_sections, filters, table_columns, color_maps} for `schema` (as built by
// MetricSchemaBuilder). `visible_kpis` (human_signals_db.visible_kpis), when not empty, keeps
// only the KPI cards of the signals and aggregates it names.
nlohmann::ordered_json generate_display_config(const nlohmann::ordered_json& schema,
                                               const std::vector<std::string>& visible_kpis);

}  // namespace axis::signals
