// Connection handles of the database import wizard (spec storage.md §4 "Handles"): a random id
// standing for a PostgreSQL connection string kept in memory only, valid 15 minutes from its
// creation (use does not extend it), at most 100 at a time. The connection string (with its
// password) never leaves the server. Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace axis::database {

struct Handle {
  std::string conninfo;  // libpq keyword/value string, password included
  std::string store;     // data | monitoring | human_signals: where imports go
  std::chrono::steady_clock::time_point created;
};

class HandleRegistry {
 public:
  static constexpr std::size_t kMaxHandles = 100;
  static constexpr std::chrono::minutes kLifetime{15};

  // A new handle; throws util::HttpError 429 when kMaxHandles are live.
  std::string add(std::string conninfo, std::string store);
  // The handle; throws util::HttpError 401 when it is unknown or expired.
  Handle get(const std::string& id);
  // Revokes a handle; false when it was not live.
  bool remove(const std::string& id);
  std::size_t live();

 private:
  void drop_expired_locked();
  std::mutex mutex_;
  std::map<std::string, Handle> handles_;
};

// A libpq keyword/value connection string with every value quoted ('...', \\ and \' escaped),
// plus connect_timeout=10 and application_name=axis-backend.
std::string conninfo(const std::string& host, int port, const std::string& database,
                     const std::string& user, const std::string& password,
                     const std::string& ssl_mode);

}  // namespace axis::database
