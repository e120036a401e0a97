#include "analytics/comparison_service.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>

#include "analytics/compared_cases.h"
#include "analytics/eval_dataset.h"
#include "analytics/summary_tables.h"
#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/json_rows.h"
#include "store/sql_text.h"
#include "store/store.h"

namespace axis::analytics {
namespace {

// Agreement per pair by joining the cases of every two experiments: slower than the bit sets
// below, and used only when there are more experiments than bits.
std::vector<AgreementPair> agreement_by_join(store::Connection& conn,
                                             const SummaryTableNames& names,
                                             std::vector<AgreementPair> pairs) {
  std::map<std::pair<std::string, std::string>, AgreementPair*> index;
  for (AgreementPair& p : pairs) index[{p.model1, p.model2}] = &p;
  conn.execute("SELECT a.experiment, b.experiment,"
               " CAST(count_if(a.overall >= 0.5 AND b.overall >= 0.5) AS BIGINT),"
               " CAST(count_if(a.overall < 0.5 AND b.overall < 0.5) AS BIGINT),"
               " CAST(count_if(a.overall >= 0.5 AND b.overall < 0.5) AS BIGINT),"
               " CAST(count_if(a.overall < 0.5 AND b.overall >= 0.5) AS BIGINT), count(*) FROM " +
               names.cases + " a JOIN " + names.cases +
               " b ON a.dataset_id = b.dataset_id AND a.experiment <> b.experiment GROUP BY 1, 2")
      .for_each_row([&](const auto& row) {
        auto it = index.find({row[0].value_or(""), row[1].value_or("")});
        if (it == index.end()) return;
        AgreementPair& p = *it->second;
        p.both_pass = store::cell_int(row[2]);
        p.both_fail = store::cell_int(row[3]);
        p.model1_only = store::cell_int(row[4]);
        p.model2_only = store::cell_int(row[5]);
        p.total = store::cell_int(row[6]);
        p.rate = p.total > 0 ? static_cast<double>(p.both_pass + p.both_fail) / p.total : 0.0;
      });
  return pairs;
}

}  // namespace

ModelComparison ComparisonService::compare(const ExperimentChoice& choice) const {
  const EvalDataset d = EvalDataset::open(catalog_, choice.dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  ModelComparison out;
  out.experiments = list_experiments(*conn, names);
  const ExperimentPair pair = choose_pair(out.experiments, choice);
  out.baseline = pair.baseline;
  out.challenger = pair.challenger;

  struct Sides {
    stats::SampleStats baseline, challenger;
    std::int64_t first_row = std::numeric_limits<std::int64_t>::max();
  };
  std::map<std::string, Sides> by_metric;
  conn->query("SELECT metric_name, experiment, mean, std, n, first_row FROM " + names.metrics +
                  " WHERE NOT all_experiments AND experiment IN (?, ?)",
              {pair.baseline, pair.challenger})
      .for_each_row([&](const std::vector<std::optional<std::string>>& row) {
        Sides& s = by_metric[row[0].value_or("")];
        const stats::SampleStats side{store::cell_double(row[2]), store::cell_double(row[3]), store::cell_int(row[4])};
        if (row[1] == pair.baseline) s.baseline = side;
        if (row[1] == pair.challenger) s.challenger = side;
        s.first_row = std::min(s.first_row, store::cell_int(row[5]));
      });
  std::vector<std::pair<std::int64_t, std::string>> order;
  for (const auto& [name, sides] : by_metric) order.emplace_back(sides.first_row, name);
  std::sort(order.begin(), order.end());
  for (const auto& [first_row, name] : order) {
    const Sides& s = by_metric[name];
    out.metrics.push_back(compare_metric(name, s.baseline, s.challenger));
  }
  out.summary = summarize_comparison(out.metrics);
  return out;
}

CompareCasesPage ComparisonService::compare_cases(const CompareCasesQuery& q) const {
  const EvalDataset d = EvalDataset::open(catalog_, q.choice.dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  const ExperimentPair pair = choose_pair(list_experiments(*conn, names), q.choice);
  CaseListSql list = case_list_sql(names.cases, pair, q);
  std::vector<store::Value> values = list.values;
  for (const auto& v : list.search.values()) values.push_back(v);

  CompareCasesPage page;
  page.page = q.page;
  page.page_size = q.page_size;
  conn->query(list.with + " SELECT winner, count(*) FROM q" + list.search.sql() + " GROUP BY winner",
              values)
      .for_each_row([&](const auto& row) {
        const std::int64_t n = store::cell_int(row[1]);
        if (row[0] == "Baseline") page.baseline = n;
        else if (row[0] == "Challenger") page.challenger = n;
        else page.tie = n;
      });
  page.total = page.baseline + page.challenger + page.tie;
  if (q.winner) {
    list.search.add("winner = ?", {*q.winner});
    values.emplace_back(*q.winner);
    page.total = *q.winner == "Baseline" ? page.baseline
                 : *q.winner == "Challenger" ? page.challenger : page.tie;
  }
  values.emplace_back(q.page_size);
  values.emplace_back(store::page_offset(q.page, q.page_size));
  store::write_rows_json(*conn,
                         list.with + " SELECT dataset_id, query, baseline_score, challenger_score,"
                                     " diff, winner FROM q" + list.search.sql() + " ORDER BY " +
                                     list.order + " LIMIT ? OFFSET ?",
                         values, [&](std::string_view piece) { page.cases_json.append(piece); });
  return page;
}

WinLoss ComparisonService::win_loss(const std::string& dataset_id) const {
  const EvalDataset d = EvalDataset::open(catalog_, dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  WinLoss out;
  conn->execute("SELECT experiment, all_experiments, wins, ties, cases_compared FROM " +
                names.experiments + " ORDER BY all_experiments, first_row")
      .for_each_row([&](const auto& row) {
        if (row[1] == "true") {
          out.ties = store::cell_int(row[3]);
          out.cases_compared = store::cell_int(row[4]);
          return;
        }
        out.experiments.push_back(row[0].value_or(""));
        out.wins.emplace_back(row[0].value_or(""), store::cell_int(row[2]));
      });
  return out;
}

std::vector<AgreementPair> ComparisonService::agreement(const std::string& dataset_id) const {
  const EvalDataset d = EvalDataset::open(catalog_, dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  const std::vector<std::string> experiments = list_experiments(*conn, names);
  std::vector<AgreementPair> out;
  for (std::size_t i = 0; i < experiments.size(); ++i) {
    for (std::size_t j = i + 1; j < experiments.size(); ++j) {
      out.push_back({experiments[i], experiments[j]});
    }
  }
  if (out.empty()) return out;
  // Each case as two bit sets over the experiments (index = first-seen order): where it was
  // scored and where it passed. Cases sharing both sets are counted once, then every pair is
  // tallied from those few patterns. Needs at most 64 experiments.
  if (experiments.size() > 64) return agreement_by_join(*conn, names, out);
  std::vector<std::pair<std::uint64_t, std::uint64_t>> patterns;
  std::vector<std::int64_t> counts;
  conn->execute("WITH x AS (SELECT experiment, CAST(row_number() OVER (ORDER BY first_row) - 1"
                " AS UBIGINT) AS idx FROM " + names.experiments + " WHERE NOT all_experiments)"
                " SELECT present, passed, count(*) FROM (SELECT"
                " CAST(bit_or(CAST(1 AS UBIGINT) << idx) AS UBIGINT) AS present,"
                " CAST(bit_or(CASE WHEN overall >= 0.5 THEN CAST(1 AS UBIGINT) << idx ELSE"
                " CAST(0 AS UBIGINT) END) AS UBIGINT) AS passed FROM " + names.cases +
                " JOIN x USING (experiment) WHERE dataset_id IS NOT NULL GROUP BY dataset_id)"
                " GROUP BY present, passed")
      .for_each_row([&](const auto& row) {
        patterns.emplace_back(std::stoull(row[0].value_or("0")), std::stoull(row[1].value_or("0")));
        counts.push_back(store::cell_int(row[2]));
      });
  std::size_t k = 0;
  for (std::size_t i = 0; i < experiments.size(); ++i) {
    for (std::size_t j = i + 1; j < experiments.size(); ++j, ++k) {
      AgreementPair& p = out[k];
      const std::uint64_t a = std::uint64_t{1} << i;
      const std::uint64_t b = std::uint64_t{1} << j;
      for (std::size_t c = 0; c < patterns.size(); ++c) {
        const auto [present, passed] = patterns[c];
        if (!(present & a) || !(present & b)) continue;
        const bool pass1 = passed & a;
        const bool pass2 = passed & b;
        (pass1 && pass2 ? p.both_pass : !pass1 && !pass2 ? p.both_fail
                                        : pass1           ? p.model1_only
                                                          : p.model2_only) += counts[c];
        p.total += counts[c];
      }
      p.rate = p.total > 0 ? static_cast<double>(p.both_pass + p.both_fail) / p.total : 0.0;
    }
  }
  return out;
}

}  // namespace axis::analytics
