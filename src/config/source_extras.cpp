// The source-specific keys that have no typed field in SourceSettings, rendered as JSON with
// their defaults filled in.
#include <cctype>
#include <nlohmann/json.hpp>

#include "config/agent_name.h"
#include "config/env.h"
#include "config/sections.h"
#include "util/text.h"

namespace axis::config::detail {

using nlohmann::json;

namespace {

std::string one_of(const YamlNode& node, std::initializer_list<const char*> allowed,
                   const std::string& fallback) {
  if (!node.present()) return fallback;
  const std::string v = to_lower(trim(node.as_string()));
  std::string names;
  for (const char* a : allowed) {
    if (v == a) return v;
    names += (names.empty() ? "" : "|") + std::string(a);
  }
  node.fail("expected one of " + names + ", got '" + v + "'");
}

std::string severity(const YamlNode& node, const std::string& fallback) {
  return one_of(node, {"info", "warning", "error", "critical"}, fallback);
}

json pass_good(const YamlNode& node, double good, double pass) {
  node.require_map_or_absent();
  node.read("good", good);
  node.read("pass", pass);
  return {{"good", good}, {"pass", pass}};
}

json anomaly_detection(const YamlNode& a) {
  a.require_map_or_absent();
  bool enabled = false;
  a.read("enabled", enabled);
  const YamlNode z = a["z_score"], ma = a["moving_average"], roc = a["rate_of_change"];
  for (const auto& n : {z, ma, roc}) n.require_map_or_absent();

  bool z_on = true, ma_on = true, roc_on = true;
  double z_threshold = 2.0, deviation = 0.15, roc_threshold = 0.3;
  std::vector<std::string> metrics;
  z.read("enabled", z_on);
  z.read("threshold", z_threshold);
  z.read("metrics", metrics);
  ma.read("enabled", ma_on);
  ma.read("deviation_threshold", deviation);
  roc.read("enabled", roc_on);
  roc.read("threshold", roc_threshold);
  return {
      {"enabled", enabled},
      {"min_data_points", a.clamped("min_data_points", 5, 3, 100000)},
      {"z_score",
       {{"enabled", z_on},
        {"threshold", z_threshold},
        {"severity", severity(z["severity"], "warning")},
        {"lookback_window", z.clamped("lookback_window", 20, 0, 100000)},
        {"metrics", metrics}}},
      {"moving_average",
       {{"enabled", ma_on},
        {"window_size", ma.clamped("window_size", 5, 2, 100000)},
        {"deviation_threshold", deviation},
        {"severity", severity(ma["severity"], "warning")}}},
      {"rate_of_change",
       {{"enabled", roc_on},
        {"threshold", roc_threshold},
        {"severity", severity(roc["severity"], "error")}}},
  };
}

// --- kpi_db ----------------------------------------------------------------------------

void warn_dropped(const YamlNode& node, const std::string& why) {
  node.context().warnings->push_back(node.where() + ": dropped (" + why + ")");
}

// An enum value, or nullopt (with a warning) when it is not one of `allowed`.
std::optional<std::string> kpi_enum(const YamlNode& node,
                                    std::initializer_list<const char*> allowed) {
  if (!node.present()) return std::nullopt;
  const std::string v = to_lower(trim(node.as_string()));
  for (const char* a : allowed) {
    if (v == a) return v;
  }
  warn_dropped(node, "unknown value '" + v + "'");
  return std::nullopt;
}

const std::initializer_list<const char*> kCardValues = {"latest", "avg_7d", "avg_30d"};

std::optional<json> trend_lines(const YamlNode& node) {
  if (!node.present()) return std::nullopt;
  json out = json::array();
  for (const auto& item : node.items()) {
    if (auto v = kpi_enum(item, {"daily", "avg_7d", "avg_30d"})) out.push_back(*v);
  }
  return out;
}

// Shared by the top level, kpi_overrides.<kpi> and display_per_source.<src>: unknown keys are
// kept, known ones validated (invalid values dropped).
json display_block(const YamlNode& node) {
  node.require_map_or_absent();
  json out = node.present() ? node.to_json() : json::object();
  out.erase("card_display_value");
  out.erase("trend_lines");
  if (auto v = kpi_enum(node["card_display_value"], kCardValues)) out["card_display_value"] = *v;
  if (auto v = trend_lines(node["trend_lines"])) out["trend_lines"] = *v;
  out.erase("unit");
  out.erase("polarity");
  if (auto v = kpi_enum(node["unit"], {"percent", "seconds", "count", "score"})) out["unit"] = *v;
  if (auto v = kpi_enum(node["polarity"], {"higher_better", "lower_better"})) out["polarity"] = *v;
  if (node["kpi_overrides"].present()) {
    json overrides = json::object();
    for (const auto& [kpi, o] : node["kpi_overrides"].entries()) overrides[kpi] = display_block(o);
    out["kpi_overrides"] = overrides;
  }
  return out;
}


json composition_chart(const YamlNode& node) {
  if (!node.is_map()) node.fail("expected a map");
  json chart = node.to_json();
  std::string title, remainder_label = "Other", remainder_color = "#CBD5E1";
  bool show_remainder = false;
  node.read("title", title);
  node.read("show_remainder", show_remainder);
  node.read("remainder_label", remainder_label);
  node.read("remainder_color", remainder_color);
  json kpis = json::array();
  if (node["kpis"].present()) {
    for (const auto& k : node["kpis"].items()) {
      std::string name, label, color;
      if (k.is_map()) {
        k.read("kpi_name", name);
        k.read("label", label);
        k.read("color", color);
      } else {
        name = k.as_string();
      }
      if (name.empty()) {
        warn_dropped(k, "no kpi_name");
        continue;
      }
      kpis.push_back(
          {{"kpi_name", name}, {"label", label.empty() ? name : label}, {"color", color}});
    }
  }
  chart.update({{"title", title},
                {"kpis", kpis},
                {"show_remainder", show_remainder},
                {"remainder_label", remainder_label},
                {"remainder_color", remainder_color}});
  return chart;
}

// --- agent_replay_db --------------------------------------------------------------------

// search_columns, or the legacy search_column + search_column_label, as {column: label} in the
// file's order (the first column is the default search field).
std::optional<nlohmann::ordered_json> search_columns(const YamlNode& node) {
  using ordered = nlohmann::ordered_json;
  if (node["search_columns"].present()) {
    node["search_columns"].require_map_or_absent();
    ordered out = ordered::object();
    for (const auto& [col, label_node] : node["search_columns"].entries()) {
      const std::string label = label_node.present() ? label_node.as_string() : "";
      out[col] = label.empty() ? col : label;
    }
    return out;
  }
  std::string col, label;
  node.read("search_column", col);
  node.read("search_column_label", label);
  col = trim(col);
  if (col.empty()) return std::nullopt;
  return nlohmann::ordered_json{{col, label.empty() ? col : label}};
}

}  // namespace

std::string monitoring_extras(const YamlNode& y) {
  const YamlNode t = y["thresholds"];
  t.require_map_or_absent();
  const json def = pass_good(t["default"], 0.7, 0.5);
  json per_source = json::object();
  if (t["per_source"].present()) {
    for (const auto& [source, n] : t["per_source"].entries()) {
      per_source[source] = pass_good(n, def["good"], def["pass"]);
    }
  }
  const json out = {{"thresholds", {{"default", def}, {"per_source", per_source}}},
                    {"anomaly_detection", anomaly_detection(y["anomaly_detection"])}};
  return out.dump();
}

std::string kpi_extras(const YamlNode& y) {
  json out = {{"card_display_value", "latest"},  {"trend_lines", {"daily", "avg_7d", "avg_30d"}},
              {"kpi_overrides", json::object()}, {"display_per_source", json::object()},
              {"categories", json::object()},    {"category_order", json::array()},
              {"composition_charts", json::array()}};
  if (auto v = kpi_enum(y["card_display_value"], kCardValues)) out["card_display_value"] = *v;
  if (auto v = trend_lines(y["trend_lines"])) out["trend_lines"] = *v;
  if (y["kpi_overrides"].present()) {
    for (const auto& [kpi, o] : y["kpi_overrides"].entries())
      out["kpi_overrides"][kpi] = display_block(o);
  }
  if (y["display_per_source"].present()) {
    for (const auto& [src, d] : y["display_per_source"].entries()) {
      out["display_per_source"][src] = display_block(d);
    }
  }
  if (y["categories"].present()) {
    for (const auto& [slug, c] : y["categories"].entries()) {
      c.require_map_or_absent();
      json cat = c.present() ? c.to_json() : json::object();
      std::string display_name = title_case(slug), icon = "BarChart3";
      c.read("display_name", display_name);
      c.read("icon", icon);
      cat["display_name"] = display_name;
      cat["icon"] = icon;
      out["categories"][slug] = cat;
      out["category_order"].push_back(slug);  // JSON objects lose the YAML order
    }
  }
  if (y["composition_charts"].present()) {
    for (const auto& c : y["composition_charts"].items()) {
      json chart = composition_chart(c);
      if (chart["kpis"].empty()) {
        warn_dropped(c, "no kpis");
        continue;
      }
      out["composition_charts"].push_back(std::move(chart));
    }
  }
  return out.dump();
}

std::string agent_replay_extras(const YamlNode& y) {
  std::string trace_id_column = "langfuse_trace_id", agent_name_column;
  y.read("trace_id_column", trace_id_column);
  y.read("agent_name_column", agent_name_column);
  const long long pool_max = y.clamped("pool_max_size", 5, 1, 20);
  nlohmann::ordered_json out = {{"search_columns", search_columns(y).value_or(nlohmann::ordered_json::object())},
              {"trace_id_column", trace_id_column},
              {"agent_name_column", agent_name_column},
              {"pool_min_size", y.clamped("pool_min_size", 0, 0, pool_max)},
              {"pool_max_size", pool_max},
              {"agents", json::object()}};
  if (y["agents"].present()) {
    for (const auto& [name, a] : y["agents"].entries()) {
      a.require_map_or_absent();
      nlohmann::ordered_json agent = nlohmann::ordered_json::object();
      for (const char* key : {"table", "trace_id_column", "agent_name_column"}) {
        if (a[key].present()) agent[key] = a[key].as_string();
      }
      if (auto cols = search_columns(a)) agent["search_columns"] = *cols;
      out["agents"][canonical_agent_name(name)] = agent;
    }
  }
  return out.dump();
}

std::string agent_replay_extras_from_env(const Env& env, std::vector<std::string>& warnings) {
  const std::string col = trim(env.str("AGENT_REPLAY_DB_SEARCH_COLUMN", ""));
  const std::string label = trim(env.str("AGENT_REPLAY_DB_SEARCH_COLUMN_LABEL", ""));
  nlohmann::ordered_json columns = nlohmann::ordered_json::object();
  if (!col.empty()) columns[col] = label.empty() ? col : label;
  const int pool_max = clamp_int(env.integer("AGENT_REPLAY_DB_POOL_MAX_SIZE", 5), 1, 20,
                                 "AGENT_REPLAY_DB_POOL_MAX_SIZE", warnings);
  const nlohmann::ordered_json out = {
      {"search_columns", columns},
      {"trace_id_column",
       env.non_empty("AGENT_REPLAY_DB_TRACE_ID_COLUMN").value_or("langfuse_trace_id")},
      {"agent_name_column", env.str("AGENT_REPLAY_DB_AGENT_NAME_COLUMN", "")},
      {"pool_min_size", clamp_int(env.integer("AGENT_REPLAY_DB_POOL_MIN_SIZE", 0), 0, pool_max,
                                  "AGENT_REPLAY_DB_POOL_MIN_SIZE", warnings)},
      {"pool_max_size", pool_max},
      {"agents", json::object()}};
  return out.dump();
}

}  // namespace axis::config::detail

namespace axis::config {

std::string canonical_agent_name(std::string_view name) {
  std::string out = util::ascii_lower(util::trim(name));
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

}  // namespace axis::config
