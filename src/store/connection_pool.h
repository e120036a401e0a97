// ConnectionPool: a fixed set of connections to one Database, handed out exclusively.
// Thread-safe. Leases must not outlive the pool.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/connection.h"

namespace axis::store {

class ConnectionPool {
 public:
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn)
        : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() { if (conn_) pool_->give_back(std::move(conn_)); }
    Connection& operator*() { return *conn_; }
    Connection* operator->() { return conn_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  ConnectionPool(Database& db, int size);  // opens `size` connections; throws StoreError
  // Waits up to `wait` for a free connection; throws StoreError("store is busy") on timeout.
  Lease acquire(std::chrono::milliseconds wait = std::chrono::seconds(30));
  int size() const { return size_; }
  int in_use() const;

 private:
  void give_back(std::unique_ptr<Connection> conn);

  const int size_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace axis::store
