#include "evalrun/run_summary.h"

#include "evalmetrics/catalogue.h"
#include "evalmetrics/rounding.h"

namespace axis::evalrun {

namespace {

double round4(double value) { return evalmetrics::round_places(value, 4); }

std::string metric_name(const std::string& key) {
  const auto* info = evalmetrics::find_metric(key);
  return info ? info->name : key;
}

}  // namespace

RunSummary summarise(const RunStore& runs, const RunRecord& run, const std::vector<MetricRule>& rules) {
  RunSummary s;
  s.evaluation_name = run.evaluation_name;
  s.run_id = run.run_id;
  s.completed = run.status == "completed";
  s.dataset_id = run.dataset_id;
  s.total_items = run.total_items;
  s.metrics_count = static_cast<long long>(rules.size());
  for (const auto& rule : rules) s.rules.emplace(rule.metric_key, rule);

  double sum_of_averages = 0;
  for (const auto& a : runs.aggregate(run.run_id, rules)) {
    MetricResult m;
    m.metric_key = a.metric_key;
    m.metric_name = metric_name(a.metric_key);
    m.average_score = round4(a.average);
    m.median_score = round4(a.median);
    m.min_score = round4(a.min);
    m.max_score = round4(a.max);
    m.pass_rate = round4(a.pass_rate);
    m.threshold = s.rules.at(a.metric_key).threshold;
    m.passed = a.pass_rate >= 0.5;
    m.failed_calls = a.failed_calls;
    sum_of_averages += a.average;
    s.metric_results.push_back(std::move(m));
  }
  s.average_score = rules.empty() ? 0 : round4(sum_of_averages / static_cast<double>(rules.size()));
  s.overall_pass_rate = round4(runs.overall_pass_rate(run.run_id, rules));

  s.flat_rows = runs.flat_rows(run.run_id, kListedItems);
  s.items_truncated = run.total_items > kListedItems;
  std::map<std::string, std::size_t> metric_at;
  for (std::size_t i = 0; i < s.metric_results.size(); ++i) metric_at[s.metric_results[i].metric_key] = i;
  long long current = -1;
  double passed_sum = 0;
  int passed_count = 0;
  const auto close_item = [&] {
    if (s.item_results.empty()) return;
    s.item_results.back().passed = passed_count > 0 && passed_sum / passed_count >= 0.5;
  };
  for (const auto& row : s.flat_rows) {
    if (row.item_index != current) {
      close_item();
      current = row.item_index;
      passed_sum = 0;
      passed_count = 0;
      s.item_results.push_back({row.item_id, row.dataset_id, row.query, row.actual_output,
                                row.expected_output, {}, {}, false});
    }
    if (row.metric_key.empty()) continue;  // an item with nothing scored yet
    auto& item = s.item_results.back();
    item.metric_reasons[row.metric_key] = row.reason;
    if (!row.score) continue;
    item.metric_scores[row.metric_key] = round4(*row.score);
    if (const auto at = metric_at.find(row.metric_key); at != metric_at.end())
      s.metric_results[at->second].scores.push_back(round4(*row.score));
    const auto rule = s.rules.find(row.metric_key);
    passed_sum += rule != s.rules.end() ? rule->second.item_share(*row.score) : *row.score;
    ++passed_count;
  }
  close_item();
  return s;
}

}  // namespace axis::evalrun
