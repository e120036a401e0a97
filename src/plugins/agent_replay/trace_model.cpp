#include "plugins/agent_replay/trace_model.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "plugins/agent_replay/trace_values.h"

namespace axis::plugins::agent_replay {
namespace {

std::optional<double> number_at(const Json& obj, const char* key) {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::string text_at(const Json& obj, const char* key) {
  if (!obj.is_object()) return "";
  const auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : "";
}

Json member_or_null(const Json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(key);
  return it == obj.end() ? Json(nullptr) : *it;
}

Json text_or_null(const Json& obj, const char* key) {
  const Json v = member_or_null(obj, key);
  return v.is_string() && !v.get_ref<const std::string&>().empty() ? v : Json(nullptr);
}

Json as_count(double v) {
  if (v == static_cast<double>(static_cast<long long>(v))) return static_cast<long long>(v);
  return v;
}

std::optional<double> start_ms(const Json& obs) { return parse_time_ms(text_at(obs, "startTime")); }

// Observation objects only (a trace list entry carries ids instead).
std::vector<const Json*> observation_objects(const Json& observations) {
  std::vector<const Json*> out;
  if (!observations.is_array()) return out;
  for (const auto& o : observations) {
    if (o.is_object()) out.push_back(&o);
  }
  return out;
}

// Earlier start first, untimed last; ties keep their order.
void sort_by_start(std::vector<const Json*>& list) {
  std::stable_sort(list.begin(), list.end(), [](const Json* a, const Json* b) {
    const auto sa = start_ms(*a), sb = start_ms(*b);
    if (!sa || !sb) return sa.has_value() && !sb.has_value();
    return *sa < *sb;
  });
}

Json step_variables(const Json& generation) {
  const Json metadata = member_or_null(generation, "metadata");
  if (metadata.is_object() && metadata.contains("variables") && metadata["variables"].is_object())
    return redact(metadata["variables"]);
  const Json input = member_or_null(generation, "input");
  return input.is_object() ? redact(input) : Json(nullptr);
}

struct TreeBuilder {
  std::size_t max_chars;
  std::map<std::string, std::vector<const Json*>> children;
  std::set<const Json*> placed;

  Json node(const Json& obs, int depth) {
    placed.insert(&obs);
    Json out = observation_summary(obs, max_chars);
    out["depth"] = depth;
    out["children"] = Json::array();
    const auto it = children.find(text_at(obs, "id"));
    if (it == children.end()) return out;
    for (const Json* child : it->second) {
      if (placed.count(child)) continue;
      out["children"].push_back(node(*child, std::min(depth + 1, kMaxTreeDepth)));
    }
    return out;
  }
};

double tree_total(const Json& nodes, bool generation_and_tool_only) {
  double total = 0;
  for (const auto& n : nodes) {
    const std::string type = n.value("type", Json(nullptr)).is_string() ? n["type"].get<std::string>() : "";
    if (!generation_and_tool_only || type == "GENERATION" || type == "TOOL") {
      if (n["usage"].is_object()) total += n["usage"]["total"].get<double>();
    }
    total += tree_total(n["children"], generation_and_tool_only);
  }
  return total;
}

}  // namespace

Json usage_summary(const Json& obs) {
  const Json usage = member_or_null(obs, "usage");
  const Json details = member_or_null(obs, "usageDetails");
  const auto pick = [&](const char* key, const char* legacy) -> std::optional<double> {
    if (auto v = number_at(usage, key)) return v;
    if (auto v = number_at(usage, legacy)) return v;
    return number_at(details, key);
  };
  const auto input = pick("input", "promptTokens");
  const auto output = pick("output", "completionTokens");
  auto total = pick("total", "totalTokens");
  if (!input && !output && !total) return nullptr;
  if (!total) total = input.value_or(0) + output.value_or(0);
  return {{"input", as_count(input.value_or(0))},
          {"output", as_count(output.value_or(0))},
          {"total", as_count(*total)}};
}

Json observation_summary(const Json& obs, std::size_t max_chars) {
  const Truncated input = truncate_value(redact(member_or_null(obs, "input")), max_chars);
  const Truncated output = truncate_value(redact(member_or_null(obs, "output")), max_chars);
  const auto start = start_ms(obs);
  const auto end = parse_time_ms(text_at(obs, "endTime"));
  const Json metadata = member_or_null(obs, "metadata");
  return {{"id", text_at(obs, "id")},
          {"name", text_or_null(obs, "name")},
          {"type", text_or_null(obs, "type")},
          {"model", text_or_null(obs, "model")},
          {"input", input.value},
          {"output", output.value},
          {"input_truncated", input.truncated},
          {"output_truncated", output.truncated},
          {"metadata", metadata.is_object() ? redact(metadata) : Json(nullptr)},
          {"usage", usage_summary(obs)},
          {"latency_ms", start && end ? as_count(*end - *start) : Json(nullptr)},
          {"start_time", text_or_null(obs, "startTime")},
          {"end_time", text_or_null(obs, "endTime")}};
}

Json steps_of(const Json& observations, std::size_t max_chars) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Json*>> groups;
  for (const Json* o : observation_objects(observations)) {
    const std::string name = text_at(*o, "name");
    if (!groups.count(name)) order.push_back(name);
    groups[name].push_back(o);
  }
  Json steps = Json::array();
  for (std::size_t i = 0; i < order.size(); ++i) {
    Json types = Json::array(), list = Json::array(), generation = nullptr, variables = nullptr;
    for (const Json* o : groups[order[i]]) {
      const std::string type = text_at(*o, "type");
      if (!type.empty() && std::find(types.begin(), types.end(), Json(type)) == types.end())
        types.push_back(type);
      list.push_back(observation_summary(*o, max_chars));
      if (type == "GENERATION" && generation.is_null()) {
        generation = list.back();
        variables = step_variables(*o);
      }
    }
    steps.push_back({{"name", order[i]},
                     {"index", i},
                     {"observation_types", types},
                     {"generation", generation},
                     {"observations", list},
                     {"variables", variables}});
  }
  return steps;
}

Json tree_of(const Json& observations, std::size_t max_chars) {
  auto all = observation_objects(observations);
  sort_by_start(all);
  std::set<std::string> ids;
  for (const Json* o : all) ids.insert(text_at(*o, "id"));
  TreeBuilder builder{max_chars, {}, {}};
  std::vector<const Json*> roots;
  for (const Json* o : all) {
    const std::string parent = text_at(*o, "parentObservationId");
    if (parent.empty() || !ids.count(parent) || parent == text_at(*o, "id")) roots.push_back(o);
    else builder.children[parent].push_back(o);
  }
  Json tree = Json::array();
  for (const Json* r : roots) tree.push_back(builder.node(*r, 0));
  // Observations on a parent cycle are reachable from no root: shown as roots.
  for (const Json* o : all) {
    if (!builder.placed.count(o)) tree.push_back(builder.node(*o, 0));
  }
  return tree;
}

std::optional<Json> find_node(const Json& tree, const std::string& node_id) {
  for (const auto& node : tree) {
    if (node["id"] == node_id) return node;
    if (auto found = find_node(node["children"], node_id)) return found;
  }
  return std::nullopt;
}

Json trace_detail(const Json& trace, std::size_t max_chars) {
  const Json observations = member_or_null(trace, "observations");
  Json steps = steps_of(observations, max_chars);
  // Detail order: by each step's earliest start time, untimed steps last.
  std::vector<std::pair<std::optional<double>, Json>> timed;
  double tokens = 0, cost = 0;
  std::optional<double> first, last;
  for (auto& step : steps) {
    std::optional<double> earliest;
    for (const auto& o : step["observations"]) {
      if (o["usage"].is_object()) tokens += o["usage"]["total"].get<double>();
      const auto s = parse_time_ms(o["start_time"].is_string() ? o["start_time"].get<std::string>() : "");
      const auto e = parse_time_ms(o["end_time"].is_string() ? o["end_time"].get<std::string>() : "");
      if (s && (!earliest || *s < *earliest)) earliest = s;
      if (s && (!first || *s < *first)) first = s;
      if (e && (!last || *e > *last)) last = e;
    }
    timed.emplace_back(earliest, std::move(step));
  }
  std::stable_sort(timed.begin(), timed.end(), [](const auto& a, const auto& b) {
    if (!a.first || !b.first) return a.first.has_value() && !b.first.has_value();
    return *a.first < *b.first;
  });
  Json sorted = Json::array();
  for (auto& [when, step] : timed) {
    step["index"] = sorted.size();
    sorted.push_back(std::move(step));
  }
  Json tree = tree_of(observations, max_chars);
  if (const double from_tree = tree_total(tree, true); from_tree > 0) tokens = from_tree;
  if (auto total = number_at(trace, "totalCost")) {
    cost = *total;
  } else {
    for (const Json* o : observation_objects(observations)) {
      cost += number_at(*o, "calculatedTotalCost").value_or(number_at(*o, "totalCost").value_or(0));
    }
  }
  const Json tags = member_or_null(trace, "tags");
  const Json metadata = member_or_null(trace, "metadata");
  return {{"id", text_at(trace, "id")},
          {"name", text_or_null(trace, "name")},
          {"tags", tags.is_array() ? tags : Json::array()},
          {"timestamp", text_or_null(trace, "timestamp")},
          {"trace_input", truncate_value(redact(member_or_null(trace, "input")), max_chars).value},
          {"trace_output", truncate_value(redact(member_or_null(trace, "output")), max_chars).value},
          {"trace_metadata", metadata.is_object() ? redact(metadata) : Json(nullptr)},
          {"steps", sorted},
          {"tree", tree},
          {"total_tokens", as_count(tokens)},
          {"total_latency_ms", first && last ? as_count(*last - *first) : Json(nullptr)},
          {"total_cost", cost},
          {"schema_version", "2.0"}};
}

Json trace_list_item(const Json& trace) {
  Json names = Json::array();
  std::set<std::string> seen;
  const Json observations = member_or_null(trace, "observations");
  for (const Json* o : observation_objects(observations)) {
    const std::string name = text_at(*o, "name");
    if (seen.insert(name).second) names.push_back(name);
  }
  const Json tags = member_or_null(trace, "tags");
  return {{"id", text_at(trace, "id")},
          {"name", text_or_null(trace, "name")},
          {"tags", tags.is_array() ? tags : Json::array()},
          {"timestamp", text_or_null(trace, "timestamp")},
          {"step_count", names.size()},
          {"step_names", names}};
}

}  // namespace axis::plugins::agent_replay
