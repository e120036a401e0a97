#include "kpi/kpi_service.h"

#include <algorithm>
#include <map>

#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/result.h"
#include "store/sql_text.h"
#include "store/store.h"
#include "util/title_case.h"

namespace axis::kpi {
namespace {

// Sorts names by their position in `order` (names not in it last), then by name.
void sort_by_order(std::vector<std::string>& names, const std::vector<std::string>& order) {
  auto rank = [&](const std::string& n) {
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), n) - order.begin());
  };
  std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    const auto ra = rank(a), rb = rank(b);
    return ra != rb ? ra < rb : a < b;
  });
}

struct KpiFacts {
  std::string category;  // the most frequent non-null kpi_category
  std::int64_t records = 0;
};

std::map<std::string, KpiFacts> kpi_facts(store::Connection& conn, const RowsQuery& rows) {
  std::map<std::string, KpiFacts> facts;
  conn.query("SELECT kpi_name, kpi_category, count(*) AS n FROM " + rows.sql +
                 " GROUP BY kpi_name, kpi_category"
                 " ORDER BY kpi_name, kpi_category IS NULL, n DESC, kpi_category",
             rows.values)
      .for_each_row([&](const std::vector<std::optional<std::string>>& row) {
        auto [it, first] = facts.try_emplace(row[0].value_or(""));
        if (first) it->second.category = row[1].value_or(kUncategorized);
        it->second.records += store::cell_int(row[2]);
      });
  return facts;
}

KpiCard card(const KpiSeries& s, const KpiDisplay& display, std::int64_t records) {
  const DailyPoint& last = s.points.back();
  KpiCard c;
  c.kpi_name = s.kpi_name;
  c.display_name = display.display_name;
  c.card_display_value = display.card_display_value;
  c.current_value = display.card_display_value == "avg_7d"    ? last.avg_7d
                    : display.card_display_value == "avg_30d" ? last.avg_30d
                                                              : last.value;
  c.trend_direction = trend_direction(last.avg_7d, last.avg_30d);
  c.polarity = display.polarity;
  c.unit = display.unit;
  for (const auto& p : s.points) c.sparkline.push_back({p.date, p.value});
  c.record_count = records;
  return c;
}

// Panels of the configured categories first (in configured order), then the others by slug;
// categories without a KPI are left out.
std::vector<KpiPanel> panels(const KpiConfig& config, std::map<std::string, KpiPanel> found) {
  std::vector<KpiPanel> out;
  for (const auto& c : config.categories) {
    auto it = found.find(c.slug);
    if (it == found.end()) continue;
    it->second.display_name = c.display_name;
    it->second.icon = c.icon;
    out.push_back(std::move(it->second));
    found.erase(it);
  }
  for (auto& [slug, panel] : found) out.push_back(std::move(panel));
  return out;
}

std::vector<std::string> distinct(store::Connection& conn, const RowsQuery& rows,
                                  const std::string& column) {
  std::vector<std::string> out;
  conn.query("SELECT DISTINCT " + column + " FROM " + rows.sql + " WHERE " + column +
                 " IS NOT NULL ORDER BY " + column,
             rows.values)
      .for_each_row([&](const auto& row) { out.push_back(row[0].value_or("")); });
  return out;
}

// What every view starts from: the dataset (none = empty views), a connection and the checked
// time window.
struct View {
  std::optional<datasets::DatasetInfo> dataset;
  store::ConnectionPool::Lease conn;
  monitoring::TimeRange range;
};

View open_view(const datasets::DatasetCatalog& catalog, const KpiFilters& filters) {
  auto dataset = kpi_dataset(catalog, filters.dataset_id);  // before leasing: it takes its own
  auto conn = catalog.store().connection();
  monitoring::TimeRange range = kpi_time_range(*conn, filters);
  return {std::move(dataset), std::move(conn), std::move(range)};
}

}  // namespace

std::vector<std::string> KpiService::kpis_in_view(const KpiFilters& filters) const {
  if (!filters.kpi_names.empty()) return filters.kpi_names;
  return config_.visible_for(filters.source_name);
}

DailyRule KpiService::daily_rule(const std::optional<std::string>& source) const {
  DailyRule rule;
  std::vector<std::string> named;
  for (const auto& [kpi, o] : config_.kpi_overrides) named.push_back(kpi);
  const SourceDisplay* per_source = nullptr;
  if (source) {
    const auto it = config_.display_per_source.find(*source);
    if (it != config_.display_per_source.end()) {
      per_source = &it->second;
      for (const auto& [kpi, o] : per_source->kpi_overrides) named.push_back(kpi);
    }
  }
  for (const auto& kpi : named) {
    auto& list = config_.display_for(kpi, source).unit == "count" ? rule.summed : rule.averaged;
    if (std::find(list.begin(), list.end(), kpi) == list.end()) list.push_back(kpi);
  }
  rule.sum_others = per_source && per_source->options.unit == "count";
  return rule;
}

KpiCategories KpiService::categories(const KpiFilters& filters) const {
  View view = open_view(catalog_, filters);
  KpiCategories out;
  if (!view.dataset) return out;
  const std::vector<std::string> kpis = kpis_in_view(filters);
  const RowsQuery rows = filtered_rows(*view.dataset, filters, view.range, kpis);

  auto dates = view.conn
                   ->query("SELECT strftime(min(ts), '%Y-%m-%d'), strftime(max(ts), '%Y-%m-%d')"
                           " FROM " + rows.sql,
                           rows.values)
                   .rows();
  out.min_date = dates.at(0)[0];
  out.max_date = dates.at(0)[1];

  const auto facts = kpi_facts(*view.conn, rows);
  const std::vector<KpiSeries> series =
      daily_series(*view.conn, rows, daily_rule(filters.source_name), 30);
  std::vector<std::string> names;
  for (const auto& s : series) names.push_back(s.kpi_name);
  sort_by_order(names, kpis);

  std::map<std::string, KpiPanel> found;
  for (const std::string& name : names) {
    const auto& s = *std::find_if(series.begin(), series.end(),
                                  [&](const KpiSeries& x) { return x.kpi_name == name; });
    const KpiFacts& f = facts.at(name);
    auto [it, created] = found.try_emplace(f.category);
    if (created) it->second = {f.category, util::title_case(f.category), "BarChart3", {}};
    it->second.kpis.push_back(card(s, config_.display_for(name, filters.source_name), f.records));
  }
  out.panels = panels(config_, std::move(found));
  return out;
}

KpiTrends KpiService::trends(const KpiFilters& filters) const {
  View view = open_view(catalog_, filters);
  KpiTrends out;
  const std::vector<std::string> kpis = kpis_in_view(filters);
  if (view.dataset) {
    const RowsQuery rows = filtered_rows(*view.dataset, filters, view.range, kpis);
    for (const auto& s : daily_series(*view.conn, rows, daily_rule(filters.source_name))) {
      if (filters.kpi_names.empty()) out.kpi_names.push_back(s.kpi_name);
      for (const auto& p : s.points) {
        out.data.push_back({p.date, s.kpi_name, p.value, p.avg_7d, p.avg_30d, p.count});
      }
    }
  }
  if (filters.kpi_names.empty()) sort_by_order(out.kpi_names, kpis);
  else out.kpi_names = filters.kpi_names;
  out.trend_lines = config_.trend_lines_for(out.kpi_names, filters.source_name);
  return out;
}

KpiFilterOptions KpiService::filter_options(const KpiFilters& filters) const {
  View view = open_view(catalog_, filters);
  KpiFilterOptions out;
  out.kpi_order = config_.visible_for(filters.source_name);
  out.composition_charts = config_.composition_charts;
  if (!view.dataset) return out;
  // Each list is narrowed by every filter but its own, so the other choices stay visible.
  const std::vector<std::string> kpis = kpis_in_view(filters);
  const auto facet = [&](const std::string& column) {
    const bool own = column == "kpi_name";
    const auto& only = own ? out.kpi_order : kpis;
    return distinct(*view.conn, filtered_rows(*view.dataset, filters, view.range, only, column),
                    column);
  };
  out.source_names = facet("source_name");
  out.environments = facet("environment");
  out.kpi_categories = facet("kpi_category");
  out.kpi_names = facet("kpi_name");
  out.source_types = facet("source_type");
  out.segments = facet("segment");
  return out;
}

}  // namespace axis::kpi
