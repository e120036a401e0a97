#include <gtest/gtest.h>

#include "../config/config_test_util.h"
#include "config/settings.h"
#include "kpi/kpi_config.h"

namespace axis::kpi {
namespace {

using Lines = std::vector<std::string>;

TEST(KpiConfig, DefaultsWithoutDisplayOptions) {
  for (const char* text : {"", "{}", "not json", "[1, 2]"}) {
    const KpiConfig c = parse_kpi_display(text);
    EXPECT_EQ(c.card_display_value, "latest") << text;
    EXPECT_EQ(c.trend_lines, (Lines{"daily", "avg_7d", "avg_30d"})) << text;
    EXPECT_TRUE(c.kpi_overrides.empty());
    EXPECT_TRUE(c.display_per_source.empty());
    EXPECT_TRUE(c.categories.empty());
    EXPECT_TRUE(c.composition_charts.empty());
  }
  const KpiDisplay d = parse_kpi_display("{}").display_for("avg_handle_time_s", std::nullopt);
  EXPECT_EQ(d.display_name, "Avg Handle Time S");
  EXPECT_EQ(d.unit, "score");
  EXPECT_EQ(d.polarity, "higher_better");
  EXPECT_EQ(d.card_display_value, "latest");
  EXPECT_EQ(d.trend_lines, (Lines{"daily", "avg_7d", "avg_30d"}));
}

TEST(KpiConfig, InvalidValuesAreDropped) {
  const KpiConfig c = parse_kpi_display(R"({
    "card_display_value": "median",
    "trend_lines": ["weekly", 7],
    "kpi_overrides": {
      "csat": {"unit": "furlongs", "polarity": "sideways", "display_name": 5,
               "card_display_value": "avg_7d", "trend_lines": ["avg_30d", "avg_30d", "daily"]},
      "bad": "not an object"
    },
    "display_per_source": {"bot": {"card_display_value": 3, "unit": "count"}, "x": []},
    "categories": {"quality": {"display_name": "", "icon": ""}, "cost": "flat"},
    "composition_charts": [
      {"title": "Mix", "kpis": [{"kpi_name": "a"}, {"label": "nameless"}, "b", 4],
       "show_remainder": "yes", "remainder_label": ""},
      {"title": "Empty", "kpis": []},
      "not a chart"
    ]
  })");
  EXPECT_EQ(c.card_display_value, "latest");
  EXPECT_EQ(c.trend_lines, (Lines{"daily", "avg_7d", "avg_30d"}));
  ASSERT_EQ(c.kpi_overrides.size(), 1u);
  const DisplayOptions& csat = c.kpi_overrides.at("csat");
  EXPECT_FALSE(csat.unit);
  EXPECT_FALSE(csat.polarity);
  EXPECT_FALSE(csat.display_name);
  EXPECT_EQ(csat.card_display_value, "avg_7d");
  EXPECT_EQ(csat.trend_lines, (Lines{"avg_30d", "daily"}));
  ASSERT_EQ(c.display_per_source.size(), 1u);
  EXPECT_FALSE(c.display_per_source.at("bot").options.card_display_value);
  EXPECT_EQ(c.display_per_source.at("bot").options.unit, "count");
  ASSERT_EQ(c.categories.size(), 2u);
  EXPECT_EQ(c.categories[0].slug, "cost");
  EXPECT_EQ(c.categories[0].display_name, "Cost");
  EXPECT_EQ(c.categories[1].display_name, "Quality");
  EXPECT_EQ(c.categories[1].icon, "BarChart3");
  ASSERT_EQ(c.composition_charts.size(), 1u);
  const CompositionChart& mix = c.composition_charts[0];
  ASSERT_EQ(mix.kpis.size(), 2u);
  EXPECT_EQ(mix.kpis[0].kpi_name, "a");
  EXPECT_EQ(mix.kpis[0].label, "a");
  EXPECT_EQ(mix.kpis[0].color, "");
  EXPECT_EQ(mix.kpis[1].kpi_name, "b");
  EXPECT_FALSE(mix.show_remainder);
  EXPECT_EQ(mix.remainder_label, "Other");
  EXPECT_EQ(mix.remainder_color, "#CBD5E1");
}

TEST(KpiConfig, CategoriesKeepTheConfiguredOrder) {
  const KpiConfig c = parse_kpi_display(R"({
    "categories": {"a_first": {}, "m_middle": {"display_name": "Middle", "icon": "Timer"},
                   "z_last": {}},
    "category_order": ["z_last", "m_middle", "unknown", "a_first"]})");
  ASSERT_EQ(c.categories.size(), 3u);
  EXPECT_EQ(c.categories[0].slug, "z_last");
  EXPECT_EQ(c.categories[0].display_name, "Z Last");
  EXPECT_EQ(c.categories[1].display_name, "Middle");
  EXPECT_EQ(c.categories[1].icon, "Timer");
  EXPECT_EQ(c.categories[2].slug, "a_first");
  EXPECT_NE(c.category("m_middle"), nullptr);
  EXPECT_EQ(c.category("unknown"), nullptr);
}

TEST(KpiConfig, DisplayOverridesFromWeakestToStrongest) {
  const KpiConfig c = parse_kpi_display(R"({
    "card_display_value": "avg_30d",
    "trend_lines": ["daily"],
    "kpi_overrides": {
      "aht": {"display_name": "Handle time", "unit": "seconds", "polarity": "lower_better",
              "card_display_value": "avg_7d"},
      "calls": {"unit": "count"}
    },
    "display_per_source": {
      "bot": {"card_display_value": "latest", "trend_lines": ["avg_7d", "avg_30d"],
              "unit": "percent",
              "kpi_overrides": {"aht": {"display_name": "Bot handle time",
                                        "polarity": "higher_better"}}}
    }})");
  const KpiDisplay global = c.display_for("aht", std::nullopt);
  EXPECT_EQ(global.display_name, "Handle time");
  EXPECT_EQ(global.unit, "seconds");
  EXPECT_EQ(global.polarity, "lower_better");
  EXPECT_EQ(global.card_display_value, "avg_7d");
  EXPECT_EQ(global.trend_lines, Lines{"daily"});

  const KpiDisplay bot = c.display_for("aht", "bot");
  EXPECT_EQ(bot.display_name, "Bot handle time");
  EXPECT_EQ(bot.unit, "seconds");          // kpi_overrides beats the source's unit
  EXPECT_EQ(bot.polarity, "higher_better");  // the source's KPI override beats kpi_overrides
  EXPECT_EQ(bot.card_display_value, "avg_7d");
  EXPECT_EQ(bot.trend_lines, (Lines{"avg_7d", "avg_30d"}));

  const KpiDisplay other = c.display_for("csat", "bot");
  EXPECT_EQ(other.display_name, "Csat");
  EXPECT_EQ(other.unit, "percent");
  EXPECT_EQ(other.card_display_value, "latest");
  EXPECT_EQ(c.display_for("csat", "another").card_display_value, "avg_30d");
  EXPECT_EQ(c.display_for("calls", "bot").unit, "count");

  EXPECT_EQ(c.trend_lines_for({"aht", "csat"}, std::nullopt), Lines{"daily"});
  EXPECT_EQ(c.trend_lines_for({"aht", "csat"}, "bot"), (Lines{"avg_7d", "avg_30d"}));
  EXPECT_EQ(c.trend_lines_for({"csat"}, std::nullopt), Lines{"daily"});
}

TEST(KpiConfig, VisibleKpisPerSourceThenGlobal) {
  config::SourceSettings s;
  s.visible_kpis = {"csat", "", "resolution_rate", "csat"};
  s.visible_kpis_per_source = {{"web", {"csat"}}, {"phone", {}}};
  s.raw_yaml_json = R"({"card_display_value": "avg_7d"})";
  const KpiConfig c = kpi_config_from(s);
  EXPECT_EQ(c.card_display_value, "avg_7d");
  EXPECT_EQ(c.visible_for(std::nullopt), (Lines{"csat", "resolution_rate"}));
  EXPECT_EQ(c.visible_for("web"), Lines{"csat"});
  EXPECT_EQ(c.visible_for("phone"), (Lines{"csat", "resolution_rate"}));
  EXPECT_EQ(c.visible_for("unknown"), (Lines{"csat", "resolution_rate"}));
}

TEST(KpiConfig, ReadFromKpiDbYaml) {
  config::testing::ConfigSandbox box;
  box.yaml("kpi_db.yaml", R"(kpi_db:
  visible_kpis: [b_kpi, a_kpi]
  card_display_value: avg_7d
  trend_lines: [avg_30d, weekly]
  kpi_overrides:
    a_kpi: {unit: count, polarity: lower_better, display_name: A}
    b_kpi: {unit: litres}
  categories:
    zeta: {display_name: Zeta, icon: Timer}
    alpha: {}
  composition_charts:
    - title: Mix
      kpis: [{kpi_name: a_kpi, label: A, color: "#111111"}, b_kpi]
      show_remainder: true
)");
  const KpiConfig c = kpi_config_from(box.load().kpi_db);
  EXPECT_EQ(c.visible_kpis, (Lines{"b_kpi", "a_kpi"}));
  EXPECT_EQ(c.card_display_value, "avg_7d");
  EXPECT_EQ(c.trend_lines, Lines{"avg_30d"});
  EXPECT_EQ(c.display_for("a_kpi", std::nullopt).unit, "count");
  EXPECT_EQ(c.display_for("b_kpi", std::nullopt).unit, "score");
  ASSERT_EQ(c.categories.size(), 2u);
  EXPECT_EQ(c.categories[0].slug, "zeta");
  EXPECT_EQ(c.categories[0].icon, "Timer");
  EXPECT_EQ(c.categories[1].display_name, "Alpha");
  ASSERT_EQ(c.composition_charts.size(), 1u);
  EXPECT_TRUE(c.composition_charts[0].show_remainder);
  EXPECT_EQ(c.composition_charts[0].kpis[1].label, "b_kpi");
}

}  // namespace
}  // namespace axis::kpi
