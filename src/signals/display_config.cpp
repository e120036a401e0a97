#include "signals/display_config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <functional>

#include "config/env.h"
#include "util/title_case.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;
using util::title_case;

// Colours given to the values of a string signal, in value order.
constexpr std::array<const char*, 10> kPalette = {"#2E7D9A", "#E0A526", "#5B8C5A", "#C4553B",
                                                  "#7A5C99", "#3B9C9C", "#D9822B", "#8A9BA8",
                                                  "#B5486E", "#4F6D3A"};

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

bool is_time_like(const std::string& name) {
  for (const char* p : {"time", "duration", "latency", "elapsed", "wait", "ttq", "tat"}) {
    if (contains(name, p)) return true;
  }
  return false;
}

const char* rate_icon(const std::string& signal) {
  if (contains(signal, "complian")) return "shield-check";
  if (contains(signal, "escalat")) return "alert-triangle";
  if (contains(signal, "resolv")) return "check-circle";
  if (contains(signal, "override")) return "rotate-ccw";
  return "target";
}

const char* number_icon(const std::string& signal) {
  if (is_time_like(signal)) return "clock";
  if (contains(signal, "cost") || contains(signal, "price")) return "dollar-sign";
  if (contains(signal, "count") || contains(signal, "total")) return "bar-chart-3";
  if (contains(signal, "score") || contains(signal, "rating") || contains(signal, "csat")) return "star";
  return "hash";
}

// Calls fn(metric, signal, type, values) for every signal of every metric, in schema order.
using SignalVisitor = std::function<void(const std::string& metric, const std::string& signal,
                                         const std::string& type, const Json& values)>;

void each_signal(const Json& metrics, const SignalVisitor& fn) {
  static const Json kNoValues = Json::array();
  for (const auto& [metric, meta] : metrics.items()) {
    const Json& types = meta.at("signal_types");
    const Json& values = meta.at("values");
    for (const Json& item : meta.at("signals")) {
      const std::string name = item.get<std::string>();
      auto v = values.find(name);
      fn(metric, name, types.value(name, "unknown"), v == values.end() ? kNoValues : *v);
    }
  }
}

Json kpi_strip(const Json& metrics, const std::vector<std::string>& visible) {
  auto shown = [&](const std::string& key) {
    return visible.empty() || std::find(visible.begin(), visible.end(), key) != visible.end();
  };
  Json out = Json::array();
  each_signal(metrics, [&](const std::string& metric, const std::string& signal,
                           const std::string& type, const Json&) {
    const bool flag = signal.rfind("is_", 0) == 0 || signal.rfind("has_", 0) == 0;
    if (type != "boolean" || !flag || !shown(signal)) return;
    out.push_back({{"metric", metric}, {"signal", signal}, {"label", title_case(signal)},
                   {"format", "percent"}, {"icon", rate_icon(signal)},
                   {"highlight", contains(signal, "complian")}});
  });
  each_signal(metrics, [&](const std::string& metric, const std::string& signal,
                           const std::string& type, const Json&) {
    const bool is_score = signal.size() >= 6 && signal.compare(signal.size() - 6, 6, "_score") == 0;
    if (type != "number" || is_score || !shown(signal)) return;
    out.push_back({{"metric", metric}, {"signal", signal}, {"label", title_case(signal)},
                   {"aggregation", "median"},
                   {"format", is_time_like(config::detail::to_lower(signal)) ? "duration" : "number"},
                   {"icon", number_icon(config::detail::to_lower(signal))}});
  });
  if (shown("avg_message_count")) {
    out.push_back({{"aggregate", "avg_message_count"}, {"label", "Avg Messages"},
                   {"format", "number"}, {"icon", "message-square"}});
  }
  if (shown("total_cases")) {
    out.push_back({{"aggregate", "total_cases"}, {"label", "Total Cases"}, {"format", "number"},
                   {"icon", "database"}});
  }
  return out;
}

Json chart(const std::string& metric, const std::string& signal, const char* type,
           const std::string& title) {
  return {{"metric", metric}, {"signal", signal}, {"type", type}, {"title", title}};
}

Json section(const char* title, const char* layout, Json charts) {
  return {{"title", title}, {"layout", layout}, {"charts", std::move(charts)}};
}

bool chartable(const std::string& type, const Json& values) {
  return type == "string" && values.size() >= 2 && values.size() <= 20;
}

Json chart_sections(const Json& metrics) {
  Json classification = Json::array();
  Json insights = Json::array();
  each_signal(metrics, [&](const std::string& metric, const std::string& signal,
                           const std::string& type, const Json& values) {
    const std::string title = title_case(signal);
    if (type == "string" && signal == "suggested_action" && !values.empty()) {
      insights.push_back(chart(metric, signal, "text_list", "Top " + title + "s"));
    } else if (chartable(type, values)) {
      classification.push_back(chart(metric, signal, "bar", title));
    } else if (type == "array" && (signal == "requests" || signal == "learnings")) {
      insights.push_back(chart(metric, signal, "text_list", "Top " + title));
    } else if (type == "array" && signal == "categories") {
      insights.push_back(chart(metric, signal, "ranked_list", title + " Breakdown"));
    }
  });
  Json out = Json::array();
  if (!classification.empty()) {
    Json outcome = classification[0];
    outcome["type"] = "stacked_bar";
    out.push_back(section("Outcome Distribution", "full", Json::array({outcome})));
    const std::size_t rest = classification.size() - 1;
    if (rest == 1) {
      out.push_back(section("Breakdown", "full", Json::array({classification[1]})));
    } else if (rest >= 2) {
      out.push_back(section("Root Cause Analysis", "grid_2",
                            Json::array({classification[1], classification[2]})));
    }
    if (rest >= 3) {
      Json more = Json::array({classification[3]});
      if (rest >= 4) more.push_back(classification[4]);
      out.push_back(section("Additional Metrics", "grid_2", std::move(more)));
    }
  }
  if (!insights.empty()) {
    out.push_back(section("Insights", insights.size() == 1 ? "full" : "grid_2", std::move(insights)));
  }
  return out;
}

Json filters(const Json& metrics, const Json& source_fields) {
  static const std::pair<const char*, const char*> kLabels[] = {
      {"source_name", "Source"}, {"source_component", "Component"},
      {"source_type", "Source Type"}, {"environment", "Environment"}};
  Json out = Json::array();
  for (const auto& field : source_fields) {
    const std::string name = field.get<std::string>();
    std::string label = title_case(name);
    for (const auto& [f, l] : kLabels) {
      if (name == f) label = l;
    }
    out.push_back({{"type", "source"}, {"field", name}, {"label", label}});
  }
  each_signal(metrics, [&](const std::string& metric, const std::string& signal,
                           const std::string& type, const Json& values) {
    if (!chartable(type, values)) return;
    out.push_back({{"type", "metric"}, {"metric", metric}, {"signal", signal},
                   {"label", title_case(signal)}, {"options", values}});
  });
  return out;
}

Json column(const std::string& key, const std::string& label) {
  return {{"key", key}, {"label", label}, {"sortable", true}};
}

Json table_columns(const Json& metrics, const Json& source_fields) {
  Json out = Json::array({column("Case_ID", "Case ID")});
  if (std::find(source_fields.begin(), source_fields.end(), "source_name") != source_fields.end()) {
    out.push_back(column("source_name", "Source"));
  }
  out.push_back(column("Business", "Business"));
  for (const auto& [metric, meta] : metrics.items()) {
    const Json& values = meta.at("values");
    for (const auto& signal : meta.at("signals")) {
      const std::string name = signal.get<std::string>();
      if (meta.at("signal_types").value(name, "") == "string" && values.contains(name)) {
        out.push_back(column(metric + "__" + name, title_case(name)));
        break;
      }
    }
  }
  out.push_back(column("Message_Count", "Messages"));
  out.push_back(column("Timestamp", "Timestamp"));
  return out;
}

Json color_maps(const Json& metrics) {
  Json out = Json::object();
  for (const auto& [metric, meta] : metrics.items()) {
    for (const auto& [signal, values] : meta.at("values").items()) {
      Json colours = Json::object();
      for (std::size_t i = 0; i < values.size(); ++i) {
        colours[values[i].get<std::string>()] = kPalette[i % kPalette.size()];
      }
      out[metric + "__" + signal] = std::move(colours);
    }
  }
  return out;
}

}  // namespace

nlohmann::ordered_json generate_display_config(const nlohmann::ordered_json& schema,
                                               const std::vector<std::string>& visible_kpis) {
  const Json& metrics = schema.at("metrics");
  const Json& sources = schema.at("source_fields");
  return {{"kpi_strip", kpi_strip(metrics, visible_kpis)},
          {"chart_sections", chart_sections(metrics)},
          {"filters", filters(metrics, sources)},
          {"table_columns", table_columns(metrics, sources)},
          {"color_maps", color_maps(metrics)}};
}

}  // namespace axis::signals
