// The resolved AXIS configuration: one typed, immutable value built once at start-up by
// load_settings() (loader.h) from CLI > process env > .env > YAML in <custom>/config/ > defaults
// (the per-file rules are in docs/configuration.md).
// Plain data: copy it, read it from any thread. Nothing here touches the filesystem.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace axis::config {

// The most columns one CSV intake may have, whatever AXIS_MAX_CSV_COLUMNS says. DuckDB lays a row
// out in one 256 KiB block for joins, sorts and aggregates (16 bytes a text column); a wider
// row makes it divide by zero and kill the process, as a 20,000-column upload once did.
inline constexpr std::size_t kCsvColumnsCeiling = 10000;

// HTTP server and process settings (env and CLI only; there is no server YAML).
struct ServerSettings {
  std::string host = "127.0.0.1";           // HOST
  int port = 8500;                          // PORT (1..65535)
  int workers = 0;                          // WORKERS; 0 = number of cores (resolved by the loader)
  int blocking_threads = 0;                 // AXIS_BLOCKING_THREADS; 0 = max(4, 2*cores) (resolved
                                            // by the loader, 1..1024)
  int blocking_queue = 1024;                // AXIS_BLOCKING_QUEUE: queued jobs before 503 (>= 1)
  int max_streams = 512;                    // AXIS_MAX_STREAMS: streamed replies open at once
  bool debug = true;                        // DEBUG
  std::string app_name = "AXIS";            // APP_NAME
  std::string log_level = "info";           // AXIS_LOG_LEVEL / LOG_LEVEL: trace|debug|info|warn|error|off
  bool access_log = true;                   // AXIS_ACCESS_LOG
  std::size_t max_json_bytes = 10u << 20;   // AXIS_MAX_JSON_BYTES (non-multipart bodies)
  std::size_t max_upload_bytes = 200u << 20;// AXIS_MAX_UPLOAD_BYTES (multipart/form-data bodies)
  std::size_t max_csv_columns = 2000;       // AXIS_MAX_CSV_COLUMNS: columns of one CSV intake
                                            // (1..kCsvColumnsCeiling)
  std::size_t max_csv_header_bytes = 256u << 10;  // AXIS_MAX_CSV_HEADER_BYTES: its header row
  std::size_t max_csv_cell_bytes = 8u << 20;      // AXIS_MAX_CSV_CELL_BYTES: one field
  int header_timeout_seconds = 30;          // AXIS_HEADER_TIMEOUT: time to receive request headers
  int idle_timeout_seconds = 75;            // AXIS_IDLE_TIMEOUT: keep-alive idle limit
  int shutdown_grace_seconds = 20;          // AXIS_SHUTDOWN_GRACE: in-flight deadline on SIGTERM
  int stream_ping_seconds = 15;             // AXIS_STREAM_PING_SECONDS: keep-alive of idle streams
                                            // and of pending JSON replies (1..300)
  std::string frontend_url = "http://localhost:3500";  // FRONTEND_URL
  std::vector<std::string> frontend_urls;   // FRONTEND_URLS, trimmed non-empty items
  std::vector<std::string> cors_origins;    // the allowed origins and origin patterns, derived
                                            // (deduplicated; see http/cors.h)
  std::string data_dir = "data";            // AXIS_DATA_DIR / --data-dir (made absolute)
  std::string custom_dir;                   // AXIS_CUSTOM_DIR / --custom-dir (default <cwd>/custom)
  std::string web_dir;                      // AXIS_WEB_DIR (default: web/dist beside the repo)
  std::string examples_dir;                 // AXIS_EXAMPLES_DIR (default: data/examples beside
                                            // the repo): the bundled example datasets
  // Authentication of /api (docs/security.md): off when both are empty.
  std::vector<std::string> api_tokens;      // AXIS_API_TOKEN (comma list) and the lines of
                                            // AXIS_API_TOKEN_FILE; each at least 16 characters
  std::string auth_proxy_header;            // AXIS_AUTH_PROXY_HEADER, e.g. X-Forwarded-User
  std::vector<std::string> trusted_proxies; // AXIS_TRUSTED_PROXIES: addresses or CIDR ranges
                                            // whose identity header is believed (default loopback)
  std::string plugins_enabled = "*";        // AXIS_PLUGINS_ENABLED: "*", comma list, or ""
};

// duckdb.yaml (YAML only, no env).
struct StoreSettings {
  bool enabled = true;
  std::string path;                         // default <data_dir>/local_store.duckdb; absolute
  std::string sync_mode = "startup";        // startup|manual
  int sync_chunk_size = 10000;
  std::int64_t max_sync_rows = 2000000;
  int query_concurrency = 8;                // 1..64
  int sync_workers = 1;
  std::string memory_limit;                 // e.g. "1GB"; empty = DuckDB default
  int threads = 0;                          // 0 = DuckDB default (0..256)
};

struct FilterField { std::string column, label; };

// One PostgreSQL source (eval_db, monitoring_db, human_signals_db, kpi_db, agent_replay_db).
// Fields a source does not have keep their defaults.
struct SourceSettings {
  std::string name;                         // "eval_db", "monitoring_db", ...
  bool enabled = false;
  bool auto_load = false;
  bool auto_connect = false;
  std::string url, host, database, username, password;
  int port = 5432;
  std::string ssl_mode = "prefer";          // disable|prefer|require|verify-ca|verify-full
  std::string db_type = "postgres";
  std::string dataset_query, results_query, query;  // query: kpi_db only
  int query_timeout = 60;                   // clamped <= 120 (agent_replay_db: 10, <= 30)
  int connect_timeout = 10;                 // seconds; agent_replay_db reads it (<= 30)
  int row_limit = 10000;                    // clamped <= 50000
  std::map<std::string, std::string> columns;
  std::string partition_column, incremental_column;
  int refresh_interval_minutes = 0;
  std::vector<std::string> tables;
  std::vector<FilterField> filters;
  std::string schema = "public", table;
  std::vector<std::string> visible_metrics, visible_kpis;
  std::map<std::string, std::vector<std::string>> visible_kpis_per_source;  // kpi_db
  bool eval_runner_enabled = true;          // eval_db
  std::string raw_yaml_json;                // source-specific extras (thresholds, anomaly
                                            // detection, kpi display, agent replay) as JSON text
  // True when the source has somewhere to connect to (url or host) and is enabled.
  bool configured() const { return enabled && (!url.empty() || !host.empty()); }
  // True when it has the queries a sync needs: dataset_query and results_query for the split
  // sources (monitoring, human signals, eval), query for kpi_db.
  bool has_sync_queries() const;
};

struct Palette {
  std::string name, primary, primaryLight, primaryDark, primarySoft, primaryPale;
  std::string accentGold, accentSilver, heroImage, logoUrl, faviconUrl, appIconUrl;
  double heroContrast = 1.0, heroSaturation = 1.0, heroBrightness = 1.0, heroOpacity = 1.0;
  std::string heroMode = "dark";
  std::string shimmerFrom, shimmerTo;
};

struct Branding {
  std::string app_name = "AXIS", tagline, subtitle, description, report_footer, docs_url;
  std::string footer_name, footer_icon;     // footer_name falls back to app_name
};

// theme.yaml merged over the built-ins, then AXIS_THEME_ACTIVE, then AXIS_THEME_* on the active.
struct ThemeSettings {
  std::string active = "professional_blue";
  std::vector<std::pair<std::string, Palette>> palettes;  // id -> palette, built-ins first
  // The palette named by `active`; sage_green (then the first, then a built-in default) when
  // `active` names none of `palettes`.
  Branding branding;
  const Palette& active_palette() const;
};

struct AgentEntry {
  std::string name, label, role, avatar, description, biography;
  bool active = true;
  std::vector<std::string> trace_names;
};

struct AiSettings {
  std::string openai_api_key, openai_api_base, anthropic_api_key, gateway_api_key;
  std::string anthropic_api_base;           // ANTHROPIC_BASE_URL (default the public API)
  std::string ai_toolkit_url, llm_model_name = "gpt-4";
  bool llm_model_name_set = false;          // LLM_MODEL_NAME was given (then the copilot uses it)
  int llm_connect_timeout_seconds = 10;     // LLM_CONNECT_TIMEOUT (1..120)
  int llm_read_timeout_seconds = 120;       // LLM_READ_TIMEOUT: longest silence of a reply (1..600)
  int llm_max_retries = 2;                  // LLM_MAX_RETRIES on 408/429/5xx/lost connection (0..5)
  int copilot_max_rounds = 10;              // COPILOT_MAX_ROUNDS: model calls per question (1..50)
  int copilot_sql_timeout_seconds = 10;     // COPILOT_SQL_TIMEOUT: run_sql limit (1..120)
  int copilot_sql_max_rows = 200;           // COPILOT_SQL_MAX_ROWS: run_sql row cap (1..5000)
  std::string embedding_model_name = "text-embedding-ada-002";
  bool copilot_enabled = true;              // COPILOT_ENABLED
  // EVAL_RUNNER_ALLOWED_HOSTS: hosts (names or addresses, comma-separated) an eval-runner API
  // agent may reach even though they resolve to link-local or cloud-metadata addresses.
  std::vector<std::string> eval_runner_allowed_hosts;
  int eval_runner_agent_timeout_seconds = 60;  // EVAL_RUNNER_AGENT_TIMEOUT (1..600)
};

struct GraphDbSettings {
  std::string host = "localhost", name = "knowledge_graph", password;
  int port = 6379;
};

struct LangfuseSettings {
  bool agent_replay_enabled = false;        // AGENT_REPLAY_ENABLED
  std::string public_key, secret_key, host = "https://cloud.langfuse.com";
  struct AgentKeys { std::string public_key, secret_key, host; };
  std::map<std::string, AgentKeys> agents;  // LANGFUSE_<AGENT>_*, name lowercased
};

// agent_replay.yaml (key agent_replay): the replay plugin's defaults.
struct AgentReplayDefaults {
  int default_limit = 20;                   // 1..100
  int default_days_back = 7;                // 1..90
  int max_chars = 50000;                    // 1..200000
  std::string search_metadata_key = "caseReference";
};

// Everything. Built by load_settings(); never mutated afterwards.
struct Settings {
  ServerSettings server;
  StoreSettings store;
  SourceSettings eval_db, monitoring_db, human_signals_db, kpi_db, agent_replay_db;
  ThemeSettings theme;
  std::vector<AgentEntry> agents;
  AiSettings ai;
  GraphDbSettings graph_db;
  LangfuseSettings langfuse;
  AgentReplayDefaults agent_replay;
  std::string config_dir;                   // <custom_dir>/config, where the YAML files live
  std::vector<std::string> files_read;      // the YAML files found and applied, in load order
  std::vector<std::string> warnings;        // unset ${VAR} names, clamped values, ignored keys;
                                            // logged at start-up, never contain a secret

  // The five sources in a fixed order, for health checks and listings.
  std::vector<const SourceSettings*> sources() const {
    return {&eval_db, &monitoring_db, &human_signals_db, &kpi_db, &agent_replay_db};
  }
};

// The libpq connection URL of a source, per spec/storage.md §3 "URLs and ssl_mode":
// url as is, or built with RFC 3986 escaping; connect_timeout=10, application_name=axis-backend
// and sslmode appended unless the URL already sets them. Contains the password: never log it.
std::string connection_url(const SourceSettings& source);

}  // namespace axis::config
