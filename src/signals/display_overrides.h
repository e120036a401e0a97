// signals_metrics.yaml: the operator's overrides of the generated human-signals layout. The
// file is read on every use, so edits apply without a restart (spec storage.md §3).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace axis::signals {

// Applies <config_dir>/signals_metrics.yaml (its content, or the map under a top-level
// `signals_metrics:` key) to `display_config`: kpi_strip, chart_sections, filters and
// table_columns replace the generated lists; color_maps entries replace or add generated ones
// by key. A missing file changes nothing. A file that cannot be read, or a section of the wrong
// shape, is skipped with a message appended to `warnings` (the generated layout stays).
void apply_display_overrides(nlohmann::ordered_json& display_config, const std::string& config_dir,
                             std::vector<std::string>& warnings);

}  // namespace axis::signals
