#include "reports/issue_extractor.h"

#include <openssl/evp.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "util/json_text.h"
#include "util/text.h"

namespace axis::reports {
namespace {

std::string id_of(const Json& row) {
  for (const char* key : {"dataset_id", "id"}) {
    auto it = row.find(key);
    if (it == row.end() || it->is_null()) continue;
    return it->is_string() ? it->get<std::string>() : it->dump();
  }
  return "";
}

std::optional<double> score_of(const Json& row) {
  auto it = row.find("metric_score");
  if (it == row.end() || it->is_null()) return std::nullopt;
  double v = NAN;
  if (it->is_number() && !it->is_boolean()) {
    v = it->get<double>();
  } else if (it->is_boolean()) {
    v = it->get<bool>() ? 1.0 : 0.0;
  } else if (it->is_string()) {
    const std::string s = it->get<std::string>();
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  }
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

bool in_sample(const std::string& id, double rate) {
  if (rate >= 1.0) return true;
  if (rate <= 0.0) return false;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(id.data(), id.size(), digest, &length, EVP_md5(), nullptr);
  unsigned remainder = 0;
  for (unsigned int i = 0; i < length; ++i) remainder = (remainder * 256 + digest[i]) % 1000;
  return remainder < rate * 1000.0;
}

Extraction extract_issues(const Json& rows, const ReportRequest& request) {
  const auto& cfg = request.extraction;
  Extraction out;
  std::set<std::string> metrics;
  std::vector<std::pair<std::optional<double>, Json>> found;
  for (const auto& row : rows) {
    if (!row.is_object()) continue;
    const std::string id = id_of(row);
    if (!in_sample(id, cfg.sample_rate)) continue;
    ++out.total_records_analyzed;
    if (static_cast<int>(found.size()) >= cfg.max_issues) continue;
    const std::string metric = row.contains("metric_name") && row["metric_name"].is_string()
                                   ? row["metric_name"].get<std::string>() : "";
    if (request.metric_filter) {
      if (metric != *request.metric_filter) continue;
    } else if (!cfg.metric_filters.empty() &&
               std::find(cfg.metric_filters.begin(), cfg.metric_filters.end(), metric) == cfg.metric_filters.end()) {
      continue;
    }
    const auto score = score_of(row);
    if (!score) {
      if (!cfg.include_nan) continue;
    } else if (request.mode == "low" && *score > cfg.score_threshold) {
      continue;
    } else if (request.mode == "high" && *score <= cfg.score_threshold) {
      continue;
    }
    Json issue = {{"id", id}, {"metric_name", metric}, {"score", score ? Json(*score) : Json(nullptr)}};
    for (const auto& field : cfg.include_context_fields) {
      auto it = row.find(field);
      if (it == row.end() || it->is_null()) continue;
      if (field == "signals" && it->is_string()) {
        Json parsed = Json::parse(it->get<std::string>(), nullptr, false);
        issue[field] = parsed.is_discarded() ? Json{{"raw", it->get<std::string>()}} : parsed;
      } else {
        issue[field] = *it;
      }
    }
    metrics.insert(metric);
    found.emplace_back(score, std::move(issue));
  }
  const bool ascending = request.mode == "low";
  using Found = std::pair<std::optional<double>, Json>;
  std::stable_sort(found.begin(), found.end(), [&](const Found& a, const Found& b) {
    if (!a.first || !b.first) return a.first.has_value() && !b.first.has_value();
    const double x = *a.first, y = *b.first;
    return ascending ? x < y : x > y;
  });
  for (auto& f : found) out.issues.push_back(std::move(f.second));
  out.metrics_covered.assign(metrics.begin(), metrics.end());
  return out;
}

Json preview_issues(const Json& issues) {
  Json out = Json::array();
  for (std::size_t i = 0; i < issues.size() && i < 20; ++i) {
    Json issue = issues[i];
    static const std::vector<std::pair<std::string, std::size_t>> limits = {
        {"query", 200}, {"actual_output", 200}, {"expected_output", 150}};
    for (const auto& [field, limit] : limits) {
      if (issue.contains(field) && issue[field].is_string()) {
        issue[field] = util::truncate_chars(issue[field].get<std::string>(), limit);
      }
    }
    out.push_back(std::move(issue));
  }
  return out;
}

}  // namespace axis::reports
