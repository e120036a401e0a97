#include "config/exposure.h"

namespace axis::config {

bool is_loopback_host(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

std::optional<std::string> exposure_warning(const ServerSettings& server) {
  if (is_loopback_host(server.host) || !server.api_tokens.empty() ||
      !server.auth_proxy_header.empty()) {
    return std::nullopt;
  }
  return "AXIS listens on " + server.host + " without authentication: anyone who can reach this "
         "address can read and change its data, and the database wizard can connect to any host "
         "the server can reach. Set AXIS_API_TOKEN (or AXIS_AUTH_PROXY_HEADER behind an "
         "authenticating proxy), or listen on 127.0.0.1.";
}

}  // namespace axis::config
