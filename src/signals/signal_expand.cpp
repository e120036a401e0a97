#include "signals/signal_expand.h"

#include <nlohmann/json.hpp>

#include "signals/signal_cells.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;

bool is_named_item(const Json& item) {
  if (!item.is_object()) return false;
  auto name = item.find("name");
  return name != item.end();
}

bool is_category_group(const Json& value) {
  if (!value.is_object() || value.empty()) return false;
  for (const auto& [category, items] : value.items()) {
    if (!items.is_array()) return false;
    for (const auto& item : items) {
      if (!is_named_item(item)) return false;
    }
  }
  return true;
}

}  // namespace

nlohmann::ordered_json expand_signals(const nlohmann::ordered_json& signals) {
  Json out = Json::object();
  if (!signals.is_object()) return out;
  for (const auto& [key, raw] : signals.items()) {
    Json value = raw;
    if (value.is_string()) {
      if (auto parsed = parse_structured(value.get_ref<const std::string&>())) value = std::move(*parsed);
    }
    if (!is_category_group(value)) {
      out[key] = std::move(value);
      continue;
    }
    for (const auto& [category, items] : value.items()) {
      for (const auto& item : items) {
        const Json& name = item["name"];
        if (!name.is_string() || name.get_ref<const std::string&>().empty()) continue;
        auto v = item.find("value");
        if (v == item.end()) v = item.find("score");
        out[name.get<std::string>()] = v == item.end() ? Json(nullptr) : *v;
      }
    }
  }
  return out;
}

std::string signal_type(const nlohmann::ordered_json& value) {
  if (value.is_boolean()) return "boolean";
  if (value.is_number()) return "number";
  if (value.is_array()) return "array";
  if (value.is_object()) return "object";
  return "string";
}

nlohmann::ordered_json cell_value(const nlohmann::ordered_json& value) {
  if (value.is_structured()) return python_json_text(value);
  if (value.is_string()) {
    if (auto parsed = parse_structured(value.get_ref<const std::string&>())) return python_json_text(*parsed);
  }
  return value;
}

}  // namespace axis::signals
