// Whether the server is open to its network without authentication: it listens on an address
// other than loopback and has neither API tokens nor a trusted identity header. The server logs
// the warning at start-up and the Settings page shows it.
#pragma once

#include <optional>
#include <string>

#include "config/settings.h"

namespace axis::config {

// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback_host(const std::string& host);

// The warning text, or nothing when the server is loopback-only or requires credentials.
std::optional<std::string> exposure_warning(const ServerSettings& server);

}  // namespace axis::config
