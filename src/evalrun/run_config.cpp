#include "evalrun/run_config.h"

#include <nlohmann/json.hpp>

namespace axis::evalrun {

using Json = nlohmann::json;

std::string config_to_json(const RunConfig& c) {
  Json headers = Json::array();
  for (const auto& [name, value] : c.agent.api.headers) headers.push_back({name, value});
  const Json out = {
      {"evaluation_name", c.evaluation_name},
      {"metrics", c.metrics},
      {"thresholds", c.thresholds},
      {"model_name", c.model_name},
      {"llm_provider", c.llm_provider},
      {"max_concurrent", c.max_concurrent},
      {"agent",
       {{"type", c.agent.type},
        {"api",
         {{"endpoint_url", c.agent.api.endpoint_url},
          {"headers", headers},
          {"request_template", c.agent.api.request_template},
          {"response_path", c.agent.api.response_path}}},
        {"prompt",
         {{"model", c.agent.prompt.model},
          {"provider", c.agent.prompt.provider},
          {"system_prompt", c.agent.prompt.system_prompt},
          {"user_prompt_template", c.agent.prompt.user_prompt_template}}}}},
  };
  return out.dump();
}

RunConfig config_from_json(const std::string& text) {
  try {
    const Json in = Json::parse(text);
    RunConfig c;
    c.evaluation_name = in.at("evaluation_name").get<std::string>();
    c.metrics = in.at("metrics").get<std::vector<std::string>>();
    c.thresholds = in.at("thresholds").get<std::map<std::string, double>>();
    c.model_name = in.at("model_name").get<std::string>();
    c.llm_provider = in.at("llm_provider").get<std::string>();
    c.max_concurrent = in.at("max_concurrent").get<int>();
    const Json& agent = in.at("agent");
    c.agent.type = agent.at("type").get<std::string>();
    const Json& api = agent.at("api");
    c.agent.api.endpoint_url = api.at("endpoint_url").get<std::string>();
    for (const auto& pair : api.at("headers"))
      c.agent.api.headers.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
    c.agent.api.request_template = api.at("request_template").get<std::string>();
    c.agent.api.response_path = api.at("response_path").get<std::string>();
    const Json& prompt = agent.at("prompt");
    c.agent.prompt.model = prompt.at("model").get<std::string>();
    c.agent.prompt.provider = prompt.at("provider").get<std::string>();
    c.agent.prompt.system_prompt = prompt.at("system_prompt").get<std::string>();
    c.agent.prompt.user_prompt_template = prompt.at("user_prompt_template").get<std::string>();
    return c;
  } catch (const Json::exception& e) {
    throw std::runtime_error(std::string("stored run settings are unreadable: ") + e.what());
  }
}

}  // namespace axis::evalrun
