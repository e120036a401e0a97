// StoreBacked<T>: a service that exists only when the store is enabled (duckdb.yaml
// enabled: true). Handlers hold one per service they use and reach the service through it; when
// the store is disabled, reaching it throws HttpError 503, so every route that needs stored data
// answers the same way. Copyable; does not own the service, which the application owns and keeps
// alive for as long as the route table.
#pragma once

#include "util/http_error.h"

namespace axis::util {

inline constexpr const char* kStoreDisabledMessage =
    "The store is disabled (duckdb.yaml enabled: false)";

template <class T>
class StoreBacked {
 public:
  StoreBacked(T* service) : service_(service) {}  // null: the store is disabled

  bool enabled() const { return service_ != nullptr; }
  // The service; throws HttpError 503 when the store is disabled.
  T& get() const {
    if (service_ == nullptr) throw HttpError(503, kStoreDisabledMessage);
    return *service_;
  }
  T& operator*() const { return get(); }
  T* operator->() const { return &get(); }

 private:
  T* service_;
};

}  // namespace axis::util
