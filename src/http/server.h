// Server: the HTTP/1.1 server. Keep-alive, size limits, timeouts, CORS, gzip, request ids,
// access log, metrics, and a bounded pool that runs blocking handlers off the I/O threads.
// Construct, listen(), then run() on one thread; request_stop() may be called from any thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace axis::http {

class Router;
class CorsPolicy;
class Metrics;
class AuthPolicy;

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8500;                   // 0 = any free port (see Server::port())
  int io_threads = 1;
  int blocking_threads = 4;
  int blocking_queue = 1024;         // queued blocking jobs beyond which requests get 503
  int max_streams = 512;             // streamed replies open at once beyond which new ones get 503
  std::size_t max_json_bytes = 10u << 20;
  std::size_t max_upload_bytes = 200u << 20;
  int header_timeout_seconds = 30;
  int idle_timeout_seconds = 75;
  int body_timeout_seconds = 300;
  int shutdown_grace_seconds = 20;
  int stream_ping_seconds = 15;      // an idle stream's keep-alive interval (Response::ping)
  bool access_log = true;
  std::string spool_dir;             // where multipart bodies are written; must exist
  const AuthPolicy* auth = nullptr;  // who may call /api (null or disabled: everyone)
};

class Server {
 public:
  // router, cors and metrics must outlive the server.
  Server(const ServerOptions& options, const Router& router, const CorsPolicy& cors,
         Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Throws std::runtime_error naming host, port and the reason.
  void listen();
  // The bound port (useful with port 0). Valid after listen().
  int port() const;
  // Serves until SIGINT/SIGTERM or request_stop(): then stops accepting, lets in-flight
  // requests finish within shutdown_grace_seconds, and returns.
  void run();
  void request_stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace axis::http
