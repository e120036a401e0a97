#include "plugins/memory/graph/graph_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

#include "ingest/csv_read.h"
#include "plugins/memory/graph/graph_text.h"
#include "store/appender.h"
#include "store/connection.h"
#include "store/sql_text.h"
#include "store/store.h"
#include "store/store_error.h"
#include "store/transaction.h"
#include "util/http_error.h"

namespace axis::plugins::memory::graph {
namespace {

using store::Connection;
using store::Value;

// Derived entries sort after every imported one; seq tells the two parts apart.
constexpr std::int64_t kDerivedSeqBase = std::int64_t{1} << 40;

// A relation of rows (label, name, metadata, action, product_type) and one of
// (src, dst, type, label), in file order, with the values their SQL binds.
struct Source {
  std::string sql;
  std::vector<Value> values;
};

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "'" : ", '") + n + "'";
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::string json_string(const std::string& s) { return nlohmann::json(s).dump(); }

std::string metadata_json(const Metadata& props) {
  nlohmann::ordered_json obj = nlohmann::ordered_json::object();
  for (const auto& [k, v] : props) obj[k] = v;
  return obj.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::optional<std::string> prop(const Metadata& props, const std::string& key) {
  for (const auto& [k, v] : props) if (k == key && !v.empty()) return v;
  return std::nullopt;
}

Value opt_value(const std::optional<std::string>& s) {
  return s ? Value(*s) : Value(std::monostate{});
}

// The columns of a checked CSV, named c0, c1, ... in the query (odd header names never meet
// SQL); `index_of` finds a header name.
struct CsvColumns {
  const ingest::CsvFile& file;
  std::optional<std::size_t> index_of(const std::string& name) const {
    const auto& h = file.header();
    const auto it = std::find(h.begin(), h.end(), name);
    return it == h.end() ? std::nullopt : std::optional<std::size_t>(it - h.begin());
  }
  std::string col(std::size_t i) const { return "nullif(c" + std::to_string(i) + ", '')"; }
  std::string from() const {
    std::string aliases;
    for (std::size_t i = 0; i < file.header().size(); ++i) {
      aliases += (i ? ", c" : "c") + std::to_string(i);
    }
    return ingest::csv_source("", false, true) + " AS t(" + aliases + ")";
  }
};

void require_columns(const CsvColumns& csv, const std::string& field,
                     const std::vector<std::string>& names) {
  std::vector<std::string> missing;
  for (const auto& n : names) if (!csv.index_of(n)) missing.push_back(n);
  if (!missing.empty()) {
    throw util::HttpError::field({"body", field}, "value_error",
                                 "The " + field + " CSV lacks the column(s): " + joined(missing) +
                                     " (it needs " + joined(names) + ")");
  }
}

Source csv_nodes(const CsvColumns& csv) {
  require_columns(csv, "nodes", {"label", "name"});
  Source s;
  std::string parts;
  for (std::size_t i = 0; i < csv.file.header().size(); ++i) {
    const std::string& name = csv.file.header()[i];
    if (name == "label" || name == "name") continue;
    parts += std::string(parts.empty() ? "" : ", ") + "CASE WHEN " + csv.col(i) +
             " IS NOT NULL THEN ?::VARCHAR || ':' || to_json(" + csv.col(i) + ")::VARCHAR END";
    s.values.emplace_back(json_string(name));
  }
  const auto optional_col = [&](const std::string& name) {
    const auto i = csv.index_of(name);
    return i ? csv.col(*i) : std::string("NULL::VARCHAR");
  };
  s.sql = "SELECT " + csv.col(*csv.index_of("label")) + " AS label, " +
          csv.col(*csv.index_of("name")) + " AS name, " +
          (parts.empty() ? std::string("'{}'") : "'{' || concat_ws(',', " + parts + ") || '}'") +
          " AS metadata, " + optional_col("action") + " AS action, " +
          optional_col("product_type") + " AS product_type FROM " + csv.from();
  s.values.emplace_back(csv.file.path());
  return s;
}

Source csv_edges(const CsvColumns& csv) {
  require_columns(csv, "edges", {"source", "target", "type"});
  const auto c = [&](const std::string& name) {
    const auto i = csv.index_of(name);
    return i ? "coalesce(c" + std::to_string(*i) + ", '')" : std::string("''");
  };
  return {"SELECT " + c("source") + " AS src, " + c("target") +
              " AS dst, " + c("type") + " AS type, " + c("label") + " AS label FROM " + csv.from(),
          {Value(csv.file.path())}};
}

std::vector<std::string> texts(Connection& conn, const std::string& sql,
                               const std::vector<Value>& values = {}) {
  std::vector<std::string> out;
  conn.query(sql, values).for_each_row([&](const auto& row) { out.push_back(row[0].value_or("")); });
  return out;
}

std::int64_t count_of(Connection& conn, const std::string& sql) {
  return store::cell_int(conn.execute(sql).scalar());
}

// The problems of the import just written (nothing derived in the tables yet), as 422 issues.
std::vector<util::ValidationIssue> import_issues(Connection& conn) {
  std::vector<util::ValidationIssue> issues;
  const std::int64_t unnamed = count_of(
      conn, "SELECT count(*) FROM _graph_served_nodes WHERE label = '' OR name = ''");
  if (unnamed > 0) {
    issues.push_back({"value_error", {"body", "nodes"},
                      std::to_string(unnamed) +
                          " node(s) lack a label or a name (counted once per id)", "null"});
  }
  const auto bad_labels = texts(conn,
      "SELECT DISTINCT label FROM _graph_served_nodes WHERE label NOT IN (" +
      quoted_list(node_labels()) + ") ORDER BY 1 LIMIT 10");
  if (!bad_labels.empty()) {
    issues.push_back({"value_error", {"body", "nodes"},
                      "Unknown node label(s): " + joined(bad_labels) +
                          ". Allowed: " + joined(node_labels()), "null"});
  }
  const auto bad_types = texts(conn,
      "SELECT DISTINCT type FROM _graph_served_edges WHERE type NOT IN (" +
      quoted_list(relation_types()) + ") ORDER BY 1 LIMIT 10");
  if (!bad_types.empty()) {
    issues.push_back({"value_error", {"body", "edges"},
                      "Unknown relation type(s): " + joined(bad_types) +
                          ". Allowed: " + joined(relation_types()), "null"});
  }
  // Edges naming a node the import lacks: each end probed against the node ids (cheaper than
  // gathering the distinct ends first); a few of them named when there are some.
  const std::string dangling_where =
      " WHERE e.src NOT IN (SELECT id FROM _graph_nodes) OR e.dst NOT IN (SELECT id FROM "
      "_graph_nodes)";
  const std::int64_t dangling_count =
      count_of(conn, "SELECT count(*) FROM _graph_served_edges e" + dangling_where);
  if (dangling_count > 0) {
    const auto dangling = texts(conn, "SELECT e.src || ' -> ' || e.dst FROM _graph_served_edges e" +
                                          dangling_where + " ORDER BY e.seq LIMIT 5");
    issues.push_back({"value_error", {"body", "edges"},
                      std::to_string(dangling_count) + " edge(s) name a node the import lacks: " +
                          joined(dangling), "null"});
  }
  return issues;
}

// Lays the derived part under what the tables hold (an id or edge key already present wins);
// answers the nodes and edges it added.
std::pair<std::int64_t, std::int64_t> add_derived(Connection& conn) {
  const std::int64_t nodes = conn.execute(
      "INSERT INTO _graph_nodes SELECT seq + " + std::to_string(kDerivedSeqBase) +
      ", id, label, name, metadata, action, product_type FROM _graph_derived_nodes d "
      "WHERE d.id NOT IN (SELECT id FROM _graph_nodes) "
      "QUALIFY row_number() OVER (PARTITION BY d.id ORDER BY d.seq) = 1").rows_changed();
  const std::int64_t edges = conn.execute(
      "INSERT INTO _graph_edges SELECT min(seq) + " + std::to_string(kDerivedSeqBase) +
      ", src, dst, type, arg_min(label, seq) FROM _graph_derived_edges d "
      "WHERE NOT EXISTS (SELECT 1 FROM _graph_edges e WHERE e.src = d.src AND e.dst = d.dst "
      "AND e.type = d.type) GROUP BY src, dst, type").rows_changed();
  return {nodes, edges};
}

// Appends the rows of `source`, in order, to `table` with seq 0: one statement keeps their
// order in rowid, which the served views turn into seq.
void append_imported(Connection& conn, const std::string& table, const Source& source) {
  conn.query("INSERT INTO " + table + " SELECT 0, * FROM (" + source.sql + ")", source.values);
}

// Marks as repeats (seq -1) the rows of `table` whose `key` (an expression over its columns)
// repeats an earlier row's; true when there were some. Rows whose key hash is unique (nearly
// all) are kept without comparing the keys themselves. Repeats are marked rather than deleted:
// deleting rows written earlier in the same transaction makes DuckDB rewrite them all at commit;
// purge_repeats deletes them once committed.
bool mark_repeats(Connection& conn, const std::string& table, const std::string& key) {
  conn.execute("CREATE OR REPLACE TEMP TABLE _graph_repeated AS SELECT hash(" + key +
               ") AS key_hash FROM " + table + " GROUP BY 1 HAVING count(*) > 1");
  std::int64_t marked = 0;
  if (count_of(conn, "SELECT count(*) FROM _graph_repeated") > 0) {
    marked = conn.execute("UPDATE " + table + " SET seq = -1 WHERE rowid IN (SELECT rowid FROM " +
                          table + " WHERE hash(" + key + ") IN (SELECT key_hash FROM "
                          "_graph_repeated) QUALIFY row_number() OVER (PARTITION BY " + key +
                          " ORDER BY rowid) > 1)").rows_changed();
  }
  conn.execute("DROP TABLE _graph_repeated");
  return marked > 0;
}

// Replaces the graph by the rows of the two sources plus the derived part, inside the caller's
// transaction: each source is written once, straight into its table, then deduplicated and
// checked there (a refused import is rolled back by the caller; readers never see it).
// `repeats` tells whether purge_repeats has work once this is committed.
ImportCounts write_import(Connection& conn, const Source& nodes, const Source& edges,
                          bool& repeats) {
  conn.execute("DELETE FROM _graph_edges");
  conn.execute("DELETE FROM _graph_nodes");
  append_imported(conn, "_graph_edges", edges);
  repeats = mark_repeats(conn, "_graph_edges", "src, dst, type");
  const std::string id = "label || ':' || " + slug_sql("name");
  append_imported(conn, "_graph_nodes",
                  {"SELECT " + id + " AS id, label, name, metadata, action, product_type FROM ("
                   "SELECT coalesce(label, '') AS label, coalesce(name, '') AS name, metadata, "
                   "action, product_type FROM (" + nodes.sql + "))",
                   nodes.values});
  repeats = mark_repeats(conn, "_graph_nodes", "id") || repeats;
  auto issues = import_issues(conn);
  if (!issues.empty()) throw util::HttpError(std::move(issues));
  ImportCounts counts;
  counts.nodes = count_of(conn, "SELECT count(*) FROM _graph_served_nodes");
  counts.edges = count_of(conn, "SELECT count(*) FROM _graph_served_edges");
  const auto [derived_nodes, derived_edges] = add_derived(conn);
  counts.total_nodes = counts.nodes + derived_nodes;
  counts.total_edges = counts.edges + derived_edges;
  return counts;
}

// Deletes the repeats an import marked, in a transaction of its own (see mark_repeats).
void purge_repeats(Connection& conn) {
  conn.execute("DELETE FROM _graph_edges WHERE seq = -1");
  conn.execute("DELETE FROM _graph_nodes WHERE seq = -1");
}

}  // namespace

ImportCounts GraphWriter::import_csv(const ingest::CsvFile& nodes, const ingest::CsvFile& edges) {
  const Source node_source = csv_nodes(CsvColumns{nodes});
  const Source edge_source = csv_edges(CsvColumns{edges});
  std::lock_guard lock(write_);
  auto lease = store_.connection();
  Connection& conn = *lease;
  try {
    bool repeats = false;
    const ImportCounts counts = store::in_transaction(
        conn, [&] { return write_import(conn, node_source, edge_source, repeats); });
    if (repeats) purge_repeats(conn);
    return counts;
  } catch (const store::StoreError& e) {
    const std::string what = e.what();
    const bool in_nodes = what.find(nodes.path()) != std::string::npos;
    throw util::HttpError(400, ingest::csv_error(what, in_nodes ? nodes.path() : edges.path(),
                                                 (in_nodes ? nodes : edges).header().size()));
  }
}

ImportCounts GraphWriter::import_items(const std::vector<ImportNode>& nodes,
                                       const std::vector<ImportEdge>& edges) {
  std::lock_guard lock(write_);
  auto lease = store_.connection();
  Connection& conn = *lease;
  bool repeats = false;
  const ImportCounts counts = store::in_transaction(conn, [&] {
    conn.execute("DELETE FROM _graph_import_nodes");
    conn.execute("DELETE FROM _graph_import_edges");
    {
      store::Appender app(conn, "_graph_import_nodes");
      std::int64_t seq = 0;
      for (const auto& n : nodes) {
        app.append_row({++seq, n.label.empty() ? Value() : Value(n.label),
                        n.name.empty() ? Value() : Value(n.name), metadata_json(n.props),
                        opt_value(prop(n.props, "action")), opt_value(prop(n.props, "product_type"))});
      }
      app.flush();
    }
    {
      store::Appender app(conn, "_graph_import_edges");
      std::int64_t seq = 0;
      for (const auto& e : edges) app.append_row({++seq, e.source, e.target, e.type, e.label});
      app.flush();
    }
    const ImportCounts counts = write_import(
        conn,
        {"SELECT label, name, metadata, action, product_type FROM _graph_import_nodes "
         "ORDER BY seq", {}},
        {"SELECT src, dst, type, label FROM _graph_import_edges ORDER BY seq", {}}, repeats);
    conn.execute("DELETE FROM _graph_import_nodes");
    conn.execute("DELETE FROM _graph_import_edges");
    return counts;
  });
  if (repeats) purge_repeats(conn);
  return counts;
}

void GraphWriter::replace_derived(const std::vector<RuleFacts>& rules) {
  std::lock_guard lock(write_);
  auto lease = store_.connection();
  Connection& conn = *lease;
  store::in_transaction(conn, [&] {
    conn.execute("DELETE FROM _graph_derived_nodes");
    conn.execute("DELETE FROM _graph_derived_edges");
    conn.execute("DELETE FROM _graph_nodes WHERE seq >= " + std::to_string(kDerivedSeqBase));
    conn.execute("DELETE FROM _graph_edges WHERE seq >= " + std::to_string(kDerivedSeqBase));
    {
      store::Appender node_app(conn, "_graph_derived_nodes");
      store::Appender edge_app(conn, "_graph_derived_edges");
      std::int64_t node_seq = 0, edge_seq = 0;
      const auto add_node = [&](const std::string& label, const std::string& name,
                                const Metadata& props) {
        const std::string id = node_id(label, name);
        node_app.append_row({++node_seq, id, label, name, metadata_json(props),
                             opt_value(prop(props, "action")),
                             opt_value(prop(props, "product_type"))});
        return id;
      };
      const auto add_edge = [&](const std::string& src, const std::string& dst,
                                const std::string& type) {
        edge_app.append_row({++edge_seq, src, dst, type, std::string()});
      };
      for (const RuleFacts& r : rules) {
        if (r.name.empty()) continue;
        Metadata props;
        if (!r.action.empty()) props.emplace_back("action", r.action);
        if (!r.product_type.empty()) props.emplace_back("product_type", r.product_type);
        const std::string rule = add_node("Rule", r.name, props);
        if (!r.risk_factor.empty()) add_edge(add_node("RiskFactor", r.risk_factor, {}), rule, "TRIGGERS");
        if (!r.outcome.empty()) add_edge(rule, add_node("Outcome", r.outcome, {}), "RESULTS_IN");
        for (const auto& m : r.mitigants) {
          if (!m.empty()) add_edge(add_node("Mitigant", m, {}), rule, "OVERRIDES");
        }
        if (!r.source.empty()) add_edge(rule, add_node("Source", r.source, {}), "DERIVED_FROM");
      }
      node_app.flush();
      edge_app.flush();
    }
    add_derived(conn);
    return 0;
  });
}

}  // namespace axis::plugins::memory::graph
