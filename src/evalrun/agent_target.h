// Where an eval-runner API agent may send requests. The URL is a user's choice and the server
// makes the request, so it is checked before any byte leaves: http or https only, a host that
// resolves, and none of its addresses link-local or a cloud metadata endpoint (169.254.0.0/16,
// fe80::/10, fd00:ec2::254) unless the host is listed in EVAL_RUNNER_ALLOWED_HOSTS. The checked
// address is pinned for the request, so a second DNS answer cannot point it elsewhere.
// Blocking (resolves the host); thread-safe.
#pragma once

#include <string>
#include <vector>

namespace axis::evalrun {

struct AgentTarget {
  std::string url;
  std::vector<std::string> resolve;  // "host:port:address" for llm::HttpCall::resolve
};

// Throws util::HttpError 400 saying why the URL may not be used.
AgentTarget check_agent_url(const std::string& url, const std::vector<std::string>& allowed_hosts);

}  // namespace axis::evalrun
