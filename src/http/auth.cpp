#include "http/auth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>

#include "http/request.h"
#include "util/text.h"

namespace axis::http {
namespace {

std::array<unsigned char, 32> sha256(std::string_view text) {
  std::array<unsigned char, 32> digest{};
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr);
  return digest;
}

// The token of an "Authorization: Bearer <token>" header, or "".
std::string_view bearer_token(std::string_view header) {
  header = util::trim(header);
  if (header.size() < 7 || util::ascii_lower(header.substr(0, 7)) != "bearer ") return {};
  return util::trim(header.substr(7));
}

}  // namespace

bool constant_time_equal(std::string_view a, std::string_view b) {
  // Comparing fixed-length digests hides the lengths as well as the contents.
  const auto x = sha256(a), y = sha256(b);
  return CRYPTO_memcmp(x.data(), y.data(), x.size()) == 0;
}

AuthPolicy::AuthPolicy(AuthOptions options)
    : tokens_(std::move(options.tokens)), identity_header_(util::ascii_lower(options.identity_header)) {
  for (const auto& range : options.trusted_proxies) {
    if (auto parsed = util::IpRange::parse(range)) trusted_.push_back(*parsed);
  }
}

bool AuthPolicy::protects(std::string_view method, std::string_view path) {
  if (method == "OPTIONS") return false;
  if (path == "/api/auth/status") return false;
  // What the sign-in screen shows (theme, logo, agent avatars) is not secret; images cannot
  // send an Authorization header anyway.
  const bool read = method == "GET" || method == "HEAD";
  if (read && (path == "/api/config/theme" || path.starts_with("/api/config/assets/"))) return false;
  return path == "/api" || path.starts_with("/api/");
}

bool AuthPolicy::trusted(std::string_view address) const {
  for (const auto& range : trusted_) {
    if (range.contains(address)) return true;
  }
  return false;
}

std::string AuthPolicy::client_address(const Request& req) const {
  if (!trusted(req.peer_address)) return req.peer_address;
  std::string_view forwarded = req.header("x-forwarded-for");
  while (!forwarded.empty()) {
    const auto comma = forwarded.rfind(',');
    const std::string_view hop = util::trim(comma == std::string_view::npos ? forwarded : forwarded.substr(comma + 1));
    forwarded = comma == std::string_view::npos ? std::string_view{} : forwarded.substr(0, comma);
    if (hop.empty()) continue;
    if (!util::IpRange::parse(hop)) break;  // not an address: stop believing the chain
    if (!trusted(hop)) return std::string(hop);
  }
  return req.peer_address;
}

AuthDecision AuthPolicy::check(const Request& req) const {
  AuthDecision d;
  if (!identity_header_.empty()) {
    const std::string_view who = util::trim(req.header(identity_header_));
    if (!who.empty() && trusted(req.peer_address)) {
      d.user = std::string(who);
      d.method = "proxy";
      return d;
    }
  }
  const std::string_view token = bearer_token(req.header("authorization"));
  if (!token.empty() && !tokens_.empty()) {
    bool match = false;
    // Every configured token is compared, so the time does not say which one matched.
    for (const auto& candidate : tokens_) match = constant_time_equal(token, candidate) || match;
    if (match) {
      d.user = "token";
      d.method = "token";
      return d;
    }
  }
  if (!enabled() || !protects(req.method, req.path)) return d;
  d.allowed = false;
  d.reason = token.empty() ? "Not authenticated" : "Invalid token";
  return d;
}

}  // namespace axis::http
