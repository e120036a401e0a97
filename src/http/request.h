// Request: one parsed HTTP request as handlers see it. Plain data, no network types.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace axis::http {

class MultipartForm;

struct Request {
  std::string method;        // upper case, e.g. "GET"
  std::string target;        // raw request target, e.g. "/api/x?a=1"
  std::string path;          // percent-decoded path without the query
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;          // in memory, except for multipart bodies:
  std::shared_ptr<const MultipartForm> multipart;  // multipart/form-data bodies, decoded by the
                             // server as they arrive (file parts on disk, removed with the form)
  std::string request_id;    // echoed X-Request-ID or a generated one
  std::string peer_address;  // the connected client's IP (a proxy's, behind one)
  std::string client_address;  // the client's IP, through trusted proxies' X-Forwarded-For
  std::string user;          // who the auth policy recognised ("" when open)
  std::map<std::string, std::string> params;  // path parameters of the matched route

  // First header with this (lower-case) name, or "" when absent.
  std::string_view header(std::string_view name) const;
  // First query parameter with this name.
  std::optional<std::string> query_param(std::string_view name) const;
  // Path parameter by name ("" when absent).
  const std::string& param(const std::string& name) const;
};

}  // namespace axis::http
