// CaseService: the case views of the Human Signals page, as SQL over a dataset's cases table —
// a filtered, searched, sorted page of cases, every chart's figures over all the matching cases,
// and the values each filter offers. The figures follow what the page computed in the browser
// from the cases it had loaded (see case_values.h), now over every case.
// Thread-safe; every call blocks (queries on one leased store connection).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/settings.h"
#include "datasets/catalog.h"
#include "signals/case_selection.h"
#include "signals/signal_kpis.h"

namespace axis::signals {

struct CasePage {
  std::string data;        // JSON array text of the page's cases, rows as stored
  std::int64_t total = 0;  // the cases matching the selection
};

// One value of a field with the number of matching cases holding it (once per case).
struct ValueCount {
  std::string name;
  std::int64_t count = 0;
  double rate = 0;  // 100 · count / matching cases; 0 when none match
};

struct TruthyRate {
  std::int64_t count = 0;  // matching cases whose field is truthy (case_truthy_sql)
  std::int64_t total = 0;  // matching cases
  double rate = 0;         // 100 · count / total; 0 when none match
};

struct CaseFigures {
  std::string dataset_id;
  std::int64_t total = 0;      // the cases matching the selection
  std::int64_t all_cases = 0;  // every case of the dataset
  // For each field a chart of display_config.chart_sections reads (first chart first): its
  // values, most cases first, then by name (name_order_sql); at most the longest list a chart
  // of the field shows (text_list: limit or 15, ranked_list: limit or 8, other charts:
  // kMaxFigureRows). Fields of single_stat charts only have a rate. A field that is not a
  // column has no values.
  std::vector<std::pair<std::string, std::vector<ValueCount>>> distributions;
  std::vector<std::pair<std::string, TruthyRate>> rates;  // fields of single_stat charts
};

// The KPI strip's figures per week over the matching cases (compute_kpi_trends).
struct SignalTrends {
  std::string dataset_id;
  KpiTrends figures;
};

struct FilterOptions {
  std::string dataset_id;
  // For each filter of display_config.filters (its field: `field` for source filters, else
  // "<metric>__<signal>"): the configured options when there are any (JSON text of that
  // array), else the distinct values every case holds (case_values_sql), sorted by code point,
  // at most kMaxFigureRows.
  std::vector<std::pair<std::string, std::string>> options;
};

// The most values a distribution without a list limit, or a filter, lists.
constexpr std::int64_t kMaxFigureRows = 1000;

class CaseService {
 public:
  CaseService(const datasets::DatasetCatalog& catalog, const config::Settings& settings)
      : catalog_(catalog), settings_(settings) {}

  // Cases [offset, offset + limit) of `cases` (SignalsView::cases: the cases table and its
  // columns) matching `selection`, in `sort` order (table order without one). HttpError 422
  // for a field that is not a column (check_case_fields).
  CasePage page(const datasets::DatasetInfo& cases, const CaseSelection& selection,
                const std::optional<CaseSort>& sort, std::int64_t offset,
                std::int64_t limit) const;

  // The chart figures of dataset `dataset_id` (the newest when empty; 404s as
  // SignalsService::view) over the cases matching `selection`; 422 as page().
  CaseFigures figures(const std::string& dataset_id, const CaseSelection& selection) const;
  // Every KPI strip figure per week (the cases' Timestamp, Monday-based weeks in UTC) over the
  // matching cases; undated cases are left out. Same 404s and 422s as figures.
  SignalTrends trends(const std::string& dataset_id, const CaseSelection& selection) const;

  // The values each filter of the dataset's layout offers, over all its cases.
  FilterOptions filter_options(const std::string& dataset_id) const;

 private:
  const datasets::DatasetCatalog& catalog_;
  const config::Settings& settings_;
};

}  // namespace axis::signals
