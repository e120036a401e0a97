// LangfuseClient: the Langfuse public API (/api/public/...) over HTTP Basic auth "pk:sk".
// Retries 429 (honouring Retry-After), 5xx and timeouts with a bounded backoff; replies are
// bounded in size. Errors are LangfuseError; their messages never contain the keys.
// Thread-safe (no mutable state); blocking.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace axis::plugins::agent_replay {

using Json = nlohmann::ordered_json;

struct LangfuseCredentials {
  std::string public_key, secret_key, host;
};

struct LangfuseLimits {
  int timeout_seconds = 10;                    // connect and read (silence) timeout
  int max_attempts = 3;                        // tries per request, retries included
  std::chrono::milliseconds max_delay{5000};   // longest wait between tries
  std::size_t max_reply_bytes = 32u << 20;
};

class LangfuseError : public std::runtime_error {
 public:
  LangfuseError(const std::string& message, int status)
      : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }  // the last HTTP status; 0 when no reply came

 private:
  int status_;
};

struct TraceListQuery {
  int limit = 20;              // traces wanted in all (1..100 per page)
  std::string from_timestamp;  // ISO 8601, empty = no bound
  std::string name;            // empty = any
  std::vector<std::string> tags;
  int max_pages = 1;           // pages read at most
};

class LangfuseClient {
 public:
  LangfuseClient(LangfuseCredentials credentials, LangfuseLimits limits);

  // GET traces: the trace objects (without observations), paging until `limit` or the last page.
  Json list_traces(const TraceListQuery& query) const;
  // GET traces/{id}: the trace with its observations and scores; nullopt when not found.
  std::optional<Json> get_trace(const std::string& trace_id) const;
  // POST scores: returns the new score's id.
  std::string create_score(const Json& score) const;
  // GET v2/datasets (up to `max_items`), POST v2/datasets, POST dataset-items.
  Json list_datasets(int max_items) const;
  Json create_dataset(const std::string& name) const;
  Json create_dataset_item(const Json& item) const;
  // The number of items of a dataset (GET dataset-items?datasetName&limit=1, meta.totalItems).
  long long dataset_item_count(const std::string& dataset_name) const;

  const std::string& host() const { return credentials_.host; }

 private:
  // One request under /api/public/ with retries; the reply parsed. 404 → nullopt.
  std::optional<Json> call(const std::string& method, const std::string& path_and_query,
                           const std::string& body) const;
  Json call_found(const std::string& method, const std::string& path_and_query,
                  const std::string& body) const;

  LangfuseCredentials credentials_;
  LangfuseLimits limits_;
};

}  // namespace axis::plugins::agent_replay
