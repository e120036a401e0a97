#include <string_view>
#include <vector>

#include "config/settings.h"
#include "util/percent_encode.h"

namespace axis::config {

namespace {

using util::percent_encode;

// True when the query string of `url` sets `key`.
bool has_param(const std::string& url, std::string_view key) {
  const std::size_t q = url.find('?');
  if (q == std::string::npos) return false;
  std::string_view query(url);
  query.remove_prefix(q + 1);
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (pair.substr(0, pair.find('=')) == key) return true;
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return false;
}

std::string built_url(const SourceSettings& s) {
  std::string url = "postgresql://";
  if (!s.username.empty() || !s.password.empty()) {
    url += percent_encode(s.username);
    if (!s.password.empty()) url += ":" + percent_encode(s.password);
    url += "@";
  }
  const std::string host = s.host.empty() ? "localhost" : s.host;
  const bool ipv6 = host.find(':') != std::string::npos && host.front() != '[';
  url += ipv6 ? "[" + host + "]" : host;
  url += ":" + std::to_string(s.port) + "/" + percent_encode(s.database);
  return url;
}

}  // namespace

std::string connection_url(const SourceSettings& source) {
  std::string url = source.url.empty() ? built_url(source) : source.url;
  std::vector<std::pair<std::string, std::string>> params = {
      {"connect_timeout", std::to_string(source.connect_timeout)},
      {"application_name", "axis-backend"}};
  if (!source.ssl_mode.empty()) params.emplace_back("sslmode", source.ssl_mode);
  for (const auto& [key, value] : params) {
    if (has_param(url, key)) continue;
    const std::size_t q = url.find('?');
    if (q == std::string::npos) {
      url += '?';
    } else if (url.back() != '?' && url.back() != '&') {
      url += '&';
    }
    url += key + "=" + value;
  }
  return url;
}

}  // namespace axis::config
