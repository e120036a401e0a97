#include "evalrun/run_items.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "util/random_id.h"
#include "util/text.h"

namespace axis::evalrun {

using Json = nlohmann::json;

namespace {

std::optional<double> parse_number(const std::string& text) {
  const std::string_view t = util::trim(text);
  if (t.empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (error != std::errc() || end != t.data() + t.size()) return std::nullopt;
  return value;
}

std::string new_item_id(std::unordered_set<std::string>& taken) {
  for (;;) {
    std::string id = util::uuid4().substr(0, 8);
    if (taken.insert(id).second) return id;
  }
}

}  // namespace

std::vector<RunItem> map_rows(const RunRows& rows, const ColumnMapping& mapping) {
  std::unordered_map<std::string, std::size_t> column_at;
  for (std::size_t i = 0; i < rows.columns.size(); ++i) column_at.emplace(rows.columns[i], i);
  // key → column position, for the mapped columns the rows have
  std::unordered_map<std::string, std::size_t> at;
  for (const auto& [key, column] : mapping) {
    const auto found = column_at.find(column);
    if (found != column_at.end()) at.emplace(key, found->second);
  }
  std::unordered_set<std::string> taken;
  std::vector<RunItem> items;
  items.reserve(rows.rows.size());
  for (std::size_t r = 0; r < rows.rows.size(); ++r) {
    const auto& row = rows.rows[r];
    const auto cell = [&](const char* key) -> std::string {
      const auto found = at.find(key);
      if (found == at.end() || found->second >= row.size()) return {};
      return row[found->second];
    };
    RunItem item;
    item.index = static_cast<long long>(r);
    item.item_id = new_item_id(taken);
    item.dataset_id = cell("dataset_id");
    if (util::trim(item.dataset_id).empty()) item.dataset_id = "row-" + std::to_string(r + 1);
    auto& f = item.fields;
    f.id = item.dataset_id;
    f.query = cell("query");
    f.actual_output = cell("actual_output");
    f.expected_output = cell("expected_output");
    f.retrieved_content = evalmetrics::split_list(cell("retrieved_content"));
    f.latency = parse_number(cell("latency"));
    f.tools_called = evalmetrics::split_list(cell("tools_called"));
    f.expected_tools = evalmetrics::split_list(cell("expected_tools"));
    f.acceptance_criteria = cell("acceptance_criteria");
    f.conversation = cell("conversation");
    f.additional_input = cell("additional_input");
    f.document_text = cell("document_text");
    f.actual_reference = evalmetrics::split_list(cell("actual_reference"));
    f.expected_reference = evalmetrics::split_list(cell("expected_reference"));
    items.push_back(std::move(item));
  }
  return items;
}

std::string fields_to_json(const evalmetrics::EvalItem& f) {
  Json out = {{"id", f.id},
              {"query", f.query},
              {"actual_output", f.actual_output},
              {"expected_output", f.expected_output},
              {"retrieved_content", f.retrieved_content},
              {"latency", f.latency ? Json(*f.latency) : Json(nullptr)},
              {"tools_called", f.tools_called},
              {"expected_tools", f.expected_tools},
              {"acceptance_criteria", f.acceptance_criteria},
              {"conversation", f.conversation},
              {"additional_input", f.additional_input},
              {"document_text", f.document_text},
              {"actual_reference", f.actual_reference},
              {"expected_reference", f.expected_reference}};
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

evalmetrics::EvalItem fields_from_json(const std::string& text) {
  const Json in = Json::parse(text);
  evalmetrics::EvalItem f;
  const auto list = [&](const char* key) { return in.value(key, std::vector<std::string>{}); };
  f.id = in.value("id", "");
  f.query = in.value("query", "");
  f.actual_output = in.value("actual_output", "");
  f.expected_output = in.value("expected_output", "");
  f.retrieved_content = list("retrieved_content");
  if (in.contains("latency") && in["latency"].is_number()) f.latency = in["latency"].get<double>();
  f.tools_called = list("tools_called");
  f.expected_tools = list("expected_tools");
  f.acceptance_criteria = in.value("acceptance_criteria", "");
  f.conversation = in.value("conversation", "");
  f.additional_input = in.value("additional_input", "");
  f.document_text = in.value("document_text", "");
  f.actual_reference = list("actual_reference");
  f.expected_reference = list("expected_reference");
  return f;
}

}  // namespace axis::evalrun
