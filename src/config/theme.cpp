#include "config/theme.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "config/env.h"
#include "config/sections.h"

namespace axis::config {

namespace {

Palette make_palette(const char* name, const char* primary, const char* light, const char* dark,
                     const char* soft, const char* pale, const char* gold, const char* silver,
                     double brightness) {
  Palette p;
  p.name = name;
  p.primary = primary;
  p.primaryLight = light;
  p.primaryDark = dark;
  p.primarySoft = soft;
  p.primaryPale = pale;
  p.accentGold = gold;
  p.accentSilver = silver;
  p.faviconUrl = "/favicon.svg";
  p.heroContrast = 1.05;
  p.heroSaturation = 0.9;
  p.heroBrightness = brightness;
  p.heroOpacity = 0.9;
  p.heroMode = "dark";
  p.shimmerFrom = light;
  p.shimmerTo = gold;
  return p;
}

const Palette* find_palette(const std::vector<std::pair<std::string, Palette>>& palettes,
                            const std::string& id) {
  for (const auto& [key, palette] : palettes) {
    if (key == id) return &palette;
  }
  return nullptr;
}

}  // namespace

const std::vector<std::pair<std::string, Palette>>& builtin_palettes() {
  static const std::vector<std::pair<std::string, Palette>> palettes = {
      {"professional_blue", make_palette("Professional Blue", "#3D5A80", "#5C7AA3", "#2B3C73",
                                         "#8BA4C4", "#C5D4E8", "#D4AF37", "#B8C5D3", 0.85)},
      {"sage_green", make_palette("Sage Green", "#8B9F4F", "#A4B86C", "#6B7A3A", "#B8C78A",
                                  "#D4E0B8", "#D4AF37", "#B8C5D3", 0.9)},
      {"slate_teal", make_palette("Slate Teal", "#2F7F86", "#4F9CA2", "#1F5C62", "#8CC3C7",
                                  "#CFE6E8", "#D9A441", "#B8C5D3", 0.85)},
      {"warm_terracotta", make_palette("Warm Terracotta", "#B5653F", "#CB8461", "#8A4A2C",
                                       "#DDAE95", "#F1DCCF", "#C9A227", "#C4BDB6", 0.9)},
      {"midnight_indigo", make_palette("Midnight Indigo", "#4B4E9E", "#6B6EBB", "#33357A",
                                       "#A3A5D6", "#D8D9EF", "#D4AF37", "#B8C5D3", 0.8)},
  };
  return palettes;
}

const Palette& ThemeSettings::active_palette() const {
  if (const Palette* p = find_palette(palettes, active)) return *p;
  if (const Palette* p = find_palette(palettes, "sage_green")) return *p;
  if (!palettes.empty()) return palettes.front().second;
  return *find_palette(builtin_palettes(), "sage_green");
}

namespace detail {

namespace {

struct StringKey {
  const char* yaml;
  const char* env;  // AXIS_THEME_<env>
  std::string Palette::*field;
};
struct NumberKey {
  const char* yaml;
  const char* env;
  double Palette::*field;
};

const StringKey kStringKeys[] = {
    {"name", nullptr, &Palette::name},
    {"primary", "PRIMARY", &Palette::primary},
    {"primaryLight", "PRIMARY_LIGHT", &Palette::primaryLight},
    {"primaryDark", "PRIMARY_DARK", &Palette::primaryDark},
    {"primarySoft", "PRIMARY_SOFT", &Palette::primarySoft},
    {"primaryPale", "PRIMARY_PALE", &Palette::primaryPale},
    {"accentGold", "ACCENT_GOLD", &Palette::accentGold},
    {"accentSilver", "ACCENT_SILVER", &Palette::accentSilver},
    {"heroImage", "HERO_IMAGE", &Palette::heroImage},
    {"logoUrl", "LOGO_URL", &Palette::logoUrl},
    {"faviconUrl", "FAVICON_URL", &Palette::faviconUrl},
    {"appIconUrl", "APP_ICON_URL", &Palette::appIconUrl},
    {"shimmerFrom", "SHIMMER_FROM", &Palette::shimmerFrom},
    {"shimmerTo", "SHIMMER_TO", &Palette::shimmerTo},
};
const NumberKey kNumberKeys[] = {
    {"heroContrast", "HERO_CONTRAST", &Palette::heroContrast},
    {"heroSaturation", "HERO_SATURATION", &Palette::heroSaturation},
    {"heroBrightness", "HERO_BRIGHTNESS", &Palette::heroBrightness},
    {"heroOpacity", "HERO_OPACITY", &Palette::heroOpacity},
};

std::optional<std::string> hero_mode(const std::string& text) {
  const std::string v = to_lower(trim(text));
  if (v == "dark" || v == "light") return v;
  return std::nullopt;
}


void merge_palette(const YamlNode& y, Palette& p) {
  if (!y.is_map()) y.fail("expected a map");
  for (const auto& key : kStringKeys) y.read(key.yaml, p.*key.field);
  for (const auto& key : kNumberKeys) y.read(key.yaml, p.*key.field);
  if (const auto n = y["heroMode"]; n.present()) {
    const auto mode = hero_mode(n.as_string());
    if (!mode) n.fail("expected dark or light, got '" + n.as_string() + "'");
    p.heroMode = *mode;
  }
}

void apply_env(const Env& env, Palette& p) {
  for (const auto& key : kStringKeys) {
    if (!key.env) continue;
    if (auto v = env.non_empty(std::string("AXIS_THEME_") + key.env)) p.*key.field = *v;
  }
  for (const auto& key : kNumberKeys) {
    p.*key.field = env.number(std::string("AXIS_THEME_") + key.env, p.*key.field);
  }
  if (auto v = env.non_empty("AXIS_THEME_HERO_MODE")) {
    const auto mode = hero_mode(*v);
    if (!mode) env.fail_variable("AXIS_THEME_HERO_MODE", "dark or light");
    p.heroMode = *mode;
  }
}

void read_branding(const YamlNode& y, Branding& b) {
  y.require_map_or_absent();
  y.read("app_name", b.app_name);
  y.read("tagline", b.tagline);
  y.read("subtitle", b.subtitle);
  y.read("description", b.description);
  y.read("report_footer", b.report_footer);
  y.read("docs_url", b.docs_url);
  y.read("footer_name", b.footer_name);
  y.read("footer_icon", b.footer_icon);
}

}  // namespace

void load_theme(LoadContext& lc, ThemeSettings& out) {
  out.palettes = builtin_palettes();
  const auto file = open_config(lc, "theme.yaml");
  if (file) {
    const YamlNode y = section(&file->ctx, file->root, "theme");
    y.require_map_or_absent();
    if (y["active"].present()) out.active = trim(y["active"].as_string());
    if (const auto palettes = y["palettes"]; palettes.present()) {
      for (const auto& [id, node] : palettes.entries()) {
        auto it = std::find_if(out.palettes.begin(), out.palettes.end(),
                               [&](const auto& entry) { return entry.first == id; });
        if (it == out.palettes.end()) {
          // A new palette starts from the default one, so a partial palette is still whole.
          Palette base = builtin_palettes().front().second;
          base.name = title_case(id);
          out.palettes.emplace_back(id, base);
          it = std::prev(out.palettes.end());
        }
        merge_palette(node, it->second);
      }
    }
    read_branding(y["branding"], out.branding);
  }
  if (auto v = lc.env.non_empty("AXIS_THEME_ACTIVE")) out.active = trim(*v);
  if (!find_palette(out.palettes, out.active)) {
    lc.warnings.push_back("theme: active palette '" + out.active +
                          "' is not defined; using sage_green");
    out.active = "sage_green";
  }
  for (auto& [id, palette] : out.palettes) {
    if (id == out.active) apply_env(lc.env, palette);
  }
  if (out.branding.footer_name.empty()) out.branding.footer_name = out.branding.app_name;
}

}  // namespace detail
}  // namespace axis::config
