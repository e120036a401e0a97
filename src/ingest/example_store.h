// ExampleStore: the one way a bundled example dataset (evaluation, monitoring, KPI, human
// signals) is stored: once, on first use, under one lock, so two first requests at the same time
// never store it twice. Owned by the App; thread-safe; stored() blocks while an example loads.
#pragma once

#include <functional>
#include <mutex>
#include <string>

#include "datasets/catalog.h"

namespace axis::ingest {

class ExampleStore {
 public:
  // `catalog` must outlive the store.
  explicit ExampleStore(const datasets::DatasetCatalog& catalog) : catalog_(catalog) {}
  ExampleStore(const ExampleStore&) = delete;
  ExampleStore& operator=(const ExampleStore&) = delete;

  const datasets::DatasetCatalog& catalog() const { return catalog_; }

  // The example whose catalog source is `source` ("example:<name>"): `found(entry)` when the
  // catalog holds it already, otherwise `store()`, which loads it (and throws what its loader
  // throws: nothing is stored then).
  template <class Result>
  Result stored(const std::string& source,
                const std::function<Result(const datasets::DatasetInfo&)>& found,
                const std::function<Result()>& store) {
    const std::lock_guard lock(mutex_);
    if (auto existing = catalog_.find_by_source(source)) return found(*existing);
    return store();
  }

 private:
  const datasets::DatasetCatalog& catalog_;
  std::mutex mutex_;
};

}  // namespace axis::ingest
