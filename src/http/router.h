// Router: the route table. Maps (method, path) to a handler and carries the metadata that
// GET /openapi.json is generated from. Built once at start-up, then read-only and thread-safe.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace axis::http {

using Handler = std::function<Response(const Request&)>;

enum class BodyKind { none, json, multipart };

struct QueryParamDoc {
  std::string name;
  std::string type = "string";  // OpenAPI scalar type
  bool required = false;
  std::string description;
};

struct RouteDoc {
  std::string tag;              // OpenAPI tag, one per router ("config", "system", ...)
  std::string summary;
  BodyKind body = BodyKind::none;
  std::vector<QueryParamDoc> query;
  // The 200 reply's JSON schema: the name of a component schema (src/api/schemas/), emitted in
  // /openapi.json as a $ref and turned into the web UI's reply types. Empty: undeclared.
  std::string reply;
};

struct Route {
  std::string method;    // "GET", "POST", ...
  std::string pattern;   // "/api/config/assets/{asset_type}/{filename}"
  Handler handler;
  RouteDoc doc;
  bool blocking = true;  // true: runs on the blocking pool; false: inline on the I/O thread
  std::vector<std::string> segments;  // pattern split on '/'
};

struct RouteMatch {
  enum class Kind { found, not_found, method_not_allowed, redirect };
  Kind kind = Kind::not_found;
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::string allow;     // for 405: "GET, HEAD"
  std::string location;  // for 307: the path with the trailing slash fixed
};

class Router {
 public:
  // Registers a route. A segment "{name}" matches one path segment; "{name:path}" as the last
  // segment matches the rest. Throws std::logic_error on a duplicate method + pattern.
  Router& add(std::string method, std::string pattern, Handler handler, RouteDoc doc = {},
              bool blocking = true);
  // Moves every route of `other` into this table, or none: throws std::logic_error, adding
  // nothing, when one of them is already here.
  void add_all(Router&& other);
  // Handler for GET/HEAD requests that match no route and do not start with /api/ (the web UI).
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }

  // HEAD is served by the GET route. A path that matches only with its trailing slash added or
  // removed yields a redirect.
  RouteMatch match(const std::string& method, const std::string& path) const;
  const Handler& fallback() const { return fallback_; }
  const std::vector<Route>& routes() const { return routes_; }

 private:
  bool match_pattern(const Route& route, const std::vector<std::string>& parts,
                     std::map<std::string, std::string>& params) const;
  std::vector<Route> routes_;
  Handler fallback_;
};

// Splits "/a/b/c" into {"a","b","c"}; "/" yields {}. A trailing slash yields a final "".
std::vector<std::string> split_path(const std::string& path);

}  // namespace axis::http
