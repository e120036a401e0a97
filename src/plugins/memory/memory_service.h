// MemoryService: the decision-memory rule library (spec plugins.md §2). The rule set lives in
// the store (_memory_rules, memory_rules_store.h) and survives restarts; the service keeps a
// copy in memory for the reads and writes every change to the store first, in one
// transaction, so a refused or failed change leaves both as they were.
// Thread-safe: reads share a lock, changes take it exclusively. Every method may block (the
// store) and must run on the blocking pool.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "plugins/memory/memory_config.h"
#include "plugins/memory/memory_rule.h"
#include "plugins/memory/memory_rules_store.h"

namespace axis::store { class Store; }

namespace axis::plugins::memory {

// Called after every committed change of the rule set (upload, example, create, update,
// delete) with the whole new set in order, so what is derived from the rules (the knowledge
// graph) can be rebuilt. It runs on the thread that made the change, while the change still
// holds the service's lock: it must not call back into the service, and should be quick
// (hand long work to a thread of its own). An exception it throws is logged and ignored: the
// change is already committed.
using RulesListener = std::function<void(const std::vector<MemoryRule>&)>;

// The most rules a file may hold (413 beyond it).
inline constexpr std::size_t kMaxRules = 100000;

class MemoryService {
 public:
  // Loads the stored rule set. `store` must outlive the service. Throws StoreError.
  MemoryService(store::Store& store, MemoryConfig config, RulesListener listener = {});
  MemoryService(const MemoryService&) = delete;
  MemoryService& operator=(const MemoryService&) = delete;

  const MemoryConfig& config() const { return config_; }

  // The current rules, in order.
  std::vector<MemoryRule> rules() const;

  // POST /api/memory/upload with the CSV at `path` (already through ingest::inspect_csv): the
  // reply body of spec §2.2. A file with no rows or missing a required column changes nothing
  // (success true with "CSV was empty", or success false with "Missing required columns: …");
  // otherwise its rules replace the whole set. Throws HttpError 400 (not UTF-8) or 413 (more
  // than kMaxRules rules), StoreError.
  Json replace_from_csv(const std::string& path);

  // POST /api/memory/rules: `body` is role-keyed; nulls count as absent. Throws HttpError 400
  // "Missing required fields: …" when a required role other than id, batch and status is
  // absent, 413 when the set already holds kMaxRules rules. The new rule gets a UUID4 id, the
  // UTC ISO time as created_at, batch "manual" and status "pending", and goes first.
  MemoryRule create(const Json& body);
  // PUT /api/memory/rules/{id}: the first rule with this id, its roles merged with the
  // non-null ones of `body`; nullopt when there is none.
  std::optional<MemoryRule> update(const std::string& id, const Json& body);
  // DELETE /api/memory/rules/{id}: removes the first rule with this id; false when none.
  bool remove(const std::string& id);

 private:
  // Swaps in `next` (already stored) and tells the listener; the caller holds the lock
  // exclusively.
  void committed(std::vector<PositionedRule> next);
  // The index of the first rule with this id, or npos.
  std::size_t find(const std::string& id) const;

  store::Store& store_;
  const MemoryConfig config_;
  RulesListener listener_;
  mutable std::shared_mutex mutex_;
  std::vector<PositionedRule> rules_;
};

}  // namespace axis::plugins::memory
