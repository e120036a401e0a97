// The `axis-server healthcheck` client: one HTTP GET to <url>/health with plain sockets, for
// container images that have no curl.
#pragma once

#include <string>

namespace axis::health {

struct HealthcheckResult {
  bool healthy = false;
  std::string message;  // status line or connection error
};

// url: "http://host:port" (a path, if present, is replaced by /health). Waits at most
// timeout_seconds. Only plain http is supported.
HealthcheckResult run_healthcheck(const std::string& url, int timeout_seconds);

}  // namespace axis::health
