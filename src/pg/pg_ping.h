// Reachability of a PostgreSQL source, through libpq's PQping (no credentials are checked).
#pragma once

#include <string>

namespace axis::pg {

enum class PingResult { ok, rejecting, no_response, bad_config };

// Pings the server the libpq URL points at, waiting at most timeout_seconds. Blocking.
PingResult ping_postgres(const std::string& url, int timeout_seconds);
const char* to_string(PingResult result);

}  // namespace axis::pg
