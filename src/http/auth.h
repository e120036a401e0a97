// AuthPolicy: who may call /api. Off unless configured; then every /api route needs a bearer
// token from the configured list (compared in constant time) or an identity header sent by a
// trusted proxy. /health, /, /metrics, the docs, the web UI, CORS preflights,
// GET /api/auth/status, the theme and the branding/agent images stay open.
// Immutable after construction; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/ip_range.h"

namespace axis::http {

struct Request;

struct AuthOptions {
  std::vector<std::string> tokens;
  std::string identity_header;               // "" = no proxy identity
  std::vector<std::string> trusted_proxies;  // addresses or CIDR ranges
};

struct AuthDecision {
  bool allowed = true;
  std::string user;    // the proxy's identity, or "token" for a bearer token; "" when open
  std::string method;  // "token" | "proxy" | "" (not needed or not given)
  std::string reason;  // why it was refused
};

class AuthPolicy {
 public:
  explicit AuthPolicy(AuthOptions options);

  bool enabled() const { return !tokens_.empty() || !identity_header_.empty(); }
  bool tokens_enabled() const { return !tokens_.empty(); }
  // True for the paths that need authentication when the policy is enabled.
  static bool protects(std::string_view method, std::string_view path);
  // Who the request is, and whether it may go on (protected or not).
  AuthDecision check(const Request& req) const;
  // The client's address: the peer's, or — when the peer is a trusted proxy — the nearest
  // address in X-Forwarded-For that is not itself a trusted proxy.
  std::string client_address(const Request& req) const;

 private:
  std::vector<std::string> tokens_;
  std::string identity_header_;  // lower-cased
  bool trusted(std::string_view address) const;
  std::vector<util::IpRange> trusted_;
};

// Equality of two secrets in time that depends on neither their contents nor where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace axis::http
