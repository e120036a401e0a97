// The agent of an eval run: what produces an item's output when the dataset has none. `api`
// POSTs the query to an HTTP endpoint (the URL checked by check_agent_url, a timeout, a 1 MiB
// reply cap) and reads the output at a dot path of the JSON reply; `prompt` asks a model.
// Thread-safe; ask() blocks for the length of one request.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "evalrun/run_config.h"

namespace axis::config { struct AiSettings; }
namespace axis::llm { class Providers; }

namespace axis::evalrun {

struct AgentReply {
  std::string output;
  double latency_ms = 0;
  std::string error;  // empty on success
};

class Agent {
 public:
  // Throws util::HttpError 400 for a config that cannot work (unknown type, a URL that may not
  // be used, an unconfigured provider).
  Agent(const AgentConfig& config, const llm::Providers& providers, const config::AiSettings& ai,
        std::string run_id = {});
  bool active() const { return config_.type != "none"; }
  AgentReply ask(const std::string& query, const std::function<bool()>& cancelled) const;

 private:
  AgentReply ask_api(const std::string& query, const std::function<bool()>& cancelled) const;
  AgentReply ask_prompt(const std::string& query, const std::function<bool()>& cancelled) const;

  AgentConfig config_;
  const llm::Providers& providers_;
  const config::AiSettings& ai_;
  std::string run_id_;
  std::vector<std::string> resolve_;
};

// The API agent's request body: the template with {{query}} replaced as plain text; when that is
// not valid JSON, {"message": query}.
std::string agent_request_body(const std::string& request_template, const std::string& query);
// The value at a dot path (".a.b.0.c"; leading dot optional; numbers index arrays) of a JSON
// text: a string as is, any other value as JSON text; nullopt when the path is missing or the
// text is not JSON.
std::optional<std::string> value_at_path(const std::string& json_text, const std::string& path);

}  // namespace axis::evalrun
