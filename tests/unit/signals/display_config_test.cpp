#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "signals/display_config.h"
#include "signals/display_overrides.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;

// Metrics in schema order: case (a rate, a duration, a score, an outcome with 3 values),
// esc (a rate with "complian", a string with one value, a count), notes (insight signals and
// five more chartable strings).
Json schema() {
  return Json::parse(R"({
    "metrics": {
      "case": {"category": "classification",
               "signals": ["is_resolved", "wait_minutes", "quality_score", "outcome", "resolved_flag"],
               "signal_types": {"is_resolved": "boolean", "wait_minutes": "number",
                                "quality_score": "number", "outcome": "string", "resolved_flag": "boolean"},
               "values": {"outcome": ["abandoned", "escalated", "resolved"]}},
      "esc": {"category": "classification",
              "signals": ["has_compliance_issue", "team", "hops"],
              "signal_types": {"has_compliance_issue": "boolean", "team": "string", "hops": "number"},
              "values": {"team": ["billing"]}},
      "notes": {"category": "analysis",
                "signals": ["requests", "learnings", "suggested_action", "categories", "s1", "s2", "s3", "s4", "tags"],
                "signal_types": {"requests": "array", "learnings": "array", "suggested_action": "string",
                                 "categories": "array", "s1": "string", "s2": "string", "s3": "string",
                                 "s4": "string", "tags": "array"},
                "values": {"suggested_action": ["call back", "refund"], "s1": ["a", "b"], "s2": ["a", "b"],
                           "s3": ["a", "b"], "s4": ["a", "b"]}}},
    "source_fields": ["source_name", "environment"],
    "has_timestamp": true})");
}

std::vector<std::string> field(const Json& list, const char* a, const char* b) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item.value(a, "") + "/" + item.value(b, ""));
  return out;
}

TEST(DisplayConfig, KpiStripRatesThenNumbersThenAggregates) {
  const Json kpis = generate_display_config(schema(), {})["kpi_strip"];
  EXPECT_EQ(kpis.dump(), Json::parse(R"([
    {"metric": "case", "signal": "is_resolved", "label": "Is Resolved", "format": "percent",
     "icon": "check-circle", "highlight": false},
    {"metric": "esc", "signal": "has_compliance_issue", "label": "Has Compliance Issue",
     "format": "percent", "icon": "shield-check", "highlight": true},
    {"metric": "case", "signal": "wait_minutes", "label": "Wait Minutes", "aggregation": "median",
     "format": "duration", "icon": "clock"},
    {"metric": "esc", "signal": "hops", "label": "Hops", "aggregation": "median", "format": "number",
     "icon": "hash"},
    {"aggregate": "avg_message_count", "label": "Avg Messages", "format": "number", "icon": "message-square"},
    {"aggregate": "total_cases", "label": "Total Cases", "format": "number", "icon": "database"}])").dump());
}

TEST(DisplayConfig, VisibleKpisKeepOnlyTheNamedCards) {
  const Json kpis = generate_display_config(schema(), {"hops", "total_cases"})["kpi_strip"];
  EXPECT_EQ(field(kpis, "signal", "aggregate"), (std::vector<std::string>{"hops/", "/total_cases"}));
}

TEST(DisplayConfig, ChartSections) {
  const Json sections = generate_display_config(schema(), {})["chart_sections"];
  std::vector<std::string> got;
  for (const auto& s : sections) {
    std::string line = s["title"].get<std::string>() + " (" + s["layout"].get<std::string>() + "):";
    for (const auto& c : s["charts"]) {
      line += " " + c["metric"].get<std::string>() + "." + c["signal"].get<std::string>() + "=" +
              c["type"].get<std::string>() + "[" + c["title"].get<std::string>() + "]";
    }
    got.push_back(line);
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "Outcome Distribution (full): case.outcome=stacked_bar[Outcome]",
                     "Root Cause Analysis (grid_2): notes.s1=bar[S1] notes.s2=bar[S2]",
                     "Additional Metrics (grid_2): notes.s3=bar[S3] notes.s4=bar[S4]",
                     "Insights (grid_2): notes.requests=text_list[Top Requests] "
                     "notes.learnings=text_list[Top Learnings] "
                     "notes.suggested_action=text_list[Top Suggested Actions] "
                     "notes.categories=ranked_list[Categories Breakdown]"}));
}

TEST(DisplayConfig, FiltersTableColumnsAndColours) {
  const Json c = generate_display_config(schema(), {});
  EXPECT_EQ(field(c["filters"], "field", "signal"),
            (std::vector<std::string>{"source_name/", "environment/", "/outcome", "/suggested_action",
                                      "/s1", "/s2", "/s3", "/s4"}));
  EXPECT_EQ(c["filters"][0]["label"], "Source");
  EXPECT_EQ(c["filters"][2].dump(),
            R"({"type":"metric","metric":"case","signal":"outcome","label":"Outcome","options":["abandoned","escalated","resolved"]})");
  EXPECT_EQ(field(c["table_columns"], "key", "label"),
            (std::vector<std::string>{"Case_ID/Case ID", "source_name/Source", "Business/Business",
                                      "case__outcome/Outcome", "esc__team/Team",
                                      "notes__suggested_action/Suggested Action",
                                      "Message_Count/Messages", "Timestamp/Timestamp"}));
  EXPECT_EQ(c["color_maps"]["case__outcome"].size(), 3u);
  EXPECT_EQ(c["color_maps"]["esc__team"].size(), 1u);
  EXPECT_NE(c["color_maps"]["case__outcome"]["abandoned"], c["color_maps"]["case__outcome"]["resolved"]);
}

TEST(DisplayConfig, FewClassificationSignals) {
  Json one = schema();
  one["metrics"].erase("notes");
  const Json sections = generate_display_config(one, {})["chart_sections"];
  ASSERT_EQ(sections.size(), 1u);  // team has a single value: not chartable
  Json two = one;
  two["metrics"]["esc"]["values"]["team"] = {"billing", "tech"};
  const Json more = generate_display_config(two, {})["chart_sections"];
  ASSERT_EQ(more.size(), 2u);
  EXPECT_EQ(more[1]["title"], "Breakdown");
  EXPECT_EQ(more[1]["layout"], "full");
}

class TempConfigDir {
 public:
  TempConfigDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("axis-signals-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempConfigDir() { std::filesystem::remove_all(path_); }
  void write(const std::string& text) const { std::ofstream(path_ / "signals_metrics.yaml") << text; }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST(DisplayOverrides, SectionsReplaceAndColoursMerge) {
  TempConfigDir dir;
  Json config = generate_display_config(schema(), {});
  const Json generated = config;
  std::vector<std::string> warnings;
  apply_display_overrides(config, dir.str(), warnings);  // no file: unchanged
  EXPECT_EQ(config, generated);

  dir.write(R"(
kpi_strip:
  - {label: Waiting, metric: case, signal: wait_minutes, aggregate: mean, format: duration}
  - {label: Cases, aggregate: total_cases}
table_columns: [Case_ID, case__outcome]
color_maps:
  case__outcome: {resolved: "#00AA00"}
  custom: {x: "#123456"}
)");
  apply_display_overrides(config, dir.str(), warnings);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(config["kpi_strip"].size(), 2u);
  EXPECT_EQ(config["kpi_strip"][0]["label"], "Waiting");
  EXPECT_EQ(config["kpi_strip"][0]["aggregate"], "mean");
  EXPECT_EQ(config["table_columns"].dump(), R"(["Case_ID","case__outcome"])");
  EXPECT_EQ(config["chart_sections"], generated["chart_sections"]);
  EXPECT_EQ(config["filters"], generated["filters"]);
  EXPECT_EQ(config["color_maps"]["case__outcome"].dump(), R"({"resolved":"#00AA00"})");
  EXPECT_EQ(config["color_maps"]["custom"]["x"], "#123456");
  EXPECT_EQ(config["color_maps"]["esc__team"], generated["color_maps"]["esc__team"]);
}

TEST(DisplayOverrides, WrappedUnderSignalsMetricsKey) {
  TempConfigDir dir;
  dir.write("signals_metrics:\n  filters: []\n");
  Json config = generate_display_config(schema(), {});
  std::vector<std::string> warnings;
  apply_display_overrides(config, dir.str(), warnings);
  EXPECT_EQ(config["filters"].dump(), "[]");
}

TEST(DisplayOverrides, BadFilesAndShapesAreSkippedWithAWarning) {
  TempConfigDir dir;
  const Json generated = generate_display_config(schema(), {});
  Json config = generated;
  std::vector<std::string> warnings;
  dir.write("kpi_strip: [unclosed\n");
  apply_display_overrides(config, dir.str(), warnings);
  EXPECT_EQ(config, generated);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].rfind("signals_metrics.yaml ignored: ", 0), 0u) << warnings[0];

  warnings.clear();
  dir.write("kpi_strip: {a: 1}\ncolor_maps: [1]\n");
  apply_display_overrides(config, dir.str(), warnings);
  EXPECT_EQ(config, generated);
  EXPECT_EQ(warnings, (std::vector<std::string>{
                          "signals_metrics.yaml: kpi_strip is not a list, kept the generated one",
                          "signals_metrics.yaml: color_maps is not a map, kept the generated one"}));
}

}  // namespace
}  // namespace axis::signals
