#include "analytics/comparison_documents.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <vector>

#include "datasets/catalog.h"
#include "store/connection.h"
#include "util/http_error.h"
#include "util/scoped_path.h"

namespace axis::analytics {
namespace {

using Json = nlohmann::ordered_json;

Json finite_or_null(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

Json optional_json(const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); }

// The rows of the list in its order, as `select` (SQL over q), COPYied to `path` with `options`.
void copy_rows(store::Connection& conn, const CaseListSql& list, const std::string& select,
               const std::vector<store::Value>& select_values, const std::string& path,
               const std::string& options) {
  std::vector<store::Value> values = list.values;
  for (const auto& v : select_values) values.push_back(v);
  for (const auto& v : list.search.values()) values.push_back(v);
  conn.query("COPY (" + list.with + " SELECT " + select + " FROM q" + list.search.sql() +
                 " ORDER BY " + list.order + ") TO " + datasets::quote_literal(path) + " " +
                 options,
             values);
}

// Appends the file `from` to `out` in 64 KiB pieces.
void append_file(std::ofstream& out, const std::string& from) {
  std::ifstream in(from, std::ios::binary);
  std::vector<char> buffer(64 * 1024);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out.write(buffer.data(), in.gcount());
  }
}

std::ofstream open_out(const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw util::HttpError(500, "Cannot write the export file");
  return out;
}

void finish(std::ofstream& out) {
  out.flush();
  if (!out) throw util::HttpError(500, "Cannot write the export file");
}

Json filters_json(const CompareCasesQuery& q) {
  return {{"filter", q.filter}, {"winner", optional_json(q.winner)},
          {"search", optional_json(q.search)}};
}

void write_json(store::Connection& conn, const CaseListSql& list, const CompareCasesQuery& q,
                const ModelComparison& c, const std::string& path) {
  Json metrics = Json::array();
  for (const auto& m : c.metrics) {
    metrics.push_back({{"metric", m.metric}, {"baseline_mean", finite_or_null(m.baseline.mean)},
                       {"baseline_n", m.baseline.n},
                       {"challenger_mean", finite_or_null(m.challenger.mean)},
                       {"challenger_n", m.challenger.n},
                       {"difference", finite_or_null(m.difference)},
                       {"percent_change", finite_or_null(m.percent_change)},
                       {"cohens_d", finite_or_null(m.cohens_d)},
                       {"p_value", finite_or_null(m.p_value)}, {"stars", m.stars},
                       {"winner", m.winner}});
  }
  const auto& s = c.summary;
  const Json head = {{"baseline", c.baseline}, {"challenger", c.challenger},
                     {"filters", filters_json(q)},
                     {"summary", {{"winner", s.winner}, {"baseline_wins", s.baseline_wins},
                                  {"challenger_wins", s.challenger_wins}, {"ties", s.ties}}},
                     {"metrics", metrics}};
  const util::ScopedPath rows(path + "-rows.json");
  copy_rows(conn, list,
            "dataset_id, query, CASE WHEN isfinite(baseline_score) THEN baseline_score END AS"
            " baseline_score, CASE WHEN isfinite(challenger_score) THEN challenger_score END AS"
            " challenger_score, CASE WHEN isfinite(diff) THEN diff END AS diff, winner",
            {}, rows.path(), "(FORMAT json, ARRAY true)");
  std::ofstream out = open_out(path);
  std::string text = head.dump();
  text.pop_back();  // the closing brace: the cases follow
  out << text << ",\"cases\":";
  append_file(out, rows.path());
  out << "}\n";
  finish(out);
}

std::string decimals(double v, const char* format = "%.4f") {
  if (!std::isfinite(v)) return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, v);
  return buffer;
}

std::string p_value_text(double p) {
  return std::isfinite(p) && p < 0.0001 ? "<0.0001" : decimals(p);
}

std::string side_winner(const std::string& winner, const ModelComparison& c) {
  return winner == "baseline" ? c.baseline : winner == "challenger" ? c.challenger : "Tie";
}

// The SQL of a markdown cell from the text expression `expr` (AXIS's own SQL).
std::string markdown_cell_sql(const std::string& expr) {
  return "replace(regexp_replace(replace(coalesce(" + expr +
         ", ''), '\\', '\\\\'), '\\r\\n|\\r|\\n', '<br>', 'g'), '|', '\\|')";
}

void write_markdown(store::Connection& conn, const CaseListSql& list,
                    const CompareCasesQuery& q, const ModelComparison& c,
                    const std::string& path) {
  const std::string b = markdown_cell(c.baseline), ch = markdown_cell(c.challenger);
  std::string head = "# Comparison: " + b + " vs " + ch + "\n\n";
  head += "Baseline: " + b + ". Challenger: " + ch + ". Cases: " + q.filter +
          "; winner: " + (q.winner ? *q.winner : "any") +
          "; search: " + (q.search && !q.search->empty() ? markdown_cell(*q.search) : "none") +
          ".\n\n";
  head += "## Metrics\n\nOverall winner: " + markdown_cell(side_winner(c.summary.winner, c)) +
          ". Metrics won: " + b + " " + std::to_string(c.summary.baseline_wins) + ", " + ch + " " +
          std::to_string(c.summary.challenger_wins) + "; ties " +
          std::to_string(c.summary.ties) + ".\n\n";
  head += "| Metric | " + b + " mean | " + ch +
          " mean | Difference | p-value | Winner |\n| --- | ---: | ---: | ---: | ---: | --- |\n";
  for (const auto& m : c.metrics) {
    head += "| " + markdown_cell(m.metric) + " | " + decimals(m.baseline.mean) + " | " +
            decimals(m.challenger.mean) + " | " + decimals(m.difference, "%+.4f") + " | " +
            p_value_text(m.p_value) + m.stars + " | " + markdown_cell(side_winner(m.winner, c)) +
            " |\n";
  }
  if (c.metrics.empty()) head += "| (no metric scored by both) | | | | | |\n";
  head += "\n## Cases\n\n| dataset_id | query | " + b + " score | " + ch +
          " score | diff | winner |\n| --- | --- | ---: | ---: | ---: | --- |\n";

  const util::ScopedPath rows(path + "-rows.md");
  const std::string sep = " || ' | ' || ";
  copy_rows(conn, list,
            "'| ' || " + markdown_cell_sql("dataset_id") + sep + markdown_cell_sql("query") + sep +
                "coalesce(" + score_text_sql("baseline_score") + ", '')" + sep + "coalesce(" +
                score_text_sql("challenger_score") + ", '')" + sep + "coalesce(" +
                score_text_sql("diff") + ", '')" + sep +
                "CASE winner WHEN 'Baseline' THEN ? WHEN 'Challenger' THEN ? ELSE 'Tie' END"
                " || ' |'",
            {b, ch}, rows.path(),
            "(FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '|', NEW_LINE '\\n')");
  std::ofstream out = open_out(path);
  out << head;
  append_file(out, rows.path());
  finish(out);
}

}  // namespace

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '\\' || ch == '|') {
      out += '\\';
      out += ch;
    } else if (ch == '\r' || ch == '\n') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "<br>";
    } else {
      out += ch;
    }
  }
  return out;
}

void write_comparison_document(store::Connection& conn, const CaseListSql& list,
                               const CompareCasesQuery& query, const ModelComparison& comparison,
                               ExportFormat format, const std::string& path) {
  if (format == ExportFormat::json) write_json(conn, list, query, comparison, path);
  else write_markdown(conn, list, query, comparison, path);
}

}  // namespace axis::analytics
