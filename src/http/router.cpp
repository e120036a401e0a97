#include "http/router.h"

#include <stdexcept>

namespace axis::http {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  if (path.empty() || path == "/") return parts;
  std::size_t start = path[0] == '/' ? 1 : 0;
  while (true) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) {
      parts.push_back(path.substr(start));
      break;
    }
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

Router& Router::add(std::string method, std::string pattern, Handler handler, RouteDoc doc,
                    bool blocking) {
  for (const Route& r : routes_) {
    if (r.method == method && r.pattern == pattern) {
      throw std::logic_error("duplicate route " + method + " " + pattern);
    }
  }
  Route route{std::move(method), std::move(pattern), std::move(handler), std::move(doc), blocking,
              {}};
  route.segments = split_path(route.pattern);
  routes_.push_back(std::move(route));
  return *this;
}

void Router::add_all(Router&& other) {
  for (const Route& incoming : other.routes_) {
    for (const Route& r : routes_) {
      if (r.method == incoming.method && r.pattern == incoming.pattern) {
        throw std::logic_error("duplicate route " + r.method + " " + r.pattern);
      }
    }
  }
  for (Route& route : other.routes_) routes_.push_back(std::move(route));
  other.routes_.clear();
}

bool Router::match_pattern(const Route& route, const std::vector<std::string>& parts,
                           std::map<std::string, std::string>& params) const {
  const auto& segs = route.segments;
  params.clear();
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const std::string& seg = segs[i];
    const bool is_param = seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
    if (is_param && seg.ends_with(":path}") && i + 1 == segs.size()) {
      if (i >= parts.size()) return false;
      std::string rest = parts[i];
      for (std::size_t j = i + 1; j < parts.size(); ++j) rest += "/" + parts[j];
      if (rest.empty()) return false;
      params[seg.substr(1, seg.size() - 7)] = rest;
      return true;
    }
    if (i >= parts.size()) return false;
    if (is_param) {
      if (parts[i].empty()) return false;
      params[seg.substr(1, seg.size() - 2)] = parts[i];
    } else if (seg != parts[i]) {
      return false;
    }
  }
  return segs.size() == parts.size();
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
  RouteMatch result;
  const std::string wanted = method == "HEAD" ? "GET" : method;
  const auto parts = split_path(path);
  std::map<std::string, std::string> params;
  std::string allow;
  for (const Route& route : routes_) {
    if (!match_pattern(route, parts, params)) continue;
    if (route.method == wanted) {
      result.kind = RouteMatch::Kind::found;
      result.route = &route;
      result.params = std::move(params);
      return result;
    }
    if (allow.find(route.method) == std::string::npos) {
      allow += (allow.empty() ? "" : ", ") + route.method;
      if (route.method == "GET") allow += ", HEAD";
    }
  }
  if (!allow.empty()) {
    result.kind = RouteMatch::Kind::method_not_allowed;
    result.allow = allow;
    return result;
  }
  // Trailing-slash mismatch: redirect when the other spelling matches a route of this method.
  if (path.size() > 1) {
    std::string other = path.back() == '/' ? path.substr(0, path.size() - 1) : path + "/";
    const auto other_parts = split_path(other);
    for (const Route& route : routes_) {
      if (route.method == wanted && match_pattern(route, other_parts, params)) {
        result.kind = RouteMatch::Kind::redirect;
        result.location = other;
        return result;
      }
    }
  }
  return result;
}

}  // namespace axis::http
