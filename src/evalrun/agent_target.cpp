#include "evalrun/agent_target.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <memory>

#include "util/http_error.h"
#include "util/ip_range.h"
#include "util/text.h"

namespace axis::evalrun {

namespace {

struct UrlParts {
  std::string scheme, host;
  int port = 0;
};

[[noreturn]] void refuse(const std::string& why) {
  throw util::HttpError(400, "Agent endpoint_url " + why);
}

UrlParts parse_url(const std::string& url) {
  UrlParts p;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) refuse("must be an absolute http:// or https:// URL");
  p.scheme = util::ascii_lower(std::string_view(url).substr(0, scheme_end));
  if (p.scheme != "http" && p.scheme != "https") refuse("must use http or https, not " + p.scheme);
  std::string_view rest = std::string_view(url).substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  std::string_view port_text;
  if (!rest.empty() && rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) refuse("has an unclosed [IPv6 address]");
    p.host = std::string(rest.substr(1, close - 1));
    if (close + 1 < rest.size() && rest[close + 1] == ':') port_text = rest.substr(close + 2);
  } else {
    const auto colon = rest.find(':');
    p.host = std::string(rest.substr(0, colon));
    if (colon != std::string_view::npos) port_text = rest.substr(colon + 1);
  }
  if (p.host.empty()) refuse("has no host");
  p.port = p.scheme == "https" ? 443 : 80;
  if (!port_text.empty()) {
    if (port_text.size() > 5 || !std::all_of(port_text.begin(), port_text.end(), ::isdigit))
      refuse("has an invalid port");
    p.port = std::stoi(std::string(port_text));
    if (p.port < 1 || p.port > 65535) refuse("has an invalid port");
  }
  return p;
}

bool is_blocked(const std::string& address) {
  static const char* const kBlocked[] = {"169.254.0.0/16", "fe80::/10", "fd00:ec2::254"};
  for (const char* range : kBlocked)
    if (util::IpRange::parse(range)->contains(address)) return true;
  return false;
}

std::vector<std::string> resolve_host(const std::string& host) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0 || found == nullptr)
    refuse("host '" + host + "' does not resolve");
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> owner(found, freeaddrinfo);
  std::vector<std::string> out;
  for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
    char text[INET6_ADDRSTRLEN] = {};
    const void* raw = a->ai_family == AF_INET
                          ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr)
                          : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr);
    if (inet_ntop(a->ai_family, raw, text, sizeof text) != nullptr) out.emplace_back(text);
  }
  if (out.empty()) refuse("host '" + host + "' does not resolve");
  return out;
}

}  // namespace

AgentTarget check_agent_url(const std::string& url, const std::vector<std::string>& allowed_hosts) {
  if (url.size() > 2048) refuse("is longer than 2048 characters");
  for (const unsigned char c : url)
    if (c <= ' ' || c == 0x7f) refuse("must not contain spaces or control characters");
  const UrlParts parts = parse_url(url);
  const std::string host = util::ascii_lower(parts.host);
  const bool allowed = std::find(allowed_hosts.begin(), allowed_hosts.end(), host) != allowed_hosts.end();
  const auto addresses = resolve_host(parts.host);
  if (!allowed) {
    for (const auto& address : addresses) {
      if (is_blocked(address))
        refuse("resolves to " + address + ", a link-local or cloud metadata address (list the host in"
               " EVAL_RUNNER_ALLOWED_HOSTS to allow it)");
    }
  }
  const std::string pinned = addresses.front().find(':') != std::string::npos
                                 ? "[" + addresses.front() + "]"
                                 : addresses.front();
  return {url, {parts.host + ":" + std::to_string(parts.port) + ":" + pinned}};
}

}  // namespace axis::evalrun
