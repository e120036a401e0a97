#include <iterator>
#include <string>

#include "config/config_error.h"
#include "config/env.h"
#include "config/sections.h"
#include "util/text.h"

namespace axis::config::detail {

namespace {

enum class Kind { kEval, kMonitoring, kHumanSignals, kKpi, kAgentReplay };

struct SourceSpec {
  const char* name;    // YAML file stem and top-level key
  const char* prefix;  // env prefix
  Kind kind;
};

constexpr SourceSpec kSpecs[] = {
    {"eval_db", "EVAL_DB_", Kind::kEval},
    {"monitoring_db", "MONITORING_DB_", Kind::kMonitoring},
    {"human_signals_db", "HUMAN_SIGNALS_DB_", Kind::kHumanSignals},
    {"kpi_db", "KPI_DB_", Kind::kKpi},
    {"agent_replay_db", "AGENT_REPLAY_DB_", Kind::kAgentReplay},
};

constexpr const char* kSslModes = "one of disable|allow|prefer|require|verify-ca|verify-full";

bool valid_ssl_mode(const std::string& mode) {
  for (const char* m : {"", "disable", "allow", "prefer", "require", "verify-ca", "verify-full"}) {
    if (mode == m) return true;
  }
  return false;
}

// The defaults a source starts from, before YAML or env.
SourceSettings defaults_for(const SourceSpec& spec) {
  SourceSettings s;
  s.name = spec.name;
  if (spec.kind == Kind::kKpi) s.row_limit = 50000;
  if (spec.kind == Kind::kAgentReplay) {
    s.query_timeout = 10;
    s.table = "trace_lookup";
  }
  return s;
}

int max_query_timeout(const SourceSpec& spec) { return spec.kind == Kind::kAgentReplay ? 30 : 120; }

void read_filters(const YamlNode& node, std::vector<FilterField>& out) {
  if (!node.present()) return;
  out.clear();
  for (const auto& item : node.items()) {
    FilterField f;
    if (item.is_map()) {
      item.read("column", f.column);
      item.read("label", f.label);
      if (f.column.empty()) item["column"].fail("required");
    } else {
      f.column = item.as_string();
    }
    if (f.label.empty()) f.label = f.column;
    out.push_back(std::move(f));
  }
}

void read_yaml(const SourceSpec& spec, const YamlNode& y, SourceSettings& s) {
  y.read("enabled", s.enabled);
  y.read("auto_load", s.auto_load);
  y.read("auto_connect", s.auto_connect);
  y.read("url", s.url);
  y.read("host", s.host);
  s.port = static_cast<int>(y.clamped("port", s.port, 1, 65535));
  y.read("database", s.database);
  y.read("username", s.username);
  y.read("password", s.password);
  y.read("ssl_mode", s.ssl_mode);
  s.ssl_mode = to_lower(trim(s.ssl_mode));
  if (!valid_ssl_mode(s.ssl_mode)) {
    y["ssl_mode"].fail(std::string("expected ") + kSslModes + ", got '" + s.ssl_mode + "'");
  }
  y.read("db_type", s.db_type);
  s.db_type = to_lower(trim(s.db_type));
  if (s.db_type == "postgresql") s.db_type = "postgres";
  if (s.db_type != "postgres") y["db_type"].fail("only 'postgres' is supported");
  y.read("dataset_query", s.dataset_query);
  y.read("results_query", s.results_query);
  if (spec.kind == Kind::kKpi) {
    y.read("query", s.query);
  } else if (y["query"].present()) {
    y.context().warnings->push_back(y["query"].where() +
                                    ": ignored; use dataset_query and results_query");
  }
  s.query_timeout =
      static_cast<int>(y.clamped("query_timeout", s.query_timeout, 1, max_query_timeout(spec)));
  if (spec.kind == Kind::kAgentReplay) {
    s.connect_timeout = static_cast<int>(y.clamped("connect_timeout", s.connect_timeout, 1, 30));
  }
  s.row_limit = static_cast<int>(y.clamped("row_limit", s.row_limit, 1, 50000));
  y.read("columns", s.columns);
  y.read("partition_column", s.partition_column);
  y.read("incremental_column", s.incremental_column);
  s.refresh_interval_minutes = static_cast<int>(
      y.clamped("refresh_interval_minutes", s.refresh_interval_minutes, 0, 7 * 24 * 60));
  y.read("tables", s.tables);
  read_filters(y["filters"], s.filters);
  y.read("schema", s.schema);
  y.read("table", s.table);
  y.read("visible_metrics", s.visible_metrics);
  y.read("visible_kpis", s.visible_kpis);
  if (const auto per_source = y["visible_kpis_per_source"]; per_source.present()) {
    for (const auto& [source, list] : per_source.entries()) {
      s.visible_kpis_per_source[source] =
          list.present() ? list.as_string_list() : std::vector<std::string>{};
    }
  }
  if (spec.kind == Kind::kEval) y.read("eval_runner_enabled", s.eval_runner_enabled);
}

void read_env(const SourceSpec& spec, LoadContext& lc, SourceSettings& s) {
  const Env& env = lc.env;
  auto& w = lc.warnings;
  const std::string p = spec.prefix;
  auto var = [&](const char* suffix) { return p + suffix; };
  s.enabled = spec.kind == Kind::kAgentReplay ? env.boolean(var("ENABLED"), false) : true;
  s.url = env.str(var("URL"), "");
  s.host = env.str(var("HOST"), "");
  s.port = clamp_int(env.integer(var("PORT"), s.port), 1, 65535, var("PORT"), w);
  s.database = env.str(var("NAME"), "");
  s.username = env.str(var("USER"), "");
  s.password = env.str(var("PASSWORD"), "");
  s.ssl_mode = to_lower(trim(env.non_empty(var("SSL_MODE")).value_or(s.ssl_mode)));
  if (!valid_ssl_mode(s.ssl_mode)) env.fail_variable(var("SSL_MODE"), kSslModes);
  if (spec.kind != Kind::kAgentReplay) {
    s.refresh_interval_minutes =
        clamp_int(env.integer(var("REFRESH_INTERVAL_MINUTES"), s.refresh_interval_minutes), 0,
                  7 * 24 * 60, var("REFRESH_INTERVAL_MINUTES"), w);
  }
  switch (spec.kind) {
    case Kind::kEval:
      s.auto_load = env.boolean(var("AUTO_LOAD"), false);
      s.dataset_query = env.str(var("DATASET_QUERY"), "");
      s.results_query = env.str(var("RESULTS_QUERY"), "");
      s.query_timeout = clamp_int(env.integer(var("QUERY_TIMEOUT"), s.query_timeout), 1, 120,
                                  var("QUERY_TIMEOUT"), w);
      s.row_limit =
          clamp_int(env.integer(var("ROW_LIMIT"), s.row_limit), 1, 50000, var("ROW_LIMIT"), w);
      break;
    case Kind::kMonitoring:
    case Kind::kHumanSignals:
      s.schema = env.non_empty(var("SCHEMA")).value_or(s.schema);
      s.table = env.str(var("TABLE"), "");
      s.auto_connect = env.boolean(var("AUTO_CONNECT"), false);
      s.auto_load = env.boolean(var("AUTO_LOAD"), false);
      s.dataset_query = env.str(var("DATASET_QUERY"), "");
      s.results_query = env.str(var("RESULTS_QUERY"), "");
      s.query_timeout = clamp_int(env.integer(var("QUERY_TIMEOUT"), s.query_timeout), 1, 120,
                                  var("QUERY_TIMEOUT"), w);
      break;
    case Kind::kKpi:
      s.auto_load = env.boolean(var("AUTO_LOAD"), false);
      s.query = env.str(var("QUERY"), "");
      s.query_timeout = clamp_int(env.integer(var("QUERY_TIMEOUT"), s.query_timeout), 1, 120,
                                  var("QUERY_TIMEOUT"), w);
      break;
    case Kind::kAgentReplay:
      s.schema = env.non_empty(var("SCHEMA")).value_or(s.schema);
      s.table = env.non_empty(var("TABLE")).value_or(s.table);
      s.query_timeout = clamp_int(env.integer(var("QUERY_TIMEOUT"), s.query_timeout), 1, 30,
                                  var("QUERY_TIMEOUT"), w);
      s.connect_timeout = clamp_int(env.integer(var("CONNECT_TIMEOUT"), s.connect_timeout), 1, 30,
                                    var("CONNECT_TIMEOUT"), w);
      break;
  }
}

std::string extras_for(const SourceSpec& spec, const YamlNode& y) {
  switch (spec.kind) {
    case Kind::kMonitoring:
      return monitoring_extras(y);
    case Kind::kKpi:
      return kpi_extras(y);
    case Kind::kAgentReplay:
      return agent_replay_extras(y);
    default:
      return "{}";
  }
}

SourceSettings load_source(const SourceSpec& spec, LoadContext& lc) {
  SourceSettings s = defaults_for(spec);
  const std::string p = spec.prefix;
  const auto file = open_config(lc, std::string(spec.name) + ".yaml");
  // Absent nodes for the env and default paths, so the extras get their defaults.
  YamlContext none{std::string(spec.name) + ".yaml", &lc.env, &lc.warnings};
  const YamlNode absent(&none, YAML::Node(YAML::NodeType::Undefined), spec.name);

  if (file) {
    const YamlNode top = file->top();
    top.require_map_or_absent();
    const YamlNode y = top[spec.name];
    y.require_map_or_absent();
    if (y.present() && !y.entries().empty()) {
      read_yaml(spec, y, s);
      if (s.url.empty()) s.url = lc.env.str(p + "URL", "");
      if (s.password.empty()) s.password = lc.env.str(p + "PASSWORD", "");
      s.raw_yaml_json = extras_for(spec, y);
      return s;
    }
  }
  if (lc.env.non_empty(p + "URL") || lc.env.non_empty(p + "HOST")) {
    read_env(spec, lc, s);
    s.raw_yaml_json = spec.kind == Kind::kAgentReplay
                          ? agent_replay_extras_from_env(lc.env, lc.warnings)
                          : extras_for(spec, absent);
    return s;
  }
  s.raw_yaml_json = extras_for(spec, absent);
  return s;
}

}  // namespace

// A source asked to sync (auto_load, auto_connect or a refresh interval) that lacks the queries
// a sync needs is never synced: say so, naming the keys to add, instead of skipping it quietly.
void warn_unsyncable(const SourceSpec& spec, const SourceSettings& s, LoadContext& lc) {
  if (spec.kind == Kind::kAgentReplay || !s.configured() || s.has_sync_queries()) return;
  const std::string p = spec.prefix;
  const bool single = lc.env.non_empty(p + "QUERY").has_value() && spec.kind != Kind::kKpi;
  if (!(s.auto_load || s.auto_connect || s.refresh_interval_minutes > 0 || single)) return;
  const std::string keys =
      spec.kind == Kind::kKpi
          ? p + "QUERY (or query: in " + spec.name + ".yaml)"
          : p + "DATASET_QUERY and " + p + "RESULTS_QUERY (or dataset_query: and results_query: "
                "in " + spec.name + ".yaml)";
  std::string message = std::string(spec.name) + " is configured to sync but lacks its queries, "
                        "so it is never synced: set " + keys + ".";
  if (single) {
    message += " " + p + "QUERY alone is not read: a sync reads the cases (dataset query) and "
               "their scores (results query) separately.";
  }
  lc.warnings.push_back(message);
}

void load_sources(LoadContext& lc, Settings& out) {
  SourceSettings* targets[] = {&out.eval_db, &out.monitoring_db, &out.human_signals_db, &out.kpi_db,
                               &out.agent_replay_db};
  for (std::size_t i = 0; i < std::size(kSpecs); ++i) {
    *targets[i] = load_source(kSpecs[i], lc);
    warn_unsyncable(kSpecs[i], *targets[i], lc);
  }
}

}  // namespace axis::config::detail

namespace axis::config {

bool SourceSettings::has_sync_queries() const {
  if (name == "kpi_db") return !util::is_blank(query);
  return !util::is_blank(dataset_query) && !util::is_blank(results_query);
}

}  // namespace axis::config
