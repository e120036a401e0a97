// The parts of a source's connection that may be shown to a browser: never the password, never
// the URL (which may carry it).
#pragma once

#include <optional>
#include <string>

#include "config/settings.h"

namespace axis::config {

struct ConnectionParts {
  std::string host;
  int port = 5432;
  std::string database, username, ssl_mode;
};

// From the host/port/database/username fields, or, when only `url` is set, from the URL
// (postgresql://user:password@host:port/database?sslmode=...; percent-escapes decoded, a URL's
// own sslmode wins). nullopt when the source has neither a host nor a URL.
std::optional<ConnectionParts> connection_parts(const SourceSettings& source);

// The source's password: its `password`, else the one in its URL (decoded); "" when neither.
// Server-side only: never part of a reply.
std::string configured_password(const SourceSettings& source);

}  // namespace axis::config
