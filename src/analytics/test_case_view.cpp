#include "analytics/test_case_view.h"

#include <algorithm>

#include "analytics/eval_dataset.h"
#include "analytics/summary_tables.h"
#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/json_rows.h"
#include "store/sql_text.h"
#include "store/store.h"

namespace axis::analytics {
namespace {

// A JSON path naming one top-level key exactly ($."key", quotes escaped).
std::string key_path(const std::string& key) {
  std::string path = "$.\"";
  for (char ch : key) {
    if (ch == '"' || ch == '\\') path += '\\';
    path += ch;
  }
  return path + "\"";
}

const char* kScalarTypes = "('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')";

// "WITH m AS (…), k AS (…)": m holds every case once (dataset_id, query, metadata of its first
// row, first_row), k the cases passing the metadata filters and the search. Binds `values`.
struct MatchingCases {
  std::string with;
  std::vector<store::Value> values;
};

MatchingCases matching_cases(const std::string& cases, const TestCasesQuery& q) {
  store::SqlWhere where;
  for (const auto& [key, accepted] : q.metadata) {
    if (accepted.empty()) continue;
    std::vector<store::Value> values = {key_path(key)};
    for (const auto& v : accepted) values.emplace_back(v);
    where.add("json_extract_string(metadata, ?) IN (" + store::placeholders(accepted.size()) + ")",
              values);
  }
  if (q.search && !q.search->empty()) {
    where.add("contains(lower(dataset_id), lower(?)) OR contains(lower(query), lower(?))",
              {*q.search, *q.search});
  }
  return {"WITH m AS (SELECT dataset_id, arg_min(query, first_row) AS query,"
          " arg_min(metadata, first_row) AS metadata, min(first_row) AS first_row FROM " + cases +
              " WHERE dataset_id IS NOT NULL GROUP BY dataset_id), k AS (SELECT * FROM m" +
              where.sql() + ")",
          where.values()};
}

double number(const std::optional<std::string>& cell) { return store::cell_double(cell); }

void read_spread(store::Connection& conn, const std::string& cases, const MatchingCases& k,
                 TestCasesPage& out) {
  std::vector<ExperimentSpread> spreads;
  conn.query(k.with + " SELECT grouping(experiment) = 1, experiment, count(*), avg(overall),"
                      " min(overall), quantile_cont(overall, 0.25), quantile_cont(overall, 0.5),"
                      " quantile_cont(overall, 0.75), max(overall) FROM " + cases +
                 " WHERE dataset_id IN (SELECT dataset_id FROM k)"
                 " GROUP BY GROUPING SETS ((experiment), ())",
             k.values)
      .for_each_row([&](const auto& row) {
        if (row[0] == "true") {
          if (store::cell_int(row[2]) > 0) out.average_score = number(row[3]);
          return;
        }
        spreads.push_back({row[1].value_or(""), store::cell_int(row[2]), number(row[3]),
                           number(row[4]), number(row[5]), number(row[6]), number(row[7]),
                           number(row[8])});
      });
  for (const std::string& e : out.experiments) {
    auto it = std::find_if(spreads.begin(), spreads.end(),
                           [&](const ExperimentSpread& s) { return s.experiment == e; });
    if (it == spreads.end()) continue;
    out.distribution.push_back(*it);
    if (!out.leading_score || it->mean > *out.leading_score) {
      out.leading_experiment = it->experiment;
      out.leading_score = it->mean;
    }
  }
}

void read_metadata(store::Connection& conn, const std::string& cases, TestCasesPage& out) {
  const std::string path = "'$.\"' || replace(replace(key, '\\', '\\\\'), '\"', '\\\"') || '\"'";
  conn.query("WITH m AS (SELECT dataset_id, arg_min(metadata, first_row) AS metadata FROM " +
                 cases + " WHERE dataset_id IS NOT NULL GROUP BY dataset_id),"
                 " kv AS (SELECT key, json_extract_string(metadata, " + path + ") AS value FROM"
                 " (SELECT metadata, unnest(json_keys(metadata)) AS key FROM m WHERE metadata IS"
                 " NOT NULL) WHERE json_type(metadata, " + path + ") IN " + kScalarTypes + "),"
                 " agg AS (SELECT key, value, count(*) AS n FROM kv GROUP BY key, value),"
                 " ranked AS (SELECT key, value, n, sum(n) OVER (PARTITION BY key) AS kn,"
                 " row_number() OVER (PARTITION BY key ORDER BY n DESC, value) AS vr FROM agg)"
                 " SELECT key, value, n FROM ranked WHERE vr <= ? QUALIFY"
                 " dense_rank() OVER (ORDER BY kn DESC, key) <= ? ORDER BY kn DESC, key, vr",
             {static_cast<std::int64_t>(TestCaseView::kMaxValues),
              static_cast<std::int64_t>(TestCaseView::kMaxKeys)})
      .for_each_row([&](const auto& row) {
        const std::string key = row[0].value_or("");
        if (out.metadata.empty() || out.metadata.back().key != key) out.metadata.push_back({key, {}});
        out.metadata.back().values.emplace_back(row[1].value_or(""), store::cell_int(row[2]));
      });
}

}  // namespace

TestCasesPage TestCaseView::page(const TestCasesQuery& q) const {
  const EvalDataset d = EvalDataset::open(catalog_, q.dataset_id);
  const SummaryTableNames names = summaries_.ensure(d);
  auto conn = catalog_.store().connection();
  TestCasesPage out;
  out.page = q.page;
  out.page_size = q.page_size;
  out.experiments = list_experiments(*conn, names);
  out.experiment_count = static_cast<std::int64_t>(out.experiments.size());
  if (out.experiments.size() > kMaxColumns) out.experiments.resize(kMaxColumns);

  const MatchingCases k = matching_cases(names.cases, q);
  out.test_cases = store::cell_int(conn->query(k.with + " SELECT count(*) FROM k", k.values).scalar());
  read_spread(*conn, names.cases, k, out);
  read_metadata(*conn, names.cases, out);

  std::vector<store::Value> values = k.values;
  values.emplace_back(q.page_size);
  values.emplace_back(store::page_offset(q.page, q.page_size));
  std::string scores;
  for (const std::string& e : out.experiments) {
    scores += std::string(scores.empty() ? "" : ", ") + "max(c.overall) FILTER (WHERE c.experiment = ?)";
    values.emplace_back(e);
  }
  store::write_rows_json(
      *conn,
      k.with + ", kp AS (SELECT * FROM k ORDER BY first_row LIMIT ? OFFSET ?)"
               " SELECT kp.dataset_id, any_value(kp.query) AS query, [" + scores +
          "]::DOUBLE[] AS scores, max(c.overall) - min(c.overall) AS spread FROM kp JOIN " +
          names.cases + " c ON c.dataset_id = kp.dataset_id GROUP BY kp.dataset_id"
                        " ORDER BY min(kp.first_row)",
      values, [&](std::string_view piece) { out.cases_json.append(piece); });
  return out;
}

}  // namespace axis::analytics
