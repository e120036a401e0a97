#include "config/theme.h"

#include <gtest/gtest.h>

#include "config_test_util.h"

namespace axis::config {
namespace {

using testing::ConfigSandbox;

const Palette& palette(const Settings& s, const std::string& id) {
  for (const auto& [key, p] : s.theme.palettes) {
    if (key == id) return p;
  }
  throw std::runtime_error("no palette " + id);
}

TEST(ConfigTheme, builtins_have_the_documented_colours_and_every_key) {
  ConfigSandbox box;
  const Settings s = box.load();
  const Palette& blue = s.theme.active_palette();
  EXPECT_EQ(blue.primary, "#3D5A80");
  EXPECT_EQ(blue.primaryLight, "#5C7AA3");
  EXPECT_EQ(blue.primaryDark, "#2B3C73");
  EXPECT_EQ(blue.primarySoft, "#8BA4C4");
  EXPECT_EQ(blue.primaryPale, "#C5D4E8");
  const Palette& sage = palette(s, "sage_green");
  EXPECT_EQ(sage.primary, "#8B9F4F");
  EXPECT_EQ(sage.primaryLight, "#A4B86C");
  EXPECT_EQ(sage.primaryDark, "#6B7A3A");
  EXPECT_EQ(sage.primarySoft, "#B8C78A");
  EXPECT_EQ(sage.primaryPale, "#D4E0B8");
  EXPECT_EQ(sage.accentGold, "#D4AF37");
  EXPECT_EQ(sage.accentSilver, "#B8C5D3");
  ASSERT_GE(builtin_palettes().size(), 4u);
  for (const auto& [id, p] : builtin_palettes()) {
    EXPECT_FALSE(p.name.empty()) << id;
    EXPECT_FALSE(p.primary.empty() || p.primaryLight.empty() || p.primaryDark.empty() ||
                 p.primarySoft.empty() || p.primaryPale.empty() || p.accentGold.empty() ||
                 p.accentSilver.empty() || p.shimmerFrom.empty() || p.shimmerTo.empty() ||
                 p.faviconUrl.empty())
        << id;
    EXPECT_TRUE(p.heroMode == "dark" || p.heroMode == "light") << id;
  }
  EXPECT_EQ(s.theme.branding.app_name, "AXIS");
  EXPECT_EQ(s.theme.branding.footer_name, "AXIS");
}

TEST(ConfigTheme, yaml_palettes_merge_over_builtins_key_by_key) {
  ConfigSandbox box;
  box.yaml("theme.yaml", R"(theme:
  active: sage_green
  palettes:
    sage_green:
      primary: "#000001"
      heroOpacity: 0.5
      heroMode: light
    brand_new:
      primary: "#123456"
  branding:
    app_name: Acme Eval
    tagline: Measure everything
)");
  const Settings s = box.load();
  const Palette& sage = s.theme.active_palette();
  EXPECT_EQ(sage.primary, "#000001");
  EXPECT_EQ(sage.primaryLight, "#A4B86C");
  EXPECT_DOUBLE_EQ(sage.heroOpacity, 0.5);
  EXPECT_EQ(sage.heroMode, "light");
  const Palette& fresh = palette(s, "brand_new");
  EXPECT_EQ(fresh.primary, "#123456");
  EXPECT_EQ(fresh.name, "Brand New");
  EXPECT_FALSE(fresh.primaryLight.empty());
  EXPECT_EQ(s.theme.palettes.back().first, "brand_new");
  EXPECT_EQ(s.theme.branding.app_name, "Acme Eval");
  EXPECT_EQ(s.theme.branding.footer_name, "Acme Eval");
  EXPECT_EQ(s.theme.branding.tagline, "Measure everything");
}

TEST(ConfigTheme, env_overrides_apply_to_the_active_palette_only) {
  ConfigSandbox box;
  box.yaml("theme.yaml", "active: sage_green\npalettes:\n  sage_green:\n    primary: '#111111'\n");
  box.options.env = {{"AXIS_THEME_ACTIVE", "slate_teal"},    {"AXIS_THEME_PRIMARY", "#222222"},
                     {"AXIS_THEME_PRIMARY_PALE", "#EEEEEE"}, {"AXIS_THEME_HERO_OPACITY", "0.25"},
                     {"AXIS_THEME_HERO_MODE", "LIGHT"},      {"AXIS_THEME_LOGO_URL", "/logo.svg"}};
  const Settings s = box.load();
  EXPECT_EQ(s.theme.active, "slate_teal");
  const Palette& teal = s.theme.active_palette();
  EXPECT_EQ(teal.primary, "#222222");
  EXPECT_EQ(teal.primaryPale, "#EEEEEE");
  EXPECT_DOUBLE_EQ(teal.heroOpacity, 0.25);
  EXPECT_EQ(teal.heroMode, "light");
  EXPECT_EQ(teal.logoUrl, "/logo.svg");
  EXPECT_EQ(palette(s, "sage_green").primary, "#111111");
}

TEST(ConfigTheme, unknown_active_name_falls_back_to_sage_green_with_a_warning) {
  ConfigSandbox box;
  box.yaml("theme.yaml", "active: neon_pink\n");
  const Settings s = box.load();
  EXPECT_EQ(s.theme.active, "sage_green");
  EXPECT_EQ(s.theme.active_palette().primary, "#8B9F4F");
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("neon_pink"), std::string::npos);
}

TEST(ConfigTheme, active_palette_of_an_unresolved_theme_is_sage_green) {
  ThemeSettings t;
  t.active = "nope";
  EXPECT_EQ(t.active_palette().primary, "#8B9F4F");
  t.palettes = builtin_palettes();
  EXPECT_EQ(t.active_palette().name, "Sage Green");
  t.active = "professional_blue";
  EXPECT_EQ(t.active_palette().name, "Professional Blue");
}

TEST(ConfigTheme, invalid_hero_mode_is_an_error) {
  ConfigSandbox box;
  box.yaml("theme.yaml", "palettes:\n  sage_green:\n    heroMode: dusk\n");
  EXPECT_THROW(box.load(), ConfigError);
}

TEST(ConfigAgents, agents_yaml_entries_with_defaults) {
  ConfigSandbox box;
  box.yaml("agents.yaml", R"(agents:
  - name: credit_bot
    label: Credit Bot
    role: Underwriting
    avatar: credit.png
    description: Reviews applications
    biography: Long text
    trace_names: [credit-flow, credit-review]
  - name: helper
    active: false
)");
  const Settings s = box.load();
  ASSERT_EQ(s.agents.size(), 2u);
  EXPECT_EQ(s.agents[0].label, "Credit Bot");
  EXPECT_EQ(s.agents[0].trace_names, (std::vector<std::string>{"credit-flow", "credit-review"}));
  EXPECT_TRUE(s.agents[0].active);
  EXPECT_EQ(s.agents[1].label, "helper");
  EXPECT_FALSE(s.agents[1].active);
}

TEST(ConfigAgents, agent_without_a_name_is_an_error_naming_the_entry) {
  ConfigSandbox box;
  box.yaml("agents.yaml", "agents:\n  - name: a\n  - label: nameless\n");
  try {
    box.load();
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("agents[1].name"), std::string::npos) << e.what();
  }
}

TEST(ConfigAgents, agent_replay_yaml_defaults_and_overrides) {
  ConfigSandbox box;
  EXPECT_EQ(box.load().agent_replay.default_limit, 20);
  box.yaml("agent_replay.yaml",
           "agent_replay:\n  default_limit: 50\n  default_days_back: 400\n"
           "  search_metadata_key: ticketId\n");
  const Settings s = box.load();
  EXPECT_EQ(s.agent_replay.default_limit, 50);
  EXPECT_EQ(s.agent_replay.default_days_back, 90);
  EXPECT_EQ(s.agent_replay.max_chars, 50000);
  EXPECT_EQ(s.agent_replay.search_metadata_key, "ticketId");
}

}  // namespace
}  // namespace axis::config
