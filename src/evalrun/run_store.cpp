#include "evalrun/run_store.h"

#include <nlohmann/json.hpp>

#include "datasets/catalog.h"
#include "store/appender.h"
#include "store/connection.h"
#include "store/sql_text.h"
#include "store/store.h"

namespace axis::evalrun {

namespace {

using store::Value;

constexpr const char* kRunColumns =
    "r.run_id, r.evaluation_name, r.status, r.total_items, r.total_evaluations,"
    " (SELECT count(*) FROM _evalrun_scores s WHERE s.run_id = r.run_id),"
    " strftime(r.created_at, '%Y-%m-%dT%H:%M:%SZ'), strftime(r.finished_at, '%Y-%m-%dT%H:%M:%SZ'),"
    " r.average_score, r.overall_pass_rate, r.dataset_id, r.error, r.config,"
    " (SELECT count(*) FROM _llm_usage u WHERE u.run_id = r.run_id),"
    " (SELECT coalesce(sum(input_tokens), 0)::BIGINT FROM _llm_usage u WHERE u.run_id = r.run_id),"
    " (SELECT coalesce(sum(output_tokens), 0)::BIGINT FROM _llm_usage u WHERE u.run_id = r.run_id)";

RunRecord record_of(const std::vector<std::optional<std::string>>& row) {
  RunRecord r;
  r.run_id = row[0].value_or("");
  r.evaluation_name = row[1].value_or("");
  r.status = row[2].value_or("");
  r.total_items = store::cell_int(row[3]);
  r.total_evaluations = store::cell_int(row[4]);
  r.completed_evaluations = store::cell_int(row[5]);
  r.created_at = row[6].value_or("");
  r.finished_at = row[7];
  r.average_score = store::cell_optional_double(row[8]);
  r.overall_pass_rate = store::cell_optional_double(row[9]);
  r.dataset_id = row[10];
  r.error = row[11];
  r.config = config_from_json(row[12].value_or("{}"));
  r.metrics = r.config.metrics;
  r.llm_calls = store::cell_int(row[13]);
  r.input_tokens = store::cell_int(row[14]);
  r.output_tokens = store::cell_int(row[15]);
  return r;
}

// The rules as a table `rules(metric_key, threshold, lower)` of bound values.
struct RulesTable {
  std::string sql;
  std::vector<Value> values;
};
RulesTable rules_table(const std::vector<MetricRule>& rules) {
  RulesTable t;
  std::string rows;
  for (const auto& rule : rules) {
    if (!rows.empty()) rows += ", ";
    rows += "(CAST(? AS VARCHAR), CAST(? AS DOUBLE), CAST(? AS BOOLEAN))";
    t.values.emplace_back(rule.metric_key);
    t.values.emplace_back(rule.threshold);
    t.values.emplace_back(rule.lower_is_better);
  }
  if (rows.empty()) rows = "(CAST(NULL AS VARCHAR), CAST(NULL AS DOUBLE), CAST(NULL AS BOOLEAN))";
  t.sql = "rules AS (SELECT * FROM (VALUES " + rows + ") v(metric_key, threshold, lower))";
  return t;
}

// A scored row passes its metric's rule.
constexpr const char* kPasses =
    "(CASE WHEN rules.lower THEN s.score <= rules.threshold ELSE s.score >= rules.threshold END)";

}  // namespace

void RunStore::create(const std::string& run_id, const RunConfig& config,
                      const std::vector<RunItem>& items, long long total_evaluations) const {
  auto conn = store_.connection();
  conn->execute("BEGIN TRANSACTION");
  try {
    conn->query("INSERT INTO _evalrun_runs (run_id, evaluation_name, status, config, total_items,"
                " total_evaluations) VALUES (?, ?, 'running', ?, ?, ?)",
                {run_id, config.evaluation_name, config_to_json(config),
                 static_cast<std::int64_t>(items.size()), static_cast<std::int64_t>(total_evaluations)});
    {
      store::Appender appender(*conn, "_evalrun_items");
      for (const auto& item : items) {
        appender.append_row({run_id, static_cast<std::int64_t>(item.index), item.item_id,
                             item.dataset_id, item.fields.query, item.fields.actual_output,
                             item.fields.expected_output, fields_to_json(item.fields),
                             item.agent_done});
      }
      appender.flush();
    }
    conn->execute("COMMIT");
  } catch (...) {
    conn->execute("ROLLBACK");
    throw;
  }
}

void RunStore::set_status(const std::string& run_id, const std::string& status,
                          const std::optional<std::string>& error) const {
  auto conn = store_.connection();
  const bool finished = status != "running";
  conn->query(std::string("UPDATE _evalrun_runs SET status = ?, error = ?, finished_at = ") +
                  (finished ? "current_timestamp" : "NULL") + " WHERE run_id = ?",
              {status, error ? Value{*error} : Value{}, run_id});
}

void RunStore::complete(const std::string& run_id, double average_score, double overall_pass_rate,
                        const std::string& dataset_id) const {
  auto conn = store_.connection();
  conn->query("UPDATE _evalrun_runs SET status = 'completed', error = NULL,"
              " finished_at = current_timestamp, average_score = ?, overall_pass_rate = ?,"
              " dataset_id = ? WHERE run_id = ?",
              {average_score, overall_pass_rate, dataset_id, run_id});
}

long long RunStore::interrupt_unfinished() const {
  auto conn = store_.connection();
  return conn->execute("UPDATE _evalrun_runs SET status = 'interrupted', finished_at = current_timestamp"
                       " WHERE status = 'running'")
      .rows_changed();
}

std::vector<RunRecord> RunStore::list() const {
  auto conn = store_.connection();
  std::vector<RunRecord> out;
  conn->execute(std::string("SELECT ") + kRunColumns +
                " FROM _evalrun_runs r ORDER BY r.created_at DESC, r.run_id")
      .for_each_row([&](const auto& row) { out.push_back(record_of(row)); });
  return out;
}

std::optional<RunRecord> RunStore::find(const std::string& run_id) const {
  auto conn = store_.connection();
  std::optional<RunRecord> out;
  conn->query(std::string("SELECT ") + kRunColumns + " FROM _evalrun_runs r WHERE r.run_id = ?", {run_id})
      .for_each_row([&](const auto& row) { out = record_of(row); });
  return out;
}

void RunStore::remove(const std::string& run_id) const {
  auto conn = store_.connection();
  conn->execute("BEGIN TRANSACTION");
  try {
    for (const char* table : {"_evalrun_scores", "_evalrun_items", "_evalrun_runs"})
      conn->query(std::string("DELETE FROM ") + table + " WHERE run_id = ?", {run_id});
    conn->execute("COMMIT");
  } catch (...) {
    conn->execute("ROLLBACK");
    throw;
  }
}

std::vector<RunItem> RunStore::items(const std::string& run_id) const {
  auto conn = store_.connection();
  std::vector<RunItem> out;
  conn->query("SELECT item_index, item_id, dataset_id, fields, agent_done FROM _evalrun_items"
              " WHERE run_id = ? ORDER BY item_index",
              {run_id})
      .for_each_row([&](const auto& row) {
        RunItem item;
        item.index = store::cell_int(row[0]);
        item.item_id = row[1].value_or("");
        item.dataset_id = row[2].value_or("");
        item.fields = fields_from_json(row[3].value_or("{}"));
        item.agent_done = row[4].value_or("") == "true";
        out.push_back(std::move(item));
      });
  return out;
}

void RunStore::set_output(const std::string& run_id, const RunItem& item) const {
  auto conn = store_.connection();
  conn->query("UPDATE _evalrun_items SET actual_output = ?, fields = ?, agent_done = true"
              " WHERE run_id = ? AND item_index = ?",
              {item.fields.actual_output, fields_to_json(item.fields), run_id,
               static_cast<std::int64_t>(item.index)});
}

std::set<std::pair<long long, std::string>> RunStore::scored(const std::string& run_id) const {
  auto conn = store_.connection();
  std::set<std::pair<long long, std::string>> out;
  conn->query("SELECT item_index, metric_key FROM _evalrun_scores WHERE run_id = ?", {run_id})
      .for_each_row([&](const auto& row) { out.emplace(store::cell_int(row[0]), row[1].value_or("")); });
  return out;
}

void RunStore::append_scores(const std::string& run_id, const std::vector<ScoreRow>& rows) const {
  if (rows.empty()) return;
  auto conn = store_.connection();
  store::Appender appender(*conn, "_evalrun_scores");
  for (const auto& r : rows) {
    appender.append_row({run_id, static_cast<std::int64_t>(r.item_index), r.metric_key,
                         r.score ? Value{*r.score} : Value{}, r.reason});
  }
  appender.flush();
}

long long RunStore::scored_count(const std::string& run_id) const {
  auto conn = store_.connection();
  return store::cell_int(
      conn->query("SELECT count(score) FROM _evalrun_scores WHERE run_id = ?", {run_id}).scalar());
}

std::vector<MetricAggregate> RunStore::aggregate(const std::string& run_id,
                                                 const std::vector<MetricRule>& rules) const {
  const RulesTable t = rules_table(rules);
  std::vector<Value> values = t.values;
  values.emplace_back(run_id);
  auto conn = store_.connection();
  std::vector<MetricAggregate> out;
  conn->query("WITH " + t.sql +
                  " SELECT rules.metric_key, count(s.score), count(*) FILTER (WHERE s.score IS NULL"
                  " AND s.metric_key IS NOT NULL), coalesce(avg(s.score), 0),"
                  " coalesce(median(s.score), 0), coalesce(min(s.score), 0), coalesce(max(s.score), 0),"
                  " coalesce(avg(CASE WHEN " + kPasses + " THEN 1.0 ELSE 0.0 END)"
                  " FILTER (WHERE s.score IS NOT NULL), 0)"
                  " FROM rules LEFT JOIN _evalrun_scores s ON s.metric_key = rules.metric_key"
                  " AND s.run_id = ? GROUP BY rules.metric_key",
              values)
      .for_each_row([&](const auto& row) {
        MetricAggregate a;
        a.metric_key = row[0].value_or("");
        a.scored = store::cell_int(row[1]);
        a.failed_calls = store::cell_int(row[2]);
        a.average = store::cell_double(row[3]);
        a.median = store::cell_double(row[4]);
        a.min = store::cell_double(row[5]);
        a.max = store::cell_double(row[6]);
        a.pass_rate = store::cell_double(row[7]);
        out.push_back(std::move(a));
      });
  // In the order of the rules (the order the metrics were asked for).
  std::vector<MetricAggregate> ordered;
  for (const auto& rule : rules)
    for (const auto& a : out)
      if (a.metric_key == rule.metric_key) ordered.push_back(a);
  return ordered;
}

double RunStore::overall_pass_rate(const std::string& run_id, const std::vector<MetricRule>& rules) const {
  const RulesTable t = rules_table(rules);
  std::vector<Value> values = t.values;
  values.emplace_back(run_id);
  values.emplace_back(run_id);
  auto conn = store_.connection();
  const auto rate = conn->query(
      "WITH " + t.sql +
          ", per_item AS (SELECT s.item_index, avg(CASE WHEN rules.lower THEN"
          " (CASE WHEN " + kPasses + " THEN 1.0 ELSE 0.0 END) ELSE s.score END) AS mean"
          " FROM _evalrun_scores s JOIN rules ON rules.metric_key = s.metric_key"
          " WHERE s.run_id = ? AND s.score IS NOT NULL GROUP BY s.item_index)"
          " SELECT coalesce(count(*) FILTER (WHERE p.mean >= 0.5) / nullif(count(*), 0), 0)"
          " FROM _evalrun_items i LEFT JOIN per_item p ON p.item_index = i.item_index"
          " WHERE i.run_id = ?",
      values).scalar();
  return store::cell_double(rate);
}

RunStore::FlatSelect RunStore::flat_select(const std::string& run_id, const std::vector<MetricRule>& rules,
                                           bool with_run_id) const {
  const RulesTable t = rules_table(rules);
  FlatSelect out;
  out.values = t.values;
  out.values.emplace_back(run_id);
  std::string metric_order;  // the metrics in the order they were asked for
  for (const auto& rule : rules) {
    metric_order += metric_order.empty() ? "?" : ", ?";
    out.values.emplace_back(rule.metric_key);
  }
  if (metric_order.empty()) metric_order = "NULL";
  out.columns = {"dataset_id", "query", "actual_output", "expected_output", "evaluation_name", "metric_name",
                 "metric_score", "metric_type", "threshold", "passed", "explanation"};
  if (with_run_id) out.columns.emplace_back("run_id");
  out.columns.emplace_back("timestamp");
  out.sql = "WITH " + t.sql +
            " SELECT i.dataset_id, i.query, i.actual_output, i.expected_output,"
            " r.evaluation_name, s.metric_key AS metric_name, s.score AS metric_score,"
            " 'metric' AS metric_type, rules.threshold, " + kPasses + " AS passed,"
            " s.reason AS explanation" + (with_run_id ? ", s.run_id AS run_id" : "") + ","
            " strftime(r.created_at, '%Y-%m-%dT%H:%M:%SZ') AS timestamp"
            " FROM _evalrun_scores s"
            " JOIN _evalrun_items i ON i.run_id = s.run_id AND i.item_index = s.item_index"
            " JOIN _evalrun_runs r ON r.run_id = s.run_id"
            " JOIN rules ON rules.metric_key = s.metric_key"
            " WHERE s.run_id = ? AND s.score IS NOT NULL";
  if (with_run_id) {
    out.sql += " ORDER BY i.item_index, list_position([" + metric_order + "], s.metric_key)";
  } else {
    out.values.resize(out.values.size() - rules.size());  // no ORDER BY, no metric order values
  }
  return out;
}

void RunStore::export_flat(const std::string& run_id, const std::vector<MetricRule>& rules,
                           const std::string& path, bool json) const {
  const FlatSelect select = flat_select(run_id, rules, true);
  auto conn = store_.connection();
  conn->query("COPY (" + select.sql + ") TO " + datasets::quote_literal(path) +
                  (json ? " (FORMAT json, ARRAY true)" : " (FORMAT csv, HEADER true)"),
              select.values);
}

std::vector<RunStore::FlatRow> RunStore::flat_rows(const std::string& run_id, long long limit) const {
  auto conn = store_.connection();
  std::vector<FlatRow> out;
  conn->query("SELECT i.item_index, i.item_id, i.dataset_id, i.query, i.actual_output,"
              " i.expected_output, s.metric_key, s.score, s.reason FROM _evalrun_items i"
              " LEFT JOIN _evalrun_scores s ON s.run_id = i.run_id AND s.item_index = i.item_index"
              " WHERE i.run_id = ? AND i.item_index < ? ORDER BY i.item_index",
              {run_id, static_cast<std::int64_t>(limit)})
      .for_each_row([&](const auto& row) {
        out.push_back({store::cell_int(row[0]), row[1].value_or(""), row[2].value_or(""),
                       row[3].value_or(""), row[4].value_or(""), row[5].value_or(""),
                       row[6].value_or(""), store::cell_optional_double(row[7]), row[8].value_or("")});
      });
  return out;
}

}  // namespace axis::evalrun
