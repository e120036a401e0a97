#include "database/handles.h"

#include "util/http_error.h"
#include "util/random_id.h"

namespace axis::database {
namespace {

std::string quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

void HandleRegistry::drop_expired_locked() {
  const auto now = std::chrono::steady_clock::now();
  for (auto it = handles_.begin(); it != handles_.end();) {
    if (now - it->second.created >= kLifetime) it = handles_.erase(it);
    else ++it;
  }
}

std::string HandleRegistry::add(std::string conninfo, std::string store) {
  std::lock_guard lock(mutex_);
  drop_expired_locked();
  if (handles_.size() >= kMaxHandles) {
    throw util::HttpError(429, "Too many open database connections (" +
                                   std::to_string(kMaxHandles) + "); disconnect one or wait for one to expire");
  }
  std::string id = util::random_hex_id();
  id = id.substr(0, 8) + "-" + id.substr(8, 4) + "-" + id.substr(12, 4) + "-" + id.substr(16, 4) + "-" + id.substr(20);
  handles_[id] = {std::move(conninfo), std::move(store), std::chrono::steady_clock::now()};
  return id;
}

Handle HandleRegistry::get(const std::string& id) {
  std::lock_guard lock(mutex_);
  drop_expired_locked();
  auto it = handles_.find(id);
  if (it == handles_.end()) {
    throw util::HttpError(401, "Connection handle has expired or is invalid. Please reconnect.");
  }
  return it->second;
}

bool HandleRegistry::remove(const std::string& id) {
  std::lock_guard lock(mutex_);
  return handles_.erase(id) > 0;
}

std::size_t HandleRegistry::live() {
  std::lock_guard lock(mutex_);
  drop_expired_locked();
  return handles_.size();
}

std::string conninfo(const std::string& host, int port, const std::string& database,
                     const std::string& user, const std::string& password,
                     const std::string& ssl_mode) {
  std::string out = "host=" + quoted(host) + " port=" + std::to_string(port) +
                    " dbname=" + quoted(database) + " user=" + quoted(user) +
                    " password=" + quoted(password) +
                    " connect_timeout=10 application_name=axis-backend";
  if (!ssl_mode.empty()) out += " sslmode=" + quoted(ssl_mode);
  return out;
}

}  // namespace axis::database
