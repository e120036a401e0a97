#include "evalmetrics/eval_item.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "signals/python_literal.h"
#include "util/text.h"

namespace axis::evalmetrics {

namespace {

bool any_text(const std::vector<std::string>& values) {
  return std::any_of(values.begin(), values.end(),
                     [](const std::string& value) { return !util::is_blank(value); });
}

template <typename Json>
std::vector<std::string> array_elements(const Json& array) {
  std::vector<std::string> out;
  for (const auto& element : array) {
    std::string text = element.is_string() ? element.template get<std::string>() : element.dump();
    const std::string_view trimmed = util::trim(text);
    if (!trimmed.empty()) out.emplace_back(trimmed);
  }
  return out;
}

}  // namespace

const std::vector<std::string>& actual_ranking(const EvalItem& item) {
  return any_text(item.actual_reference) ? item.actual_reference : item.retrieved_content;
}

bool has_field(const EvalItem& item, std::string_view field) {
  if (field == "id" || field == "dataset_id") return !util::is_blank(item.id);
  if (field == "query") return !util::is_blank(item.query);
  if (field == "actual_output") return !util::is_blank(item.actual_output);
  if (field == "expected_output") return !util::is_blank(item.expected_output);
  if (field == "retrieved_content") return any_text(item.retrieved_content);
  if (field == "latency") return item.latency.has_value() && std::isfinite(*item.latency);
  if (field == "tools_called") return any_text(item.tools_called);
  if (field == "expected_tools") return any_text(item.expected_tools);
  if (field == "acceptance_criteria") return !util::is_blank(item.acceptance_criteria);
  if (field == "conversation") return !util::is_blank(item.conversation);
  if (field == "additional_input") return !util::is_blank(item.additional_input);
  if (field == "document_text") return !util::is_blank(item.document_text);
  if (field == "actual_reference") return any_text(item.actual_reference);
  if (field == "expected_reference") return any_text(item.expected_reference);
  if (field == "actual_ranking") return any_text(actual_ranking(item));
  return false;
}

std::vector<std::string> split_list(std::string_view cell) {
  const std::string_view text = util::trim(cell);
  if (text.empty()) return {};
  if (text.front() == '[') {
    const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_array()) return array_elements(parsed);
    const auto literal = signals::parse_python_literal(text);
    if (literal && literal->is_array()) return array_elements(*literal);
  }
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(",\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view piece = util::trim(text.substr(start, end - start));
    if (!piece.empty()) out.emplace_back(piece);
    start = end + 1;
  }
  return out;
}

}  // namespace axis::evalmetrics
