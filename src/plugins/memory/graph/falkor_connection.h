// FalkorConnection: one lazily opened Redis-protocol connection to FalkorDB (hiredis stays in
// falkor_connection.cpp). A failed command drops the connection, so the next call reconnects.
// Thread-safe (commands are serialised on the one connection); blocking, bounded by timeouts.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace axis::plugins::memory::graph {

struct FalkorOptions {
  std::string host;
  int port = 6379;
  std::string graph;
  std::string password;  // AUTH with it when not empty
  std::chrono::milliseconds connect_timeout{3000}, command_timeout{15000};
};

// A RESP2 reply: nil, integer, string (bulk or status) or array.
struct Resp {
  enum class Kind { nil, integer, string, array };
  Kind kind = Kind::nil;
  std::int64_t integer = 0;
  std::string text;
  std::vector<Resp> items;
};

// Why a FalkorDB call failed (connection refused, AUTH refused, timeout, query error).
struct FalkorError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A Cypher parameter: a string or an integer.
using CypherValue = std::variant<std::string, std::int64_t>;
using CypherParams = std::vector<std::pair<std::string, CypherValue>>;

// "CYPHER k=v ... " for `params`: strings as double-quoted Cypher literals with \ and "
// escaped, so values never become query text.
std::string cypher_params_header(const CypherParams& params);

class FalkorConnection {
 public:
  explicit FalkorConnection(FalkorOptions options);
  ~FalkorConnection();
  FalkorConnection(const FalkorConnection&) = delete;
  FalkorConnection& operator=(const FalkorConnection&) = delete;

  // GRAPH.RO_QUERY <graph> "<params header><query>": the reply, or FalkorError.
  Resp ro_query(const std::string& query, const CypherParams& params = {});
  // Drops the connection (the next call opens a new one).
  void reset();
  const FalkorOptions& options() const { return options_; }

 private:
  struct Context;
  Resp command(const std::vector<std::string>& args);  // caller holds mutex_
  void connect();                                      // caller holds mutex_

  FalkorOptions options_;
  std::mutex mutex_;
  std::unique_ptr<Context> ctx_;
};

}  // namespace axis::plugins::memory::graph
