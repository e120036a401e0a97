#include "pg/pg_ping.h"

#include <libpq-fe.h>

namespace axis::pg {

PingResult ping_postgres(const std::string& url, int timeout_seconds) {
  const std::string timeout = std::to_string(timeout_seconds < 1 ? 1 : timeout_seconds);
  // Later keywords override what the URL says, so the probe's timeout wins.
  const char* keys[] = {"dbname", "connect_timeout", nullptr};
  const char* values[] = {url.c_str(), timeout.c_str(), nullptr};
  switch (PQpingParams(keys, values, 1)) {
    case PQPING_OK: return PingResult::ok;
    case PQPING_REJECT: return PingResult::rejecting;
    case PQPING_NO_RESPONSE: return PingResult::no_response;
    default: return PingResult::bad_config;
  }
}

const char* to_string(PingResult result) {
  switch (result) {
    case PingResult::ok: return "up";
    case PingResult::rejecting: return "rejecting connections";
    case PingResult::no_response: return "no response";
    default: return "invalid connection settings";
  }
}

}  // namespace axis::pg
