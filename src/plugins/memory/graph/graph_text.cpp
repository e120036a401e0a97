#include "plugins/memory/graph/graph_text.h"

#include "util/text.h"
#include "util/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace axis::plugins::memory::graph {
namespace {





std::string python_repr(const nlohmann::ordered_json& v) {
  return v.is_string() ? util::python_repr(v.get<std::string>()) : python_str(v);
}

}  // namespace

const std::vector<std::string>& node_labels() {
  static const std::vector<std::string> labels = {"RiskFactor", "Rule", "Outcome", "Mitigant",
                                                  "Source"};
  return labels;
}

const std::vector<std::string>& relation_types() {
  static const std::vector<std::string> types = {"TRIGGERS", "RESULTS_IN", "OVERRIDES",
                                                 "DERIVED_FROM"};
  return types;
}

bool is_node_label(const std::string& label) {
  const auto& l = node_labels();
  return std::find(l.begin(), l.end(), label) != l.end();
}

bool is_relation_type(const std::string& type) {
  const auto& t = relation_types();
  return std::find(t.begin(), t.end(), type) != t.end();
}

std::string slug(const std::string& name) {
  std::vector<char32_t> cps;
  for (std::size_t i = 0; i < name.size();) cps.push_back(util::next_code_point(name, i));
  std::size_t begin = 0, end = cps.size();
  while (begin < end && util::is_python_space(cps[begin])) ++begin;
  while (end > begin && util::is_python_space(cps[end - 1])) --end;
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    char32_t c = cps[i];
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (c == 0x212A) c = 'k';
    if (c == 0x0130) { out += "i_"; continue; }
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    out += keep ? static_cast<char>(c) : '_';
  }
  return out;
}

std::string node_id(const std::string& label, const std::string& name) {
  return label + ":" + slug(name);
}

std::optional<std::pair<std::string, std::string>> split_node_id(const std::string& id) {
  const std::size_t colon = id.find(':');
  if (colon == std::string::npos) return std::nullopt;
  return std::make_pair(id.substr(0, colon), id.substr(colon + 1));
}

std::string python_str(const nlohmann::ordered_json& value) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::string: return value.get<std::string>();
    case nlohmann::ordered_json::value_t::boolean: return value.get<bool>() ? "True" : "False";
    case nlohmann::ordered_json::value_t::null: return "None";
    case nlohmann::ordered_json::value_t::number_integer:
      return std::to_string(value.get<std::int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned:
      return std::to_string(value.get<std::uint64_t>());
    case nlohmann::ordered_json::value_t::number_float: return util::python_float(value.get<double>());
    case nlohmann::ordered_json::value_t::array: {
      std::string out = "[";
      for (std::size_t i = 0; i < value.size(); ++i) {
        out += (i ? ", " : "") + python_repr(value[i]);
      }
      return out + "]";
    }
    case nlohmann::ordered_json::value_t::object: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, v] : value.items()) {
        out += (first ? "" : ", ") + util::python_repr(k) + ": " + python_repr(v);
        first = false;
      }
      return out + "}";
    }
    default: return "";
  }
}

std::string snippet(const Metadata& metadata, const std::string& type) {
  if (metadata.empty()) return type;
  std::string out;
  for (std::size_t i = 0; i < metadata.size() && i < 3; ++i) {
    out += (i ? "; " : "") + metadata[i].first + ": " + metadata[i].second;
  }
  return out;
}

std::string slug_sql(const std::string& expr) {
  static const std::string space =
      "[\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}"
      "\\x{2029}\\x{202f}\\x{205f}\\x{3000}]";
  return "regexp_replace(lower(replace(replace(regexp_replace(" + expr + ", '^" + space + "+|" +
         space + "+$', '', 'g'), chr(304), 'i' || chr(775)), chr(8490), 'k')), "
         "'[^a-z0-9_]', '_', 'g')";
}

}  // namespace axis::plugins::memory::graph
