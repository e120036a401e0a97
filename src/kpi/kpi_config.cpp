#include "kpi/kpi_config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>

#include "config/settings.h"
#include "util/title_case.h"

namespace axis::kpi {
namespace {

using nlohmann::json;

const std::initializer_list<const char*> kUnits = {"percent", "seconds", "count", "score"};
const std::initializer_list<const char*> kPolarities = {"higher_better", "lower_better"};
const std::initializer_list<const char*> kCardValues = {"latest", "avg_7d", "avg_30d"};
const std::initializer_list<const char*> kTrendLines = {"daily", "avg_7d", "avg_30d"};

// A non-empty string member, else nullopt.
std::optional<std::string> text(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  std::string value = it->get<std::string>();
  if (value.empty()) return std::nullopt;
  return value;
}

std::optional<std::string> one_of(const json& object, const char* key,
                                  std::initializer_list<const char*> allowed) {
  auto value = text(object, key);
  if (!value) return std::nullopt;
  for (const char* a : allowed) {
    if (*value == a) return value;
  }
  return std::nullopt;
}

// Known line names in first-seen order; nullopt when none is left.
std::optional<std::vector<std::string>> trend_lines(const json& object) {
  if (!object.is_object() || !object.contains("trend_lines")) return std::nullopt;
  const json& list = object["trend_lines"];
  if (!list.is_array()) return std::nullopt;
  std::vector<std::string> out;
  for (const json& item : list) {
    if (!item.is_string()) continue;
    const std::string name = item.get<std::string>();
    const bool known = std::any_of(kTrendLines.begin(), kTrendLines.end(),
                                   [&](const char* a) { return name == a; });
    if (known && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

DisplayOptions display_options(const json& object) {
  DisplayOptions o;
  o.display_name = text(object, "display_name");
  o.unit = one_of(object, "unit", kUnits);
  o.polarity = one_of(object, "polarity", kPolarities);
  o.card_display_value = one_of(object, "card_display_value", kCardValues);
  o.trend_lines = trend_lines(object);
  return o;
}

std::map<std::string, DisplayOptions> overrides(const json& object) {
  std::map<std::string, DisplayOptions> out;
  if (!object.is_object()) return out;
  const auto it = object.find("kpi_overrides");
  if (it == object.end() || !it->is_object()) return out;
  for (const auto& [kpi, o] : it->items()) {
    if (!kpi.empty() && o.is_object()) out[kpi] = display_options(o);
  }
  return out;
}

std::vector<CategoryConfig> categories(const json& root) {
  std::vector<CategoryConfig> out;
  const auto it = root.find("categories");
  if (it == root.end() || !it->is_object()) return out;
  // The listed order first (category_order keeps the file's order), then any other slug.
  std::vector<std::string> slugs;
  if (auto order = root.find("category_order"); order != root.end() && order->is_array()) {
    for (const json& s : *order) {
      if (!s.is_string()) continue;
      const std::string slug = s.get<std::string>();
      if (it->contains(slug)) slugs.push_back(slug);
    }
  }
  for (const auto& [slug, c] : it->items()) {
    if (std::find(slugs.begin(), slugs.end(), slug) == slugs.end()) slugs.push_back(slug);
  }
  for (const std::string& slug : slugs) {
    if (slug.empty()) continue;
    const json& c = (*it)[slug];
    CategoryConfig cat{slug, text(c, "display_name").value_or(util::title_case(slug)),
                       text(c, "icon").value_or("BarChart3")};
    out.push_back(std::move(cat));
  }
  return out;
}

std::optional<CompositionChart> composition_chart(const json& c) {
  if (!c.is_object()) return std::nullopt;
  CompositionChart chart;
  chart.title = text(c, "title").value_or("");
  if (auto it = c.find("show_remainder"); it != c.end() && it->is_boolean()) {
    chart.show_remainder = it->get<bool>();
  }
  chart.remainder_label = text(c, "remainder_label").value_or(chart.remainder_label);
  chart.remainder_color = text(c, "remainder_color").value_or(chart.remainder_color);
  if (auto it = c.find("kpis"); it != c.end() && it->is_array()) {
    for (const json& k : *it) {
      auto name = k.is_string() ? std::optional<std::string>(k.get<std::string>())
                                : text(k, "kpi_name");
      if (!name || name->empty()) continue;
      chart.kpis.push_back(
          {*name, text(k, "label").value_or(*name), text(k, "color").value_or("")});
    }
  }
  if (chart.kpis.empty()) return std::nullopt;
  return chart;
}

// Applies the set fields of `o` over `d` (display_name only when `with_name`).
void apply(const DisplayOptions& o, KpiDisplay& d, bool with_name) {
  if (with_name && o.display_name) d.display_name = *o.display_name;
  if (o.unit) d.unit = *o.unit;
  if (o.polarity) d.polarity = *o.polarity;
  if (o.card_display_value) d.card_display_value = *o.card_display_value;
  if (o.trend_lines) d.trend_lines = *o.trend_lines;
}

template <typename Map>
const typename Map::mapped_type* find_in(const Map& map, const std::string& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

const std::vector<std::string>& KpiConfig::visible_for(
    const std::optional<std::string>& source) const {
  if (source) {
    if (const auto* list = find_in(visible_kpis_per_source, *source); list && !list->empty()) {
      return *list;
    }
  }
  return visible_kpis;
}

KpiDisplay KpiConfig::display_for(const std::string& kpi,
                                  const std::optional<std::string>& source) const {
  KpiDisplay d;
  d.display_name = util::title_case(kpi);
  d.card_display_value = card_display_value;
  d.trend_lines = trend_lines;
  const SourceDisplay* per_source = source ? find_in(display_per_source, *source) : nullptr;
  // Weakest first, so each stronger scope overwrites what it sets.
  if (per_source) apply(per_source->options, d, false);
  if (const auto* o = find_in(kpi_overrides, kpi)) apply(*o, d, true);
  if (per_source) {
    if (const auto* o = find_in(per_source->kpi_overrides, kpi)) apply(*o, d, true);
  }
  return d;
}

std::vector<std::string> KpiConfig::trend_lines_for(
    const std::vector<std::string>& kpis, const std::optional<std::string>& source) const {
  if (kpis.size() == 1) return display_for(kpis.front(), source).trend_lines;
  if (source) {
    if (const auto* s = find_in(display_per_source, *source); s && s->options.trend_lines) {
      return *s->options.trend_lines;
    }
  }
  return trend_lines;
}

const CategoryConfig* KpiConfig::category(const std::string& slug) const {
  for (const auto& c : categories) {
    if (c.slug == slug) return &c;
  }
  return nullptr;
}

KpiConfig parse_kpi_display(std::string_view extras_json) {
  KpiConfig cfg;
  const json root = json::parse(extras_json, nullptr, false);
  if (!root.is_object()) return cfg;
  cfg.card_display_value = one_of(root, "card_display_value", kCardValues).value_or("latest");
  if (auto lines = trend_lines(root)) cfg.trend_lines = *lines;
  cfg.kpi_overrides = overrides(root);
  if (auto it = root.find("display_per_source"); it != root.end() && it->is_object()) {
    for (const auto& [source, block] : it->items()) {
      if (source.empty() || !block.is_object()) continue;
      cfg.display_per_source[source] = {display_options(block), overrides(block)};
    }
  }
  cfg.categories = categories(root);
  if (auto it = root.find("composition_charts"); it != root.end() && it->is_array()) {
    for (const json& c : *it) {
      if (auto chart = composition_chart(c)) cfg.composition_charts.push_back(std::move(*chart));
    }
  }
  return cfg;
}

KpiConfig kpi_config_from(const config::SourceSettings& kpi_db) {
  KpiConfig cfg = parse_kpi_display(kpi_db.raw_yaml_json);
  auto names = [](const std::vector<std::string>& list) {
    std::vector<std::string> out;
    for (const auto& n : list) {
      if (!n.empty() && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
    return out;
  };
  cfg.visible_kpis = names(kpi_db.visible_kpis);
  for (const auto& [source, list] : kpi_db.visible_kpis_per_source) {
    cfg.visible_kpis_per_source[source] = names(list);
  }
  return cfg;
}

}  // namespace axis::kpi
