#include "signals/signal_cells.h"

#include <nlohmann/json.hpp>

#include "signals/python_literal.h"
#include "util/json_text.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;
constexpr int kMaxCellDepth = 200;

bool within_depth(const Json& value, int depth) {
  if (depth > kMaxCellDepth) return false;
  if (!value.is_structured()) return true;
  for (const auto& item : value) {
    if (!within_depth(item, depth + 1)) return false;
  }
  return true;
}

void write(const Json& value, std::string& out) {
  if (value.is_object()) {
    out += '{';
    bool first = true;
    for (const auto& [key, item] : value.items()) {
      if (!first) out += ", ";
      first = false;
      out += Json(key).dump();
      out += ": ";
      write(item, out);
    }
    out += '}';
  } else if (value.is_array()) {
    out += '[';
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i > 0) out += ", ";
      write(value[i], out);
    }
    out += ']';
  } else {
    // Non-finite doubles dump as null; invalid UTF-8 cannot occur (inputs are checked).
    out += util::json_text(value);
  }
}

}  // namespace

std::optional<nlohmann::ordered_json> parse_structured(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  Json parsed = Json::parse(text.begin(), text.end(), nullptr, false);
  if (!parsed.is_discarded()) {
    if (!parsed.is_structured() || !within_depth(parsed, 0)) return std::nullopt;
    return parsed;
  }
  auto literal = parse_python_literal(text);
  if (!literal || !literal->is_structured()) return std::nullopt;
  return literal;
}

std::string python_json_text(const nlohmann::ordered_json& value) {
  std::string out;
  write(value, out);
  return out;
}

}  // namespace axis::signals
