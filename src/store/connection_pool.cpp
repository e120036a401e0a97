#include "store/connection_pool.h"

#include "store/store_error.h"

namespace axis::store {

ConnectionPool::ConnectionPool(Database& db, int size) : size_(size < 1 ? 1 : size) {
  idle_.reserve(size_);
  for (int i = 0; i < size_; ++i) idle_.push_back(std::make_unique<Connection>(db));
}

ConnectionPool::Lease ConnectionPool::acquire(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  if (!available_.wait_for(lock, wait, [&] { return !idle_.empty(); })) {
    throw StoreError("store is busy: all " + std::to_string(size_) + " connections in use");
  }
  auto conn = std::move(idle_.back());
  idle_.pop_back();
  return Lease(this, std::move(conn));
}

int ConnectionPool::in_use() const {
  std::lock_guard lock(mutex_);
  return size_ - static_cast<int>(idle_.size());
}

void ConnectionPool::give_back(std::unique_ptr<Connection> conn) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(conn));
  }
  available_.notify_one();
}

}  // namespace axis::store
