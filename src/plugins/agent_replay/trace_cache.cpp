#include "plugins/agent_replay/trace_cache.h"

namespace axis::plugins::agent_replay {

std::shared_ptr<const Json> TraceCache::get(const std::string& key) {
  const auto entry = entries_.get(key);
  if (!entry || clock_() - entry->stored > ttl_) return nullptr;
  return entry->trace;
}

void TraceCache::put(const std::string& key, std::shared_ptr<const Json> trace) {
  entries_.put(key, Entry{std::move(trace), clock_()});
}

}  // namespace axis::plugins::agent_replay
