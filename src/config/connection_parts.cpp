#include "config/connection_parts.h"

#include <string_view>

#include "util/text.h"

namespace axis::config {
namespace {

// %XX escapes decoded; text with a malformed escape is kept as written.
std::string percent_decoded(std::string_view text) {
  return util::percent_decode(text).value_or(std::string(text));
}

ConnectionParts from_url(std::string_view url, ConnectionParts parts) {
  if (const std::size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
  }
  std::string_view query;
  if (const std::size_t q = url.find_first_of("?#"); q != std::string_view::npos) {
    if (url[q] == '?') query = url.substr(q + 1, url.find('#', q) - q - 1);
    url = url.substr(0, q);
  }
  // The userinfo ends at the last '@' (a raw '@' or '/' in a password must not leak into the
  // host or the database).
  if (const std::size_t at = url.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = url.substr(0, at);
    parts.username = percent_decoded(userinfo.substr(0, userinfo.find(':')));
    url.remove_prefix(at + 1);
  }
  std::string_view path;
  if (const std::size_t slash = url.find('/'); slash != std::string_view::npos) {
    path = url.substr(slash + 1);
    url = url.substr(0, slash);
  }
  std::string_view host = url;
  std::string_view port;
  if (host.starts_with('[')) {
    const std::size_t close = host.find(']');
    if (close != std::string_view::npos) {
      if (host.substr(close + 1).starts_with(':')) port = host.substr(close + 2);
      host = host.substr(1, close - 1);
    }
  } else if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
  }
  parts.host = percent_decoded(host);
  if (!port.empty() && port.size() <= 5 &&
      port.find_first_not_of("0123456789") == std::string_view::npos) {
    parts.port = std::stoi(std::string(port));
  }
  if (!path.empty()) parts.database = percent_decoded(path);
  for (const auto& [key, value] : util::parse_query(query)) {
    if (key == "sslmode") parts.ssl_mode = value;
  }
  return parts;
}

}  // namespace

std::string configured_password(const SourceSettings& source) {
  if (!source.password.empty()) return source.password;
  std::string_view url = source.url;
  if (const std::size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
  }
  url = url.substr(0, url.find_first_of("?#"));
  const std::size_t at = url.rfind('@');
  if (at == std::string_view::npos) return "";
  const std::string_view userinfo = url.substr(0, at);
  const std::size_t colon = userinfo.find(':');
  return colon == std::string_view::npos ? "" : percent_decoded(userinfo.substr(colon + 1));
}

std::optional<ConnectionParts> connection_parts(const SourceSettings& source) {
  ConnectionParts parts{source.host, source.port, source.database, source.username,
                        source.ssl_mode};
  if (!source.host.empty()) return parts;
  if (source.url.empty()) return std::nullopt;
  return from_url(source.url, parts);
}

}  // namespace axis::config
