#include "analytics/summary_tables.h"

#include <nlohmann/json.hpp>

#include "analytics/eval_dataset.h"
#include "analytics/stats.h"
#include "store/connection.h"
#include "store/sql_text.h"
#include "store/store.h"
#include "store/store_error.h"

namespace axis::analytics {
namespace {

// Bump when the layout of the summary tables changes: existing summaries are then rebuilt.
constexpr int kLayoutVersion = 3;

std::string metadata_key(const std::string& table) { return "eval_summary:" + table; }
std::string metrics_name(const std::string& table) { return "_eval_metrics_" + table; }
std::string cases_name(const std::string& table) { return "_eval_cases_" + table; }
std::string experiments_name(const std::string& table) { return "_eval_experiments_" + table; }

// The dataset's rows with the columns the summaries read, under fixed names.
std::string source_rows(const EvalDataset& d) {
  return "SELECT rowid AS row_id, " + d.text("metric_name") + " AS metric_name, " +
         d.experiment() + " AS experiment, " + d.case_id() + " AS dataset_id, " + d.score() +
         " AS score, " + d.text("parent") + " AS parent, " + d.number("weight") + " AS weight, " +
         d.text("metric_type") + " AS metric_type, " + d.text("query") + " AS query, " +
         d.text("data_metadata") + " AS data_metadata FROM " +
         d.table();
}

// The p25, median and p75 the metric tree needs come from one discrete-quantile state.
// DuckDB's quantile_disc(q) picks sorted[ceil(q·n) − 1]; the tree's p25 is sorted[floor(q·n)],
// which differs only when q·n is whole, so q is nudged just past it. The median interpolates
// between the two middle values (DuckDB quantile_cont).
constexpr double kNudge = 1e-12;

std::string metrics_sql(const EvalDataset& d, const std::string& table) {
  return "CREATE OR REPLACE TABLE " + table +
         " AS SELECT metric_name, all_experiments, experiment, n, mean, std, pop_std, min, max,"
         " q[2] + (q[3] - q[2]) * 0.5 AS median, q[1] AS p25, q[4] AS p75,"
         " n - c1 AS h0, c1 - c2 AS h1, c2 - c3 AS h2, c3 - c4 AS h3, c4 AS h4, passing,"
         " parent, weight, metric_type, first_row FROM ("
         " SELECT metric_name, grouping(experiment) = 1 AS all_experiments, experiment, " +
         metric_stats_sql() + ", coalesce(stddev_pop(score), 0) AS pop_std,"
         " quantile_disc(score, [?, ?, ?, ?]) AS q,"
         " CAST(count_if(score >= ?) AS BIGINT) AS c1, CAST(count_if(score >= ?) AS BIGINT) AS c2,"
         " CAST(count_if(score >= ?) AS BIGINT) AS c3, CAST(count_if(score >= ?) AS BIGINT) AS c4,"
         " arg_min_null(parent, row_id) AS parent, arg_min_null(weight, row_id) AS weight,"
         " arg_min_null(metric_type, row_id) AS metric_type, min(row_id) AS first_row"
         " FROM (" + source_rows(d) + ") WHERE isfinite(score) AND metric_name IS NOT NULL"
         " GROUP BY GROUPING SETS ((metric_name, experiment), (metric_name)))";
}

std::vector<store::Value> metrics_values() {
  return {0.25 + kNudge, 0.5, 0.5 + kNudge, 0.75 + kNudge, stats::score_bin_threshold(1),
          stats::score_bin_threshold(2), stats::score_bin_threshold(3),
          stats::score_bin_threshold(4)};
}

// A data_metadata cell as a JSON object: JSON text as it is, else a Python-literal dict read
// by rewriting single quotes, True, False and None (a string holding a quote is then lost);
// NULL for anything that is not an object.
std::string metadata_object_sql(const std::string& raw) {
  const std::string python =
      "regexp_replace(regexp_replace(regexp_replace(replace(" + raw +
      ", '''', '\"'), '\\bTrue\\b', 'true', 'g'), '\\bFalse\\b', 'false', 'g'),"
      " '\\bNone\\b', 'null', 'g')";
  return "CASE WHEN json_type(TRY_CAST(" + raw + " AS JSON)) = 'OBJECT' THEN TRY_CAST(" + raw +
         " AS JSON) WHEN json_type(TRY_CAST(" + python + " AS JSON)) = 'OBJECT' THEN TRY_CAST(" +
         python + " AS JSON) END";
}

std::string cases_sql(const EvalDataset& d, const std::string& table) {
  return "CREATE OR REPLACE TABLE " + table +
         " AS SELECT * EXCLUDE (raw_metadata), " + metadata_object_sql("raw_metadata") +
         " AS metadata FROM (SELECT dataset_id, experiment, coalesce(avg(s), 0) AS overall,"
         " count(s) AS n, coalesce(var_pop(s), 0) AS var_pop, min(row_id) AS first_row,"
         " arg_min(query, row_id) AS query, arg_min(data_metadata, row_id) AS raw_metadata"
         " FROM (SELECT *, CASE WHEN isfinite(score) THEN score END AS s FROM (" +
         source_rows(d) + ")) GROUP BY dataset_id, experiment) ORDER BY experiment, dataset_id";
}

// Win/loss over all experiments: the best overall score wins a case, a shared best is a tie,
// and cases seen in one experiment only are not compared.
std::string experiments_sql(const std::string& cases, const std::string& table) {
  return "CREATE OR REPLACE TABLE " + table +
         " AS WITH s AS (SELECT experiment, grouping(experiment) = 1 AS all_experiments,"
         " min(first_row) AS first_row, count(DISTINCT dataset_id) AS cases,"
         " coalesce(var_samp(overall), 0) AS score_variance FROM " + cases +
         " GROUP BY GROUPING SETS ((experiment), ())),"
         " w AS (SELECT CASE WHEN top2[1] = top2[2] THEN NULL ELSE best END AS winner,"
         " count(*) AS n FROM (SELECT max(overall, 2) AS top2, arg_max(experiment, overall) AS best"
         " FROM " + cases + " WHERE dataset_id IS NOT NULL GROUP BY dataset_id"
         " HAVING count(*) >= 2) GROUP BY 1)"
         " SELECT s.*, CAST(coalesce((SELECT sum(n) FROM w WHERE w.winner = s.experiment), 0)"
         " AS BIGINT) AS wins, CAST(CASE WHEN s.all_experiments THEN coalesce((SELECT sum(n)"
         " FROM w WHERE w.winner IS NULL), 0) ELSE 0 END AS BIGINT) AS ties,"
         " CAST(CASE WHEN s.all_experiments THEN coalesce((SELECT sum(n) FROM w), 0) ELSE 0 END"
         " AS BIGINT) AS cases_compared FROM s";
}

// Summaries whose dataset table is gone (the dataset was deleted) are dropped.
void drop_orphans(store::Connection& conn) {
  std::vector<std::string> orphans;
  conn.execute(
          "SELECT table_name FROM duckdb_tables() WHERE regexp_matches(table_name,"
          " '^_eval_(metrics|cases|experiments)_') AND regexp_replace(table_name,"
          " '^_eval_(metrics|cases|experiments)_', '')"
          " NOT IN (SELECT table_name FROM duckdb_tables())")
      .for_each_row([&](const auto& row) { orphans.push_back(row[0].value_or("")); });
  for (const std::string& name : orphans) {
    conn.execute("DROP TABLE IF EXISTS " + datasets::quote_ident(name));
  }
  conn.execute("DELETE FROM _store_metadata WHERE starts_with(table_name, 'eval_summary:') AND"
               " substr(table_name, 14) NOT IN (SELECT table_name FROM duckdb_tables())");
}

}  // namespace

std::string metric_stats_sql() {
  return "count(score) AS n, avg(score) AS mean, coalesce(stddev_samp(score), 0) AS std,"
         " min(score) AS min, max(score) AS max, CAST(count_if(score >= 0.5) AS BIGINT) AS passing";
}

void forget_summaries(store::Connection& conn, const std::string& table) {
  conn.query("DELETE FROM _store_metadata WHERE table_name = ?", {metadata_key(table)});
}

SummaryTableNames SummaryTables::ensure(const EvalDataset& dataset) {
  const std::string table = dataset.info().table_name;
  std::int64_t rows = 0;
  {
    auto conn = store_.connection();
    rows = store::cell_int(conn->execute("SELECT count(*) FROM " + dataset.table()).scalar());
  }
  if (!current(dataset, rows)) {
    std::lock_guard lock(build_mutex_);
    if (!current(dataset, rows)) {
      try {
        build(dataset, rows);
      } catch (const store::StoreError&) {
        // Another builder (another SummaryTables) may have committed the same summaries first.
        if (!current(dataset, rows)) throw;
      }
    }
  }
  return {datasets::quote_ident(metrics_name(table)), datasets::quote_ident(cases_name(table)),
          datasets::quote_ident(experiments_name(table))};
}

bool SummaryTables::current(const EvalDataset& dataset, std::int64_t rows) {
  const std::string table = dataset.info().table_name;
  auto meta = store_.get_metadata(metadata_key(table));
  if (!meta) return false;
  auto json = nlohmann::json::parse(*meta, nullptr, false);
  if (!json.is_object() || json.value("version", 0) != kLayoutVersion ||
      json.value("rows", std::int64_t{-1}) != rows) {
    return false;
  }
  auto conn = store_.connection();
  auto present =
      conn->query("SELECT count(*) FROM duckdb_tables() WHERE table_name IN (?, ?, ?)",
                  {metrics_name(table), cases_name(table), experiments_name(table)})
          .scalar();
  return store::cell_int(present) == 3;
}

void SummaryTables::build(const EvalDataset& dataset, std::int64_t rows) {
  const std::string table = dataset.info().table_name;
  auto conn = store_.connection();
  drop_orphans(*conn);
  conn->execute("BEGIN TRANSACTION");
  try {
    conn->query(metrics_sql(dataset, datasets::quote_ident(metrics_name(table))),
                metrics_values());
    const std::string cases = datasets::quote_ident(cases_name(table));
    conn->execute(cases_sql(dataset, cases));
    conn->execute(experiments_sql(cases, datasets::quote_ident(experiments_name(table))));
    conn->query("INSERT OR REPLACE INTO _store_metadata (table_name, metadata_json, updated_at)"
                " VALUES (?, ?, current_timestamp)",
                {metadata_key(table),
                 nlohmann::json{{"version", kLayoutVersion}, {"rows", rows}}.dump()});
    conn->execute("COMMIT");
  } catch (...) {
    try {
      conn->execute("ROLLBACK");
    } catch (const store::StoreError&) {
      // A failed COMMIT has already ended the transaction.
    }
    throw;
  }
}

std::vector<std::string> list_experiments(store::Connection& conn, const SummaryTableNames& names) {
  std::vector<std::string> out;
  conn.execute("SELECT experiment FROM " + names.experiments +
               " WHERE NOT all_experiments ORDER BY first_row")
      .for_each_row([&](const auto& row) { out.push_back(row[0].value_or("")); });
  return out;
}

}  // namespace axis::analytics
