// KpiConfig: the KPI display options of kpi_db.yaml (spec/storage.md §3) as one typed value —
// which KPIs are visible, how each card shows its value, units, polarity, category panels and
// composition charts. Built from the loaded settings; anything invalid is dropped, so every
// field holds a usable value. Plain data, safe to share between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace axis::config { struct SourceSettings; }

namespace axis::kpi {

// What one scope (the whole file, one source, one KPI) sets; nullopt = inherited.
struct DisplayOptions {
  std::optional<std::string> display_name;        // per KPI only
  std::optional<std::string> unit;                // percent | seconds | count | score
  std::optional<std::string> polarity;            // higher_better | lower_better
  std::optional<std::string> card_display_value;  // latest | avg_7d | avg_30d
  std::optional<std::vector<std::string>> trend_lines;  // of daily, avg_7d, avg_30d; never empty
};

// display_per_source.<source>: options for every KPI of that source, plus per-KPI overrides.
struct SourceDisplay {
  DisplayOptions options;
  std::map<std::string, DisplayOptions> kpi_overrides;
};

struct CategoryConfig {
  std::string slug;                     // the kpi_category value it describes
  std::string display_name;             // default: the slug in Title Case
  std::string icon = "BarChart3";
};

struct CompositionKpi {
  std::string kpi_name, label, color;   // label defaults to kpi_name; color may be empty
};

struct CompositionChart {
  std::string title;
  std::vector<CompositionKpi> kpis;     // never empty
  bool show_remainder = false;
  std::string remainder_label = "Other";
  std::string remainder_color = "#CBD5E1";
};

// How one KPI's card looks once every override has been applied.
struct KpiDisplay {
  std::string display_name;
  std::string unit = "score";
  std::string polarity = "higher_better";
  std::string card_display_value = "latest";
  std::vector<std::string> trend_lines;
};

struct KpiConfig {
  std::vector<std::string> visible_kpis;  // empty = every KPI
  std::map<std::string, std::vector<std::string>> visible_kpis_per_source;
  std::string card_display_value = "latest";
  std::vector<std::string> trend_lines = {"daily", "avg_7d", "avg_30d"};
  std::map<std::string, DisplayOptions> kpi_overrides;
  std::map<std::string, SourceDisplay> display_per_source;
  std::vector<CategoryConfig> categories;  // in the order the file lists them
  std::vector<CompositionChart> composition_charts;

  // The KPIs to show: visible_kpis_per_source[source] when a source is given and its list is
  // not empty, else visible_kpis. Empty = no restriction.
  const std::vector<std::string>& visible_for(const std::optional<std::string>& source) const;

  // Card options of `kpi`, strongest first: display_per_source[source].kpi_overrides[kpi],
  // kpi_overrides[kpi], display_per_source[source], the top level, then the defaults (unit
  // score, polarity higher_better, card latest, display name = kpi in Title Case).
  KpiDisplay display_for(const std::string& kpi, const std::optional<std::string>& source) const;

  // The lines of a trend chart: the KPI's own (display_for) when exactly one KPI is charted,
  // else the source's or the top level's.
  std::vector<std::string> trend_lines_for(const std::vector<std::string>& kpis,
                                           const std::optional<std::string>& source) const;

  // The configured category `slug`, if any.
  const CategoryConfig* category(const std::string& slug) const;
};

// Reads the typed visible_kpis / visible_kpis_per_source of kpi_db and the display options in
// its raw_yaml_json. Never throws: malformed JSON or invalid values fall back to the defaults.
KpiConfig kpi_config_from(const config::SourceSettings& kpi_db);

// The display options of extras JSON text alone (visible lists left empty).
KpiConfig parse_kpi_display(std::string_view extras_json);

}  // namespace axis::kpi
