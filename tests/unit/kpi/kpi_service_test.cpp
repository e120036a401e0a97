// KPI views over a small hand-made dataset (times at 10:00 UTC):
//   up        quality  bot    prod     retail  1..10 on Jan 1 2 3 5 6 8 9 10 12 15 (gaps)
//   down      quality  bot    prod     retail  10..1 on the same days
//   calls     ops      bot    prod             3 and 5 on Jan 1, 4 on Jan 2
//   long      alpha    other  prod             1..35 on Jan 1 .. Feb 4 (one a day)
//   flat_zero zeta     other  prod             0 on Jan 1, 2, 3
//   nocat     (none)   bot    staging          7 on Jan 4
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "config/settings.h"
#include "kpi/kpi_service.h"
#include "kpi_fixture.h"
#include "util/http_error.h"

namespace axis::kpi {
namespace {

using testing::KpiFixture;
using Texts = std::vector<std::string>;

std::string day(int offset) {  // 2024-01-01 + offset days (January and February only)
  const int month = offset < 31 ? 1 : 2, day_of_month = offset < 31 ? offset + 1 : offset - 30;
  return "2024-0" + std::to_string(month) + (day_of_month < 10 ? "-0" : "-") +
         std::to_string(day_of_month);
}

std::string fixture_csv() {
  std::string csv =
      "id,created_at,source_name,source_type,kpi_name,kpi_category,numeric_value,environment,"
      "segment\n";
  int id = 0;
  auto row = [&](const std::string& date, const std::string& source, const std::string& kpi,
                 const std::string& category, double value, const std::string& env = "prod",
                 const std::string& segment = "") {
    char v[32];
    std::snprintf(v, sizeof v, "%g", value);
    csv += "r" + std::to_string(++id) + "," + date + "T10:00:00Z," + source + ",agent," + kpi +
           "," + category + "," + v + "," + env + "," + segment + "\n";
  };
  const int gappy[] = {0, 1, 2, 4, 5, 7, 8, 9, 11, 14};
  for (int i = 0; i < 10; ++i) {
    row(day(gappy[i]), "bot", "up", "quality", i + 1, "prod", "retail");
    row(day(gappy[i]), "bot", "down", "quality", 10 - i, "prod", "retail");
  }
  row(day(0), "bot", "calls", "ops", 3);
  row(day(0), "bot", "calls", "ops", 5);
  row(day(1), "bot", "calls", "ops", 4);
  for (int i = 0; i < 35; ++i) row(day(i), "other", "long", "alpha", i + 1);
  for (int i = 0; i < 3; ++i) row(day(i), "other", "flat_zero", "zeta", 0);
  row(day(3), "bot", "nocat", "", 7, "staging");
  return csv;
}

class KpiServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { dataset_id = fixture.load(fixture_csv()).dataset.id; }

  KpiService service(const KpiConfig& c) {
    config = c;
    return KpiService(fixture.catalog(), config);
  }

  KpiFixture fixture;
  KpiConfig config;
  std::string dataset_id;
};

const KpiCard* find_card(const KpiCategories& c, const std::string& kpi) {
  for (const auto& p : c.panels) {
    for (const auto& k : p.kpis) {
      if (k.kpi_name == kpi) return &k;
    }
  }
  return nullptr;
}

TEST(KpiTrend, DirectionFromTheSevenAndThirtyDayMeans) {
  EXPECT_EQ(trend_direction(1.06, 1.0), "up");
  EXPECT_EQ(trend_direction(1.04, 1.0), "flat");
  EXPECT_EQ(trend_direction(0.96, 1.0), "flat");
  EXPECT_EQ(trend_direction(0.94, 1.0), "down");
  EXPECT_EQ(trend_direction(5.0, 0.0), "flat");
  EXPECT_EQ(trend_direction(-0.5, -1.0), "up");  // rel = 0.5 / |−1|
  EXPECT_EQ(trend_direction(-1.5, -1.0), "down");
}

TEST_F(KpiServiceTest, CountKpisSumTheirDayOthersAverage) {
  KpiFilters f;
  f.kpi_names = {"calls"};
  KpiTrends averaged = service({}).trends(f);
  ASSERT_EQ(averaged.data.size(), 2u);
  EXPECT_DOUBLE_EQ(averaged.data[0].value, 4);
  EXPECT_DOUBLE_EQ(averaged.data[1].value, 4);

  const KpiTrends summed = service(parse_kpi_display(
      R"({"kpi_overrides": {"calls": {"unit": "count"}}})")).trends(f);
  ASSERT_EQ(summed.data.size(), 2u);
  EXPECT_EQ(summed.data[0].date, "2024-01-01");
  EXPECT_EQ(summed.data[0].kpi_name, "calls");
  EXPECT_DOUBLE_EQ(summed.data[0].value, 8);
  EXPECT_DOUBLE_EQ(summed.data[0].avg_7d, 8);
  EXPECT_EQ(summed.data[0].count, 2);
  EXPECT_EQ(summed.data[1].date, "2024-01-02");
  EXPECT_DOUBLE_EQ(summed.data[1].value, 4);
  EXPECT_DOUBLE_EQ(summed.data[1].avg_7d, 6);
  EXPECT_DOUBLE_EQ(summed.data[1].avg_30d, 6);
  EXPECT_EQ(summed.data[1].count, 1);
  EXPECT_EQ(summed.kpi_names, Texts{"calls"});
  EXPECT_EQ(summed.trend_lines, (Texts{"daily", "avg_7d", "avg_30d"}));

  // A source whose display options make every KPI a count.
  f.source_name = "bot";
  const KpiTrends by_source = service(parse_kpi_display(
      R"({"display_per_source": {"bot": {"unit": "count"}}})")).trends(f);
  EXPECT_DOUBLE_EQ(by_source.data[0].value, 8);
}

TEST_F(KpiServiceTest, RollingMeansUseDailyRowsNotCalendarDays) {
  KpiFilters f;
  f.kpi_names = {"up"};
  const KpiTrends t = service({}).trends(f);
  ASSERT_EQ(t.data.size(), 10u);
  const Texts dates = {"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-05", "2024-01-06",
                       "2024-01-08", "2024-01-09", "2024-01-10", "2024-01-12", "2024-01-15"};
  const double avg7[] = {1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7};
  for (std::size_t k = 0; k < 10; ++k) {
    EXPECT_EQ(t.data[k].date, dates[k]);
    EXPECT_DOUBLE_EQ(t.data[k].value, static_cast<double>(k + 1));
    EXPECT_DOUBLE_EQ(t.data[k].avg_7d, avg7[k]) << k;
    EXPECT_DOUBLE_EQ(t.data[k].avg_30d, (k + 2) / 2.0) << k;
    EXPECT_EQ(t.data[k].count, 1);
  }
  // Thirty rows back for `long`: the last row averages 6..35, its last seven 29..35.
  f.kpi_names = {"long"};
  const KpiTrends l = service({}).trends(f);
  ASSERT_EQ(l.data.size(), 35u);
  EXPECT_EQ(l.data.back().date, "2024-02-04");
  EXPECT_DOUBLE_EQ(l.data.back().avg_30d, 20.5);
  EXPECT_DOUBLE_EQ(l.data.back().avg_7d, 32);
}

TEST_F(KpiServiceTest, CardsShowTrendSparklineAndCount) {
  const KpiCategories c = service({}).categories({});
  const KpiCard* up = find_card(c, "up");
  ASSERT_NE(up, nullptr);
  EXPECT_EQ(up->display_name, "Up");
  EXPECT_DOUBLE_EQ(up->current_value, 10);
  EXPECT_EQ(up->card_display_value, "latest");
  EXPECT_EQ(up->trend_direction, "up");  // (7 − 5.5) / 5.5
  EXPECT_EQ(up->polarity, "higher_better");
  EXPECT_EQ(up->unit, "score");
  EXPECT_EQ(up->record_count, 10);
  ASSERT_EQ(up->sparkline.size(), 10u);
  EXPECT_EQ(up->sparkline[3].date, "2024-01-05");
  EXPECT_DOUBLE_EQ(up->sparkline[3].value, 4);

  EXPECT_EQ(find_card(c, "down")->trend_direction, "down");      // (4 − 5.5) / 5.5
  EXPECT_EQ(find_card(c, "flat_zero")->trend_direction, "flat");  // avg_30d = 0
  EXPECT_EQ(find_card(c, "nocat")->trend_direction, "flat");
  const KpiCard* l = find_card(c, "long");
  EXPECT_EQ(l->trend_direction, "up");
  EXPECT_EQ(l->record_count, 35);
  ASSERT_EQ(l->sparkline.size(), 30u);
  EXPECT_EQ(l->sparkline.front().date, "2024-01-06");
  EXPECT_DOUBLE_EQ(l->sparkline.front().value, 6);
  EXPECT_EQ(l->sparkline.back().date, "2024-02-04");
  EXPECT_DOUBLE_EQ(l->sparkline.back().value, 35);
  EXPECT_EQ(c.min_date, "2024-01-01");
  EXPECT_EQ(c.max_date, "2024-02-04");
}

TEST_F(KpiServiceTest, CardDisplayValueVariants) {
  EXPECT_DOUBLE_EQ(find_card(service(parse_kpi_display(R"({"card_display_value": "avg_7d"})"))
                                 .categories({}), "up")->current_value, 7);
  const KpiConfig per_kpi = parse_kpi_display(R"({
      "kpi_overrides": {"up": {"card_display_value": "avg_30d", "display_name": "Going up",
                               "unit": "percent", "polarity": "lower_better"}},
      "display_per_source": {"bot": {"card_display_value": "avg_7d"}}})");
  const KpiCategories all = service(per_kpi).categories({});
  const KpiCard* up = find_card(all, "up");
  EXPECT_DOUBLE_EQ(up->current_value, 5.5);
  EXPECT_EQ(up->card_display_value, "avg_30d");
  EXPECT_EQ(up->display_name, "Going up");
  EXPECT_EQ(up->unit, "percent");
  EXPECT_EQ(up->polarity, "lower_better");
  EXPECT_DOUBLE_EQ(find_card(all, "down")->current_value, 1);  // the source's option needs it named

  KpiFilters bot;
  bot.source_name = "bot";
  const KpiCategories for_bot = service(per_kpi).categories(bot);
  EXPECT_DOUBLE_EQ(find_card(for_bot, "down")->current_value, 4);  // avg_7d from the source
  EXPECT_DOUBLE_EQ(find_card(for_bot, "up")->current_value, 5.5);  // its own override wins
  EXPECT_EQ(find_card(for_bot, "long"), nullptr);
}

TEST_F(KpiServiceTest, PanelsConfiguredFirstThenDiscovered) {
  const KpiConfig cfg = parse_kpi_display(R"({
      "categories": {"quality": {}, "ops": {"display_name": "Operations", "icon": "Timer"},
                     "empty": {"display_name": "Nothing here"}},
      "category_order": ["ops", "empty", "quality"]})");
  const KpiCategories c = service(cfg).categories({});
  Texts slugs, names, icons;
  for (const auto& p : c.panels) {
    slugs.push_back(p.category);
    names.push_back(p.display_name);
    icons.push_back(p.icon);
  }
  EXPECT_EQ(slugs, (Texts{"ops", "quality", "alpha", "uncategorized", "zeta"}));
  EXPECT_EQ(names, (Texts{"Operations", "Quality", "Alpha", "Uncategorized", "Zeta"}));
  EXPECT_EQ(icons, (Texts{"Timer", "BarChart3", "BarChart3", "BarChart3", "BarChart3"}));
  EXPECT_EQ(c.panels[1].kpis.size(), 2u);
  EXPECT_EQ(c.panels[1].kpis[0].kpi_name, "down");
}

TEST_F(KpiServiceTest, VisibleKpisNarrowAndOrder) {
  config::SourceSettings s;
  s.visible_kpis = {"up", "down", "nocat"};
  s.visible_kpis_per_source = {{"other", {"long"}}};
  const KpiConfig cfg = kpi_config_from(s);
  KpiCategories c = service(cfg).categories({});
  ASSERT_EQ(c.panels.size(), 2u);
  EXPECT_EQ(c.panels[0].category, "quality");
  ASSERT_EQ(c.panels[0].kpis.size(), 2u);
  EXPECT_EQ(c.panels[0].kpis[0].kpi_name, "up");  // the visible_kpis order
  EXPECT_EQ(c.panels[0].kpis[1].kpi_name, "down");
  EXPECT_EQ(c.panels[1].category, "uncategorized");

  KpiFilters other;
  other.source_name = "other";
  c = service(cfg).categories(other);
  ASSERT_EQ(c.panels.size(), 1u);
  EXPECT_EQ(c.panels[0].kpis[0].kpi_name, "long");

  KpiFilters named;
  named.kpi_names = {"calls", "flat_zero"};
  const KpiTrends t = service(cfg).trends(named);
  EXPECT_EQ(t.kpi_names, (Texts{"calls", "flat_zero"}));
  EXPECT_EQ(t.data.size(), 5u);
  // Without kpi_names the trends cover the visible KPIs found, in visible order.
  EXPECT_EQ(service(cfg).trends({}).kpi_names, (Texts{"up", "down", "nocat"}));
}

TEST_F(KpiServiceTest, TimeBoundsNarrowTheRows) {
  KpiFilters f;
  f.time_start = "2024-01-05";  // a bare date: midnight UTC
  f.time_end = "2024-01-10T23:59:59";
  f.kpi_names = {"up"};
  const KpiTrends t = service({}).trends(f);
  ASSERT_EQ(t.data.size(), 5u);
  EXPECT_EQ(t.data.front().date, "2024-01-05");
  EXPECT_EQ(t.data.back().date, "2024-01-10");
  EXPECT_DOUBLE_EQ(t.data.back().avg_7d, 6);  // mean of 4..8: earlier days are out of range
  f.kpi_names.clear();
  f.time_end = "2024-01-10T09:59:59Z";
  const KpiCategories c = service({}).categories(f);
  EXPECT_EQ(c.min_date, "2024-01-05");
  EXPECT_EQ(c.max_date, "2024-01-09");
  f.time_start = "2024-01-10T12:00:00+02:00";  // 10:00 UTC; both bounds are inclusive
  f.time_end = "2024-01-10T10:00:00Z";
  EXPECT_EQ(find_card(service({}).categories(f), "up")->record_count, 1);
  f.time_end = "2024-01-10";  // midnight: before time_start
  try {
    service({}).categories(f);
    FAIL() << "an inverted range was accepted";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_STREQ(e.what(),
                 "time_start (2024-01-10T12:00:00+02:00) must not be after time_end (2024-01-10)");
  }
  f.time_start = "last tuesday";
  try {
    service({}).filter_options(f);
    FAIL() << "a bad time was accepted";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 422);
    ASSERT_EQ(e.issues().size(), 1u);
    EXPECT_EQ(e.issues()[0].loc, (Texts{"query", "time_start"}));
    EXPECT_EQ(e.issues()[0].input_json, "\"last tuesday\"");
  }
}

TEST_F(KpiServiceTest, FilterListsAreFacets) {
  const KpiConfig cfg = parse_kpi_display(
      R"({"composition_charts": [{"title": "Mix", "kpis": ["up", "down"]}]})");
  KpiFilterOptions o = service(cfg).filter_options({});
  EXPECT_EQ(o.source_names, (Texts{"bot", "other"}));
  EXPECT_EQ(o.environments, (Texts{"prod", "staging"}));
  EXPECT_EQ(o.kpi_categories, (Texts{"alpha", "ops", "quality", "zeta"}));
  EXPECT_EQ(o.kpi_names, (Texts{"calls", "down", "flat_zero", "long", "nocat", "up"}));
  EXPECT_EQ(o.source_types, Texts{"agent"});
  EXPECT_EQ(o.segments, Texts{"retail"});
  EXPECT_TRUE(o.kpi_order.empty());
  ASSERT_EQ(o.composition_charts.size(), 1u);
  EXPECT_EQ(o.composition_charts[0].kpis[1].kpi_name, "down");

  KpiFilters f;
  f.source_name = "other";
  o = service(cfg).filter_options(f);
  EXPECT_EQ(o.source_names, (Texts{"bot", "other"}));  // its own filter is not applied
  EXPECT_EQ(o.kpi_names, (Texts{"flat_zero", "long"}));
  EXPECT_EQ(o.environments, Texts{"prod"});
  EXPECT_TRUE(o.segments.empty());
}

TEST(KpiServiceEmpty, NoKpiDatasetGivesEmptyViews) {
  KpiFixture fixture;
  const KpiConfig cfg = parse_kpi_display(R"({"trend_lines": ["daily"]})");
  KpiService s(fixture.catalog(), cfg);
  const KpiCategories c = s.categories({});
  EXPECT_TRUE(c.panels.empty());
  EXPECT_FALSE(c.min_date);
  const KpiTrends t = s.trends({});
  EXPECT_TRUE(t.data.empty());
  EXPECT_EQ(t.trend_lines, Texts{"daily"});
  EXPECT_TRUE(s.filter_options({}).source_names.empty());

  KpiFilters unknown;
  unknown.dataset_id = "nope";
  try {
    s.trends(unknown);
    FAIL() << "an unknown dataset was accepted";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_STREQ(e.what(), "Dataset 'nope' not found");
  }
}

}  // namespace
}  // namespace axis::kpi
