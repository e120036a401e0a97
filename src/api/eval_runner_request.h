// Reading the eval runner's JSON bodies (spec ai.md §3 "Run request") into the service's types.
// Every problem is collected and thrown as one 422 (api/request_fields.h).
#pragma once

#include <string>

#include "api/request_fields.h"
#include "evalrun/run_config.h"

namespace axis::api {

struct RunRequest {
  evalrun::RunConfig config;
  evalrun::RunRows rows;
  evalrun::ColumnMapping mapping;  // the body's column_mapping, else the suggested one
};

// POST /run, /run/stream: {evaluation_name, dataset{columns, data}, column_mapping?, agent_config?,
// metrics, model_name, llm_provider, max_concurrent (1–20), thresholds}. Row values may be text,
// numbers, booleans or null (read as text; null as ""); `data` rows are objects keyed by column.
RunRequest read_run_request(const BodyJson& body);
// POST /test-connection: {agent_config, sample_query = "Hello, how are you?"}.
struct ConnectionRequest {
  evalrun::AgentConfig agent;
  std::string sample_query;
};
ConnectionRequest read_connection_request(const BodyJson& body);

}  // namespace axis::api
