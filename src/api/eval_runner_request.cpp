#include "api/eval_runner_request.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "evalmetrics/column_mapping.h"
#include "evalrun/run_items.h"

namespace axis::api {

namespace {

constexpr std::size_t kMaxColumns = 500;
constexpr std::int64_t kMaxMetrics = 100;

evalrun::AgentConfig read_agent(BodyFields& body) {
  evalrun::AgentConfig agent;
  BodyFields a = body.object("agent_config", false);
  agent.type = a.matching("type", [](const std::string& t) { return t == "none" || t == "api" || t == "prompt"; },
                          "Input should be 'none', 'api' or 'prompt'")
                   .value_or("none");
  BodyFields api = a.object("api_config", agent.type == "api");
  agent.api.endpoint_url = api.optional_text("endpoint_url").value_or("");
  for (auto& [name, value] : api.text_map("headers")) agent.api.headers.emplace_back(name, value);
  if (auto t = api.optional_text("request_template"); t && !t->empty()) agent.api.request_template = *t;
  if (auto p = api.optional_text("response_path"); p && !p->empty()) agent.api.response_path = *p;
  BodyFields prompt = a.object("prompt_config", agent.type == "prompt");
  if (auto m = prompt.optional_text("model"); m && !m->empty()) agent.prompt.model = *m;
  if (auto p = prompt.optional_text("provider"); p && !p->empty()) agent.prompt.provider = *p;
  agent.prompt.system_prompt = prompt.optional_text("system_prompt").value_or("");
  if (auto t = prompt.optional_text("user_prompt_template"); t && !t->empty()) agent.prompt.user_prompt_template = *t;
  return agent;
}

std::string cell_text(const BodyJson& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump(-1, ' ', false, BodyJson::error_handler_t::replace);
}

void read_rows(BodyFields& body, evalrun::RunRows& rows) {
  BodyFields dataset = body.object("dataset", true);
  if (const BodyJson* columns = dataset.list("columns", true)) {
    for (const auto& c : *columns) {
      if (!c.is_string()) {
        dataset.invalid("string_type", "columns", "Every column name should be a string", &c);
        return;
      }
      rows.columns.push_back(c.get<std::string>());
    }
    if (rows.columns.size() > kMaxColumns)
      dataset.invalid("too_long", "columns", "At most " + std::to_string(kMaxColumns) + " columns", nullptr);
  }
  const BodyJson* data = dataset.list("data", true);
  if (data == nullptr) return;
  std::unordered_map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < rows.columns.size(); ++i) at.emplace(rows.columns[i], i);
  rows.rows.reserve(data->size());
  for (std::size_t r = 0; r < data->size(); ++r) {
    const BodyJson& row = (*data)[r];
    if (!row.is_object()) {
      dataset.invalid("model_attributes_type", "data", "Row " + std::to_string(r) + " should be an object", nullptr);
      return;
    }
    std::vector<std::string> cells(rows.columns.size());
    for (const auto& [name, value] : row.items()) {
      if (const auto found = at.find(name); found != at.end()) cells[found->second] = cell_text(value);
    }
    rows.rows.push_back(std::move(cells));
  }
}

}  // namespace

RunRequest read_run_request(const BodyJson& json) {
  RunRequest out;
  BodyFields body(json);
  auto& c = out.config;
  c.evaluation_name = body.text("evaluation_name");
  read_rows(body, out.rows);
  if (const BodyJson* metrics = body.list("metrics", true)) {
    for (const auto& m : *metrics) {
      if (m.is_string()) c.metrics.push_back(m.get<std::string>());
      else body.invalid("string_type", "metrics", "Every metric should be a key (a string)", &m);
    }
    if (c.metrics.empty()) body.invalid("too_short", "metrics", "Choose at least one metric", metrics);
    if (static_cast<std::int64_t>(c.metrics.size()) > kMaxMetrics)
      body.invalid("too_long", "metrics", "At most 100 metrics", nullptr);
  }
  if (auto m = body.optional_text("model_name"); m && !m->empty()) c.model_name = *m;
  c.llm_provider = body.matching("llm_provider", [](const std::string& p) { return p == "openai" || p == "anthropic"; },
                                 "Input should be 'openai' or 'anthropic'")
                       .value_or("openai");
  c.max_concurrent = static_cast<int>(body.integer("max_concurrent", 5, 1, 20));
  c.thresholds = body.number_map("thresholds");
  c.agent = read_agent(body);
  const auto mapping = body.text_map("column_mapping");
  body.check();
  if (!mapping.empty()) {
    for (const auto& [key, column] : mapping)
      if (!column.empty()) out.mapping[key] = column;
  } else {
    for (const auto& [key, column] : evalmetrics::suggest_mapping(out.rows.columns))
      if (column) out.mapping[key] = *column;
  }
  // The spec's defaults: dataset_id and query name their own columns when nothing else does.
  for (const char* key : {"dataset_id", "query"}) out.mapping.emplace(key, key);
  return out;
}

ConnectionRequest read_connection_request(const BodyJson& json) {
  ConnectionRequest out;
  BodyFields body(json);
  body.object("agent_config", true);
  out.agent = read_agent(body);
  out.sample_query = body.optional_text("sample_query").value_or("Hello, how are you?");
  body.check();
  return out;
}

}  // namespace axis::api
