// What an eval run is asked to do, apart from its rows: the metrics and their thresholds, the
// judge model, the concurrency and the agent that produces missing outputs. Plain data; it is
// stored with the run (as JSON text) so an interrupted run resumes with the same settings.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace axis::evalrun {

// POST the row's query to an HTTP endpoint and read the output at a dot path of the reply.
struct ApiAgent {
  std::string endpoint_url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string request_template = R"({"message": "{{query}}"})";
  std::string response_path = ".response";
};

// Ask a model: a system prompt and a user template with {{query}}.
struct PromptAgent {
  std::string model = "gpt-4o";
  std::string provider = "openai";
  std::string system_prompt;
  std::string user_prompt_template = "{{query}}";
};

struct AgentConfig {
  std::string type = "none";  // none | api | prompt
  ApiAgent api;
  PromptAgent prompt;
};

struct RunConfig {
  std::string evaluation_name;
  std::vector<std::string> metrics;          // metric keys, in the order asked
  std::map<std::string, double> thresholds;  // overrides of the default thresholds
  std::string model_name = "gpt-4o";         // the judge of LLM-based metrics
  std::string llm_provider = "openai";
  int max_concurrent = 5;                    // 1..20 calls in flight
  AgentConfig agent;
};

// The mapping of item fields (dataset_id, query, actual_output, ...) to the dataset's columns.
using ColumnMapping = std::map<std::string, std::string>;

// A dataset as posted: column names and rows of text (missing cells are empty).
struct RunRows {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

std::string config_to_json(const RunConfig& config);
// Throws std::runtime_error on text that config_to_json did not write.
RunConfig config_from_json(const std::string& text);

}  // namespace axis::evalrun
