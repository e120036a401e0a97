#include <cmath>

#include "copilot/data_tool_functions.h"
#include "store/connection.h"

namespace axis::copilot {
namespace {

constexpr std::size_t kMaxMetrics = 10;

struct Stats {
  long long count = 0;
  std::optional<double> mean, std, min, max, median, q25, q75;
};

// The requested metrics that are numeric (in the order asked), or every metric; at most 10.
std::vector<std::string> chosen_metrics(const ToolTable& t, const Json& args) {
  std::vector<std::string> out;
  auto it = args.find("metrics");
  if (it != args.end() && it->is_array() && !it->empty()) {
    for (const auto& m : *it) {
      if (!m.is_string()) continue;
      const ToolColumn* c = t.find(m.get<std::string>());
      if (c && c->numeric && out.size() < kMaxMetrics) out.push_back(c->name);
    }
    return out;
  }
  return t.metric_names(kMaxMetrics);
}

Stats stats_of(store::Connection& conn, const ToolTable& t, const std::string& m) {
  const std::string c = quoted(m);
  const auto row = one_row(conn,
                           "SELECT count(" + c + "), avg(" + c + "), coalesce(stddev_samp(" + c +
                               "), 0), min(" + c + "), max(" + c + "), quantile_cont(" + c +
                               ", 0.5), quantile_cont(" + c + ", 0.25), quantile_cont(" + c +
                               ", 0.75) FROM " + t.from, {});
  Stats s;
  s.count = count_of(row[0]);
  s.mean = number(row[1]);
  s.std = s.count > 0 ? number(row[2]) : std::nullopt;
  s.min = number(row[3]);
  s.max = number(row[4]);
  s.median = number(row[5]);
  s.q25 = number(row[6]);
  s.q75 = number(row[7]);
  return s;
}

}  // namespace

Json analyze_data(store::Connection& conn, const ToolTable& t, const Json& args) {
  const auto metrics = chosen_metrics(t, args);
  Json out = Json::object();
  out["total_records"] = count_of(one_row(conn, "SELECT count(*) FROM " + t.from, {}).at(0));
  out["metrics_analyzed"] = metrics;
  Json insights = Json::array();

  std::vector<Stats> stats;
  for (const auto& m : metrics) stats.push_back(stats_of(conn, t, m));

  if (args.value("include_distributions", true)) {
    Json d = Json::object();
    for (std::size_t i = 0; i < metrics.size(); ++i) {
      const Stats& s = stats[i];
      d[metrics[i]] = {{"count", s.count}, {"mean", rounded(s.mean)}, {"std", rounded(s.std)},
                       {"min", rounded(s.min)}, {"max", rounded(s.max)}, {"median", rounded(s.median)},
                       {"q25", rounded(s.q25)}, {"q75", rounded(s.q75)}};
    }
    out["distributions"] = std::move(d);
  }
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    const Stats& s = stats[i];
    if (s.mean && s.max && *s.mean < 0.5 && *s.max <= 1.0) {
      insights.push_back(metrics[i] + " has a low average (" + python_float(round_to(*s.mean, 3)) +
                         "); look at its lowest-scoring records");
    }
  }

  if (args.value("include_correlations", true) && metrics.size() >= 2) {
    std::string complete;
    for (const auto& m : metrics) complete += (complete.empty() ? "" : " AND ") + quoted(m) + " IS NOT NULL";
    std::string sql = "SELECT count(*) FILTER (WHERE " + complete + ")";
    for (std::size_t a = 0; a < metrics.size(); ++a) {
      for (std::size_t b = a + 1; b < metrics.size(); ++b) {
        sql += ", corr(" + quoted(metrics[a]) + ", " + quoted(metrics[b]) + ") FILTER (WHERE " + complete + ")";
      }
    }
    const auto row = one_row(conn, sql + " FROM " + t.from, {});
    Json strong = Json::array();
    if (count_of(row[0]) > 2) {
      std::size_t k = 1;
      for (std::size_t a = 0; a < metrics.size(); ++a) {
        for (std::size_t b = a + 1; b < metrics.size(); ++b, ++k) {
          const auto r = number(row[k]);
          if (!r || std::fabs(*r) <= 0.7) continue;
          const std::string strength = *r > 0 ? "strong positive" : "strong negative";
          strong.push_back({{"metrics", {metrics[a], metrics[b]}}, {"correlation", rounded(r, 3)},
                            {"strength", strength}});
          insights.push_back(metrics[a] + " and " + metrics[b] + " have a " + strength +
                             " correlation (r = " + python_float(round_to(*r, 3)) + ")");
        }
      }
    }
    out["strong_correlations"] = std::move(strong);
  }

  if (args.value("include_outliers", true)) {
    Json outliers = Json::object();
    for (std::size_t i = 0; i < metrics.size(); ++i) {
      const Stats& s = stats[i];
      if (s.count <= 4 || !s.q25 || !s.q75) continue;
      const double iqr = *s.q75 - *s.q25;
      const std::string c = quoted(metrics[i]);
      const long long n = count_of(one_row(conn, "SELECT count(*) FROM " + t.from + " WHERE " + c +
                                                     " < ? OR " + c + " > ?",
                                           {*s.q25 - 1.5 * iqr, *s.q75 + 1.5 * iqr}).at(0));
      if (n > 0) {
        outliers[metrics[i]] = {{"count", n},
                                {"percentage", rounded(100.0 * static_cast<double>(n) / static_cast<double>(s.count), 2)}};
      }
    }
    out["outliers"] = std::move(outliers);
  }
  out["insights"] = std::move(insights);
  return out;
}

}  // namespace axis::copilot
