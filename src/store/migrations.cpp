#include "store/migrations.h"

#include "store/connection.h"
#include "store/store_error.h"

namespace axis::store {

const std::vector<Migration>& builtin_migrations() {
  static const std::vector<Migration> migrations = {
      {1, "store_metadata",
       "CREATE TABLE IF NOT EXISTS _store_metadata ("
       " table_name VARCHAR PRIMARY KEY,"
       " metadata_json VARCHAR NOT NULL,"
       " updated_at TIMESTAMP DEFAULT current_timestamp)"},
      {2, "datasets_catalog",
       "CREATE TABLE IF NOT EXISTS _datasets ("
       " id VARCHAR PRIMARY KEY,"
       " name VARCHAR NOT NULL,"
       " kind VARCHAR NOT NULL,"
       " format VARCHAR NOT NULL,"
       " table_name VARCHAR NOT NULL UNIQUE,"
       " row_count BIGINT NOT NULL,"
       " columns_json VARCHAR NOT NULL,"
       " source VARCHAR NOT NULL,"
       " created_at TIMESTAMP DEFAULT current_timestamp);"
       "CREATE TABLE IF NOT EXISTS _annotations ("
       " dataset_id VARCHAR NOT NULL,"
       " case_id VARCHAR NOT NULL,"
       " judgment VARCHAR,"
       " rating DOUBLE,"
       " critique VARCHAR NOT NULL DEFAULT '',"
       " tags_json VARCHAR NOT NULL DEFAULT '[]',"
       " flagged BOOLEAN NOT NULL DEFAULT false,"
       " updated_at TIMESTAMP DEFAULT current_timestamp,"
       " PRIMARY KEY (dataset_id, case_id))"},
      {3, "copilot_history_and_llm_usage",
       "CREATE TABLE IF NOT EXISTS _copilot_messages ("
       " session_id VARCHAR NOT NULL,"
       " seq BIGINT NOT NULL,"
       " role VARCHAR NOT NULL,"
       " content VARCHAR NOT NULL,"
       " created_at TIMESTAMP DEFAULT current_timestamp,"
       " PRIMARY KEY (session_id, seq));"
       "CREATE TABLE IF NOT EXISTS _llm_usage ("
       " called_at TIMESTAMP DEFAULT current_timestamp,"
       " feature VARCHAR NOT NULL,"
       " provider VARCHAR NOT NULL,"
       " model VARCHAR NOT NULL,"
       " input_tokens BIGINT NOT NULL,"
       " output_tokens BIGINT NOT NULL,"
       " calls INTEGER NOT NULL,"
       " outcome VARCHAR NOT NULL,"
       " duration_ms DOUBLE NOT NULL)"},
      {4, "align_tables",
       "CREATE TABLE IF NOT EXISTS _align_configs ("
       " id VARCHAR PRIMARY KEY,"
       " name VARCHAR NOT NULL,"
       " config_json VARCHAR NOT NULL,"
       " metrics_json VARCHAR,"
       " created_at TIMESTAMP DEFAULT current_timestamp,"
       " updated_at TIMESTAMP DEFAULT current_timestamp);"
       "CREATE TABLE IF NOT EXISTS _align_labels ("
       " dataset_key VARCHAR NOT NULL,"
       " record_id VARCHAR NOT NULL,"
       " score INTEGER NOT NULL,"
       " notes VARCHAR,"
       " updated_at TIMESTAMP DEFAULT current_timestamp,"
       " PRIMARY KEY (dataset_key, record_id));"
       "CREATE TABLE IF NOT EXISTS _align_runs ("
       " id VARCHAR PRIMARY KEY,"
       " created_at TIMESTAMP DEFAULT current_timestamp,"
       " name VARCHAR,"
       " model VARCHAR NOT NULL,"
       " provider VARCHAR NOT NULL,"
       " total_samples BIGINT NOT NULL,"
       " judge_config_json VARCHAR NOT NULL,"
       " metrics_json VARCHAR NOT NULL);"
       "CREATE TABLE IF NOT EXISTS _align_run_results ("
       " run_id VARCHAR NOT NULL,"
       " seq INTEGER NOT NULL,"
       " record_id VARCHAR NOT NULL,"
       " query VARCHAR NOT NULL,"
       " actual_output VARCHAR NOT NULL,"
       " expected_output VARCHAR,"
       " human_score INTEGER NOT NULL,"
       " llm_score INTEGER NOT NULL,"
       " llm_reasoning VARCHAR NOT NULL,"
       " PRIMARY KEY (run_id, seq))"},
      {5, "eval_runs",
       // One row per eval run; its config (everything but the rows) as JSON text.
       "CREATE TABLE IF NOT EXISTS _evalrun_runs ("
       " run_id VARCHAR PRIMARY KEY,"
       " evaluation_name VARCHAR NOT NULL,"
       " status VARCHAR NOT NULL,"
       " config VARCHAR NOT NULL,"
       " total_items BIGINT NOT NULL,"
       " total_evaluations BIGINT NOT NULL,"
       " created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,"
       " finished_at TIMESTAMP,"
       " error VARCHAR,"
       " dataset_id VARCHAR,"
       " average_score DOUBLE,"
       " overall_pass_rate DOUBLE);"
       // The run's items as mapped from the dataset; actual_output filled in by the agent.
       "CREATE TABLE IF NOT EXISTS _evalrun_items ("
       " run_id VARCHAR NOT NULL,"
       " item_index BIGINT NOT NULL,"
       " item_id VARCHAR NOT NULL,"
       " dataset_id VARCHAR NOT NULL,"
       " query VARCHAR NOT NULL,"
       " actual_output VARCHAR NOT NULL,"
       " expected_output VARCHAR NOT NULL,"
       " fields VARCHAR NOT NULL,"
       " agent_done BOOLEAN NOT NULL);"
       // One row per scored (item, metric): written once, so a resumed run scores what is missing.
       "CREATE TABLE IF NOT EXISTS _evalrun_scores ("
       " run_id VARCHAR NOT NULL,"
       " item_index BIGINT NOT NULL,"
       " metric_key VARCHAR NOT NULL,"
       " score DOUBLE,"
       " reason VARCHAR NOT NULL);"
       // _llm_usage gains run_id by a copy, not ALTER TABLE ADD COLUMN: DuckDB 1.4 cannot
       // replay that ALTER from the WAL for a table with a DEFAULT expression, so a server
       // killed before the next checkpoint could never open its store again.
       "CREATE TABLE _llm_usage_v5 ("
       " called_at TIMESTAMP DEFAULT current_timestamp,"
       " feature VARCHAR NOT NULL,"
       " provider VARCHAR NOT NULL,"
       " model VARCHAR NOT NULL,"
       " input_tokens BIGINT NOT NULL,"
       " output_tokens BIGINT NOT NULL,"
       " calls INTEGER NOT NULL,"
       " outcome VARCHAR NOT NULL,"
       " duration_ms DOUBLE NOT NULL,"
       " run_id VARCHAR);"
       "INSERT INTO _llm_usage_v5 SELECT *, NULL FROM _llm_usage;"
       "DROP TABLE _llm_usage;"
       "ALTER TABLE _llm_usage_v5 RENAME TO _llm_usage"},
      {6, "memory_rules",
       // The memory plugin's rule set: one row per rule in `position` order, each role's value
       // as JSON text (plugins/memory/memory_rules_store.h).
       "CREATE TABLE IF NOT EXISTS _memory_rules ("
       " position BIGINT PRIMARY KEY,"
       " \"id\" VARCHAR NOT NULL,"
       " \"name\" VARCHAR NOT NULL,"
       " \"action\" VARCHAR NOT NULL,"
       " \"category\" VARCHAR NOT NULL,"
       " \"group_by\" VARCHAR NOT NULL,"
       " \"product\" VARCHAR NOT NULL,"
       " \"quality\" VARCHAR NOT NULL,"
       " \"threshold_type\" VARCHAR NOT NULL,"
       " \"threshold_value\" VARCHAR NOT NULL,"
       " \"description\" VARCHAR NOT NULL,"
       " \"mitigants\" VARCHAR NOT NULL,"
       " \"status\" VARCHAR NOT NULL,"
       " \"batch\" VARCHAR NOT NULL,"
       " \"agent\" VARCHAR NOT NULL,"
       " \"created_at\" VARCHAR NOT NULL,"
       " \"confidence\" VARCHAR NOT NULL,"
       " \"compound_trigger\" VARCHAR NOT NULL,"
       " \"source\" VARCHAR NOT NULL,"
       " \"source_type\" VARCHAR NOT NULL,"
       " \"historical_exceptions\" VARCHAR NOT NULL,"
       " \"data_fields\" VARCHAR NOT NULL,"
       " \"ingestion_error\" VARCHAR NOT NULL,"
       " \"ingested_at\" VARCHAR NOT NULL)"},
      {7, "memory_graph",
       // The knowledge graph served by the embedded backend: imported and derived nodes and
       // edges, deduplicated (nodes by id, edges by src->dst:type), seq giving graph order.
       // degree counts the edges touching the node (a self-loop once).
       "CREATE TABLE IF NOT EXISTS _graph_nodes ("
       " seq BIGINT NOT NULL,"
       " id VARCHAR NOT NULL,"
       " label VARCHAR NOT NULL,"
       " name VARCHAR NOT NULL,"
       " name_lower VARCHAR NOT NULL,"
       " metadata VARCHAR NOT NULL,"
       " action VARCHAR,"
       " product_type VARCHAR,"
       " part VARCHAR NOT NULL,"
       " degree BIGINT NOT NULL);"
       "CREATE TABLE IF NOT EXISTS _graph_edges ("
       " seq BIGINT NOT NULL,"
       " src VARCHAR NOT NULL,"
       " dst VARCHAR NOT NULL,"
       " type VARCHAR NOT NULL,"
       " label VARCHAR NOT NULL,"
       " part VARCHAR NOT NULL);"
       // The part derived from the memory rules, kept apart so an import can be laid under it.
       "CREATE TABLE IF NOT EXISTS _graph_derived_nodes ("
       " seq BIGINT NOT NULL, id VARCHAR NOT NULL, label VARCHAR NOT NULL, name VARCHAR NOT NULL,"
       " metadata VARCHAR NOT NULL, action VARCHAR, product_type VARCHAR);"
       "CREATE TABLE IF NOT EXISTS _graph_derived_edges ("
       " seq BIGINT NOT NULL, src VARCHAR NOT NULL, dst VARCHAR NOT NULL,"
       " type VARCHAR NOT NULL, label VARCHAR NOT NULL);"
       // A JSON import's items while its transaction runs (empty otherwise).
       "CREATE TABLE IF NOT EXISTS _graph_import_nodes ("
       " seq BIGINT NOT NULL, label VARCHAR, name VARCHAR, metadata VARCHAR NOT NULL,"
       " action VARCHAR, product_type VARCHAR);"
       "CREATE TABLE IF NOT EXISTS _graph_import_edges ("
       " seq BIGINT NOT NULL, src VARCHAR NOT NULL, dst VARCHAR NOT NULL,"
       " type VARCHAR NOT NULL, label VARCHAR NOT NULL)"},
      {8, "memory_graph_served",
       // The graph keeps only what is read: the part (imported or derived) follows from seq,
       // and degrees and lowered names are worked out where the graph is loaded. An import
       // writes its rows with seq 0, so their order is the table's own (rowid, which keeps the
       // order rows were appended in); derived rows keep seq >= 2^40. seq -1 marks a repeat an
       // import has yet to delete. The views serve the rest, each row's place in seq.
       "ALTER TABLE _graph_nodes DROP COLUMN part;"
       "ALTER TABLE _graph_nodes DROP COLUMN degree;"
       "ALTER TABLE _graph_nodes DROP COLUMN name_lower;"
       "ALTER TABLE _graph_edges DROP COLUMN part;"
       "CREATE VIEW _graph_served_nodes AS SELECT CASE WHEN seq = 0 THEN rowid + 1 ELSE seq END"
       " AS seq, id, label, name, lower(name) AS name_lower, metadata, action, product_type"
       " FROM _graph_nodes WHERE seq >= 0;"
       "CREATE VIEW _graph_served_edges AS SELECT CASE WHEN seq = 0 THEN rowid + 1 ELSE seq END"
       " AS seq, src, dst, type, label FROM _graph_edges WHERE seq >= 0"},
  };
  return migrations;
}

int migrate(Connection& conn, const std::vector<Migration>& migrations) {
  conn.execute(
      "CREATE TABLE IF NOT EXISTS _schema_migrations ("
      " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
      " applied_at TIMESTAMP DEFAULT current_timestamp)");
  auto current_text = conn.execute("SELECT coalesce(max(version), 0) FROM _schema_migrations").scalar();
  int current = current_text ? std::stoi(*current_text) : 0;
  const int newest = migrations.empty() ? 0 : migrations.back().version;
  if (current > newest) {
    throw StoreError("store schema version " + std::to_string(current) +
                     " is newer than this server understands (" + std::to_string(newest) +
                     "); upgrade axis-server");
  }
  for (const Migration& m : migrations) {
    if (m.version <= current) continue;
    conn.execute("BEGIN TRANSACTION");
    try {
      conn.execute(m.sql);
      conn.query("INSERT INTO _schema_migrations (version, name) VALUES (?, ?)",
                 {static_cast<std::int64_t>(m.version), m.name});
      conn.execute("COMMIT");
    } catch (const StoreError& e) {
      conn.execute("ROLLBACK");
      throw StoreError("migration " + std::to_string(m.version) + " (" + m.name +
                       ") failed: " + e.what());
    }
    current = m.version;
  }
  return current;
}

}  // namespace axis::store
