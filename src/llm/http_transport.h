// One HTTPS request to a model provider over libcurl: connect and read timeouts, the body handed
// over piece by piece as it arrives, and cancellation polled while waiting.
// Thread-safe: each thread has its own handle, reused (with its open connections) call after call.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace axis::llm {

struct HttpCall {
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string method = "POST";       // "POST" (body sent as is) or "GET" (body ignored)
  std::string body;                  // POSTed as is
  std::string basic_auth;            // "user:password" for HTTP Basic auth; empty = none
  int connect_timeout_seconds = 10;
  int read_timeout_seconds = 120;    // longest time without a byte of the reply
  // Called with each piece of a successful (2xx) reply's body; returning false aborts. Replies
  // with other statuses are collected into HttpOutcome::body instead.
  std::function<bool(std::string_view)> on_data;
  std::function<bool()> cancelled;   // polled about every 100 ms and between pieces
  // Requests to addresses a user chose (the eval runner's API agent) are bounded further:
  std::vector<std::string> resolve;  // "host:port:address" pins DNS to a checked address
  int total_timeout_seconds = 0;     // the whole transfer; 0 = no limit
  std::size_t max_body_bytes = 0;    // a longer reply body fails; 0 = no limit
};

struct HttpOutcome {
  int status = 0;              // 0 when no reply arrived
  std::string body;            // the whole body, unless on_data took it
  std::string retry_after;     // the Retry-After header, if any
  std::string error;           // transport failure (empty on a complete reply)
  bool cancelled = false;
  bool received_data = false;  // on_data saw at least one piece
  bool too_large = false;      // the body passed max_body_bytes: asking again gets the same
};

HttpOutcome perform(const HttpCall& call);

}  // namespace axis::llm
