#include "reports/report_prompt.h"

#include <cstdio>
#include <map>

#include "util/text.h"

namespace axis::reports {
namespace {

constexpr std::size_t kMaxMetrics = 20;
constexpr std::size_t kExamplesPerMetric = 3;
constexpr std::size_t kMaxSignals = 5;

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string text_of(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::string focus_of(const std::string& mode) {
  if (mode == "low") {
    return "Focus on failures: what goes wrong, the likely root causes, and how to fix them.";
  }
  if (mode == "high") {
    return "Focus on successes: what works well, why, and how to keep and extend it.";
  }
  return "Contrast the strong and the weak results: what separates them.";
}

std::string skeleton_of(const std::string& type) {
  if (type == "detailed") {
    return "## Executive Summary\n## Per-Metric Analysis (for each metric: score range, patterns, "
           "signals, severity)\n## Cross-Metric Findings\nLength: 500-900 words.";
  }
  if (type == "grouped") {
    return "## Overview\n## Patterns (3-6; each with the metrics involved, frequency, evidence, impact)\n"
           "## Ranking (patterns by impact)\nLength: 400-700 words.";
  }
  if (type == "recommendations") {
    return "## Assessment\n## Recommendations (4-6, prioritised; each with evidence, implementation, "
           "expected outcome)\n## Quick Wins\n## Monitoring\nLength: 500-800 words.";
  }
  return "## Summary (one line on overall health)\n## Key Findings (3)\n## Actions (2-3)\n"
         "Length: 200-350 words.";
}

}  // namespace

std::string issues_text(const Json& issues) {
  std::map<std::string, std::vector<const Json*>> by_metric;
  std::vector<std::string> order;
  for (const auto& issue : issues) {
    const std::string m = issue.value("metric_name", std::string());
    if (!by_metric.count(m)) order.push_back(m);
    by_metric[m].push_back(&issue);
  }
  std::string out;
  for (std::size_t k = 0; k < order.size() && k < kMaxMetrics; ++k) {
    const auto& list = by_metric[order[k]];
    double sum = 0;
    int scored = 0;
    for (const Json* i : list) {
      if ((*i)["score"].is_number()) {
        sum += (*i)["score"].get<double>();
        ++scored;
      }
    }
    out += "### " + order[k] + "\n";
    out += "Average score: " + (scored ? fixed3(sum / scored) : std::string("n/a")) + ", issues: " +
           std::to_string(list.size()) + "\n";
    for (std::size_t e = 0; e < list.size() && e < kExamplesPerMetric; ++e) {
      const Json& i = *list[e];
      out += "- ID " + text_of(i["id"]) + ", score " + (i["score"].is_number() ? fixed3(i["score"].get<double>()) : "n/a") + "\n";
      for (const auto& [field, limit] : std::vector<std::pair<std::string, std::size_t>>{
               {"query", 200}, {"actual_output", 200}, {"expected_output", 150},
               {"retrieved_content", 150}, {"critique", 150}}) {
        if (i.contains(field) && !i[field].is_null()) out += "  " + field + ": " + util::truncate_chars(text_of(i[field]), limit) + "\n";
      }
      if (i.contains("signals") && i["signals"].is_object()) {
        std::size_t n = 0;
        for (const auto& [key, value] : i["signals"].items()) {
          if (n++ == kMaxSignals) break;
          out += "  signal " + key + ": " + util::truncate_chars(text_of(value), 100) + "\n";
        }
      }
    }
    out += "\n";
  }
  return out;
}

ReportPrompt report_prompt(const ReportRequest& request, const Extraction& extraction) {
  const auto& cfg = request.extraction;
  ReportPrompt p;
  p.system = "You are a senior AI evaluation analyst writing a " + request.report_type +
             " report about " + request.mode + "-scoring evaluation results. " + focus_of(request.mode) +
             "\nCite record IDs as evidence. Write Markdown with bullet points and no tables, in this "
             "structure:\n" + skeleton_of(request.report_type);
  std::string metrics;
  for (std::size_t i = 0; i < extraction.metrics_covered.size(); ++i) {
    metrics += (i ? ", " : "") + extraction.metrics_covered[i];
  }
  std::string fields;
  for (std::size_t i = 0; i < cfg.include_context_fields.size(); ++i) {
    fields += (i ? ", " : "") + cfg.include_context_fields[i];
  }
  char sample[32];
  std::snprintf(sample, sizeof sample, "%g%%", cfg.sample_rate * 100.0);
  p.user = "Mode: " + request.mode + " (threshold " + util::python_float(cfg.score_threshold) + ")\n" +
           "Records analysed: " + std::to_string(extraction.total_records_analyzed) + "\n" +
           "Issues: " + std::to_string(extraction.issues.size()) + "\n" +
           "Metrics: " + metrics + "\n" + "Sample: " + sample + "\n" + "Context fields: " + fields + "\n\n" +
           issues_text(extraction.issues) + "Produce the " + request.report_type + " report in that format.";
  return p;
}

}  // namespace axis::reports
