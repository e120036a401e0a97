#include "health/healthcheck.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace axis::health {
namespace {

struct Target {
  std::string host, port;
};

bool parse_url(const std::string& url, Target& out) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0) return false;
  std::string rest = url.substr(scheme.size());
  rest = rest.substr(0, rest.find('/'));
  if (rest.empty()) return false;
  if (rest.front() == '[') {  // [ipv6]:port
    auto close = rest.find(']');
    if (close == std::string::npos) return false;
    out.host = rest.substr(1, close - 1);
    out.port = close + 2 <= rest.size() ? rest.substr(close + 2) : "80";
  } else {
    auto colon = rest.rfind(':');
    out.host = rest.substr(0, colon);
    out.port = colon == std::string::npos ? "80" : rest.substr(colon + 1);
  }
  return !out.host.empty() && !out.port.empty();
}

bool wait_for(int fd, short events, std::chrono::steady_clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd p{fd, events, 0};
  return poll(&p, 1, static_cast<int>(left.count())) == 1;
}

}  // namespace

HealthcheckResult run_healthcheck(const std::string& url, int timeout_seconds) {
  Target target;
  if (!parse_url(url, target)) return {false, "unsupported url (expected http://host:port): " + url};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(target.host.c_str(), target.port.c_str(), &hints, &found) != 0 || !found) {
    return {false, "cannot resolve " + target.host};
  }
  int fd = socket(found->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int rc = fd < 0 ? -1 : connect(fd, found->ai_addr, found->ai_addrlen);
  freeaddrinfo(found);
  if (fd < 0) return {false, "cannot create socket"};
  HealthcheckResult result{false, ""};
  if (rc != 0 && errno != EINPROGRESS) {
    result.message = std::string("cannot connect: ") + std::strerror(errno);
  } else if (!wait_for(fd, POLLOUT, deadline)) {
    result.message = "connection timed out";
  } else {
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) {
      result.message = std::string("cannot connect: ") + std::strerror(err);
    } else {
      const std::string request = "GET /health HTTP/1.1\r\nHost: " + target.host +
                                  "\r\nConnection: close\r\nUser-Agent: axis-healthcheck\r\n\r\n";
      std::string response;
      if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        char buf[4096];
        while (response.find("\r\n") == std::string::npos && wait_for(fd, POLLIN, deadline)) {
          ssize_t n = recv(fd, buf, sizeof buf, 0);
          if (n <= 0) break;
          response.append(buf, static_cast<std::size_t>(n));
        }
      }
      const std::string status_line = response.substr(0, response.find("\r\n"));
      result.healthy = status_line.rfind("HTTP/1.1 200", 0) == 0 || status_line.rfind("HTTP/1.0 200", 0) == 0;
      result.message = status_line.empty() ? "no response" : status_line;
    }
  }
  close(fd);
  return result;
}

}  // namespace axis::health
