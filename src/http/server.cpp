#include "http/server.h"

#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/auth.h"
#include "http/cors.h"
#include "http/encoding.h"
#include "http/metrics.h"
#include "http/multipart.h"
#include "http/request_id.h"
#include "http/router.h"
#include "http/sse_event.h"
#include "util/http_error.h"
#include "util/text.h"

namespace axis::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t kGzipMinBytes = 1024;
constexpr std::size_t kUploadChunk = 1 << 18;    // bytes read per step of a multipart body
constexpr std::size_t kJsonReadChunk = 1 << 16;  // read size for bodies kept in memory

Response error_response(int status, const std::string& detail) {
  return Response::json(util::detail_body(detail), status);
}

// Runs a handler, turning every failure into a response. Bad input is the handler's util::HttpError;
// anything else is a bug and becomes a logged 500 that reveals nothing.
Response invoke(const Handler& handler, const Request& req) {
  try {
    return handler(req);
  } catch (const util::HttpError& e) {
    return Response::json(e.body(), e.status());
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, req.path, e.what());
    return error_response(500, "Internal Server Error");
  }
}

// Status-independent headers of a reply: content type, request id, the handler's own headers
// and CORS (except on preflight answers, which carry their own).
template <class Message>
void set_headers(Message& res, const Response& response, const Request& req,
                 const std::string& route_label, const CorsPolicy& cors) {
  res.set(bhttp::field::content_type, response.content_type);
  res.set("X-Request-ID", req.request_id);
  res.set("X-Content-Type-Options", "nosniff");
  for (const auto& [name, value] : response.headers) res.insert(name, value);
  for (const auto& [name, value] : cors.response_headers(req.header("origin"))) {
    if (route_label != "preflight") res.insert(name, value);
  }
}

// The meeting point of a stream's producer thread and the connection's I/O thread. send()
// queues bytes and wakes the writer by cancelling its wait timer on the I/O thread; the writer
// and the disconnect watcher mark the stream gone, which the producer sees through cancelled().
class StreamState : public StreamSink, public std::enable_shared_from_this<StreamState> {
 public:
  StreamState(asio::any_io_executor executor, std::shared_ptr<std::atomic<bool>> stopping)
      : timer(executor), stopping_(std::move(stopping)) {}

  bool send(std::string bytes) override {
    if (cancelled()) return false;
    {
      std::lock_guard lock(mu_);
      queue_.push_back(std::move(bytes));
    }
    wake();
    return true;
  }
  bool cancelled() const override { return gone || stopping_->load(); }

  void finish() {
    {
      std::lock_guard lock(mu_);
      finished_ = true;
    }
    wake();
  }
  void mark_gone() {
    gone = true;
    wake();
  }
  // Everything queued so far, and whether the producer has finished.
  std::string take(bool& finished) {
    std::lock_guard lock(mu_);
    std::string out;
    for (auto& piece : queue_) out += piece;
    queue_.clear();
    finished = finished_;
    return out;
  }

  asio::steady_timer timer;
  std::atomic<bool> gone{false};
  std::array<char, 512> scratch{};  // what the disconnect watcher reads into

 private:
  void wake() {
    asio::post(timer.get_executor(), [self = shared_from_this()] { self->timer.cancel(); });
  }
  std::shared_ptr<std::atomic<bool>> stopping_;
  std::mutex mu_;
  std::deque<std::string> queue_;
  bool finished_ = false;
};

}  // namespace

// One single-threaded io_context per I/O thread: a connection lives on one thread for its
// whole life, so there are no strands and no cross-thread wake-ups on the hot path.
struct Server::Impl {
  Impl(const ServerOptions& o, const Router& r, const CorsPolicy& c, Metrics& m)
      : options(o), router(r), cors(c), metrics(m), blocking(static_cast<std::size_t>(o.blocking_threads)) {
    const int n = std::max(1, o.io_threads);
    for (int i = 0; i < n; ++i) contexts.push_back(std::make_unique<asio::io_context>(1));
    acceptor.emplace(*contexts[0]);
    signals.emplace(*contexts[0], SIGINT, SIGTERM);
  }

  ServerOptions options;
  const Router& router;
  const CorsPolicy& cors;
  Metrics& metrics;
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::signal_set> signals;
  asio::thread_pool blocking;
  std::atomic<int> queued{0};
  std::atomic<bool> stopping{false};
  // Shared with stream producers, which may outlive a request but never the process.
  std::shared_ptr<std::atomic<bool>> streams_stopping = std::make_shared<std::atomic<bool>>(false);
  std::shared_ptr<std::atomic<int>> live_streams = std::make_shared<std::atomic<int>>(0);
  std::size_t next_context = 0;

  asio::io_context& main_context() { return *contexts[0]; }
  awaitable<void> accept_loop();
  // One connection: requests read, answered and written in turn until either side ends it.
  awaitable<void> session(tcp::socket socket);
  // What read_request got: the request (when its body fit), and how the exchange may go on.
  struct Incoming {
    Request req;
    bool body_ok = true;    // false: the body was over `limit` (413)
    std::size_t limit = 0;  // the body limit of the request's content type
    bool keep_alive = false;
    unsigned version = 11;
    Clock::time_point started;  // when its header had arrived
  };
  // Reads one request: the header within its timeout, then the body (multipart parts straight to
  // their files). nullopt ends the connection (closed, timed out, or a malformed header that was
  // answered with 400 here). A request counts as in flight (Metrics) from its header on; the
  // caller ends the count for a request it got.
  awaitable<std::optional<Incoming>> read_request(beast::tcp_stream& stream,
                                                  beast::flat_buffer& buffer, bool first,
                                                  const std::string& peer);
  // Writes `response` (whole, a file, or a stream) and the access-log line. Returns false when
  // the connection must end (write error, stream sent, no keep-alive).
  awaitable<bool> write_reply(beast::tcp_stream& stream, Response& response, const Request& req,
                              const std::string& route_label, const Incoming& in,
                              Clock::time_point started);
  awaitable<Response> dispatch(Request& req, std::string& route_label);
  awaitable<Response> run_blocking(const Handler& handler, const Request& req);
  awaitable<void> drain();
  // Sends a streamed reply: headers, then each piece as the producer sends it (chunked on
  // HTTP/1.1, close-delimited on HTTP/1.0), comment pings when idle, until the producer ends or
  // the client goes. Returns the bytes sent.
  awaitable<std::size_t> write_stream(beast::tcp_stream& stream, Response& response,
                                      const Request& req, const std::string& route_label,
                                      unsigned version);
  void begin_shutdown();
  Request to_request(const bhttp::fields& fields, std::string_view method, std::string_view target,
                     const std::string& peer);
};

Server::Server(const ServerOptions& options, const Router& router, const CorsPolicy& cors,
               Metrics& metrics)
    : impl_(std::make_unique<Impl>(options, router, cors, metrics)) {}

Server::~Server() = default;

void Server::listen() {
  auto& a = *impl_->acceptor;
  const auto& o = impl_->options;
  try {
    tcp::resolver resolver(impl_->main_context());
    auto endpoint = *resolver.resolve(o.host, std::to_string(o.port)).begin();
    a.open(endpoint.endpoint().protocol());
    a.set_option(asio::socket_base::reuse_address(true));
    a.bind(endpoint.endpoint());
    a.listen(asio::socket_base::max_listen_connections);
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " +
                             e.code().message());
  }
}

int Server::port() const { return impl_->acceptor->local_endpoint().port(); }

void Server::run() {
  Impl& s = *impl_;
  s.signals->async_wait([&s](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("received signal {}, shutting down", signal);
    s.begin_shutdown();
  });
  asio::co_spawn(s.main_context(), s.accept_loop(), asio::detached);
  // Contexts other than the acceptor's have no work until a connection arrives.
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < s.contexts.size(); ++i) {
    guards.push_back(asio::make_work_guard(*s.contexts[i]));
    threads.emplace_back([ctx = s.contexts[i].get()] { ctx->run(); });
  }
  s.main_context().run();
  for (auto& t : threads) t.join();
  s.blocking.join();
  // Stream producers were told to stop; give them the grace period to notice.
  s.streams_stopping->store(true);
  const auto deadline = Clock::now() + std::chrono::seconds(s.options.shutdown_grace_seconds);
  while (s.live_streams->load() > 0 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

void Server::request_stop() {
  asio::post(impl_->main_context(), [s = impl_.get()] { s->begin_shutdown(); });
}

void Server::Impl::begin_shutdown() {
  if (stopping.exchange(true)) return;
  boost::system::error_code ignored;
  acceptor->close(ignored);
  signals->cancel(ignored);
  streams_stopping->store(true);
  asio::co_spawn(main_context(), drain(), asio::detached);
}

// Waits for in-flight requests to finish (or the grace deadline), then stops the I/O loop;
// idle keep-alive connections are closed with it.
awaitable<void> Server::Impl::drain() {
  const auto deadline = Clock::now() + std::chrono::seconds(options.shutdown_grace_seconds);
  asio::steady_timer timer(main_context());
  while (metrics.in_flight() > 0 && Clock::now() < deadline) {
    timer.expires_after(std::chrono::milliseconds(20));
    co_await timer.async_wait(use_awaitable);
  }
  if (metrics.in_flight() > 0) {
    spdlog::warn("shutdown deadline reached with {} requests in flight", metrics.in_flight());
  }
  for (auto& ctx : contexts) ctx->stop();
}

awaitable<void> Server::Impl::accept_loop() {
  while (!stopping) {
    boost::system::error_code ec;
    asio::io_context& target = *contexts[next_context++ % contexts.size()];
    tcp::socket socket = co_await acceptor->async_accept(target, asio::redirect_error(use_awaitable, ec));
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) co_return;
      spdlog::warn("accept failed: {}", ec.message());
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto executor = socket.get_executor();
    asio::co_spawn(executor, session(std::move(socket)), asio::detached);
  }
}

Request Server::Impl::to_request(const bhttp::fields& fields, std::string_view method,
                                 std::string_view target, const std::string& peer) {
  Request req;
  req.method = std::string(method);
  req.target = std::string(target);
  const auto qpos = target.find('?');
  const std::string_view raw_path = target.substr(0, qpos);
  auto decoded = util::percent_decode(raw_path);
  req.path = decoded ? *decoded : std::string(raw_path);
  if (qpos != std::string_view::npos) req.query = util::parse_query(target.substr(qpos + 1));
  for (const auto& field : fields) {
    req.headers.emplace_back(util::ascii_lower(field.name_string()), std::string(field.value()));
  }
  req.request_id = request_id_for(req.header("x-request-id"));
  req.peer_address = peer;
  return req;
}

awaitable<Response> Server::Impl::run_blocking(const Handler& handler, const Request& req) {
  if (queued.load() >= options.blocking_queue) {
    Response busy = error_response(503, "Server is busy; try again shortly");
    busy.header("Retry-After", "1");
    co_return busy;
  }
  ++queued;
  co_return co_await asio::co_spawn(
      blocking,
      [&]() -> awaitable<Response> {
        --queued;
        co_return invoke(handler, req);
      },
      use_awaitable);
}

awaitable<Response> Server::Impl::dispatch(Request& req, std::string& route_label) {
  const std::string_view origin = req.header("origin");
  if (is_preflight(req.method, origin, req.header("access-control-request-method"))) {
    route_label = "preflight";
    auto pre = cors.preflight(origin, req.header("access-control-request-headers"));
    Response r = pre.status == 200 ? Response::text("OK", "text/plain; charset=utf-8")
                                   : Response::json(pre.body, pre.status);
    r.headers = std::move(pre.headers);
    co_return r;
  }
  req.client_address = options.auth ? options.auth->client_address(req) : req.peer_address;
  if (options.auth && options.auth->enabled()) {
    const AuthDecision decision = options.auth->check(req);
    if (!decision.allowed) {
      route_label = "unauthorized";
      Response r = error_response(401, decision.reason);
      r.header("WWW-Authenticate", "Bearer");
      co_return r;
    }
    req.user = decision.user;
  }
  RouteMatch match = router.match(req.method, req.path);
  switch (match.kind) {
    case RouteMatch::Kind::found: {
      route_label = match.route->pattern;
      req.params = std::move(match.params);
      if (match.route->blocking) co_return co_await run_blocking(match.route->handler, req);
      co_return invoke(match.route->handler, req);
    }
    case RouteMatch::Kind::method_not_allowed: {
      route_label = "unmatched";
      Response r = error_response(405, "Method Not Allowed");
      r.header("Allow", match.allow);
      co_return r;
    }
    case RouteMatch::Kind::redirect: {
      route_label = "redirect";
      const auto qpos = req.target.find('?');
      Response r = Response::text("", "text/plain; charset=utf-8", 307);
      r.header("Location", match.location +
                               (qpos == std::string::npos ? "" : req.target.substr(qpos)));
      co_return r;
    }
    case RouteMatch::Kind::not_found:
      break;
  }
  const bool is_api = req.path.starts_with("/api/") || req.path == "/api";
  if (!is_api && (req.method == "GET" || req.method == "HEAD") && router.fallback()) {
    route_label = "static";
    co_return invoke(router.fallback(), req);
  }
  route_label = "unmatched";
  co_return error_response(404, "Not Found");
}

awaitable<void> Server::Impl::session(tcp::socket socket) {
  std::string peer;
  {
    boost::system::error_code ec;
    const auto remote = socket.remote_endpoint(ec);
    if (!ec) {
      const auto address = remote.address();
      peer = address.is_v6() && address.to_v6().is_v4_mapped()
                 ? asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string()
                 : address.to_string();
    }
  }
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  try {
    for (bool first = true;; first = false) {
      std::optional<Incoming> in = co_await read_request(stream, buffer, first, peer);
      if (!in) break;
      const auto started = in->started;
      struct InFlight {
        Metrics& m;
        ~InFlight() { m.request_finished(); }
      } in_flight{metrics};

      std::string route_label = "unmatched";
      Response response;
      if (!in->body_ok) {
        response = error_response(413, "Request body too large: the limit is " +
                                           std::to_string(in->limit) + " bytes");
      } else {
        response = co_await dispatch(in->req, route_label);
      }
      if (response.stream && live_streams->load() >= options.max_streams) {
        response = error_response(503, "Too many open streams; try again shortly");
        response.header("Retry-After", "5");
      }
      // Counted before the reply goes out, so a client that reads /metrics right after a
      // response always sees that request.
      metrics.record(in->req.method, route_label, response.status,
                     std::chrono::duration<double>(Clock::now() - started).count());
      if (!co_await write_reply(stream, response, in->req, route_label, *in, started)) break;
    }
  } catch (const std::exception& e) {
    spdlog::debug("connection closed after error: {}", e.what());
  }
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

awaitable<std::optional<Server::Impl::Incoming>> Server::Impl::read_request(
    beast::tcp_stream& stream, beast::flat_buffer& buffer, bool first, const std::string& peer) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(32 * 1024);
  parser.body_limit(boost::none);  // the real limit depends on the content type, below
  stream.expires_after(std::chrono::seconds(first ? options.header_timeout_seconds
                                                  : options.idle_timeout_seconds));
  boost::system::error_code ec;
  co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
  if (ec) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::eof || ec == asio::error::connection_reset) {
      co_return std::nullopt;
    }
    bhttp::response<bhttp::string_body> bad{bhttp::status::bad_request, 11};
    bad.set(bhttp::field::content_type, "application/json");
    bad.set(bhttp::field::connection, "close");
    bad.body() = util::detail_body("Bad request: " + ec.message());
    bad.prepare_payload();
    co_await bhttp::async_write(stream, bad, asio::redirect_error(use_awaitable, ec));
    co_return std::nullopt;
  }

  Incoming in;
  in.started = Clock::now();
  metrics.request_started();
  struct Uncount {  // ends the count when no request comes of it
    Metrics& m;
    bool armed = true;
    ~Uncount() {
      if (armed) m.request_finished();
    }
  } uncount{metrics};
  auto& head = parser.get();
  in.version = head.version();
  const bool multipart =
      util::ascii_lower(head[bhttp::field::content_type]).starts_with("multipart/form-data");
  in.limit = multipart ? options.max_upload_bytes : options.max_json_bytes;
  if (parser.content_length() && *parser.content_length() > in.limit) {
    in.body_ok = false;
  } else if (!parser.is_done() &&
             util::ascii_lower(head[bhttp::field::expect]) == "100-continue") {
    bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, in.version};
    co_await bhttp::async_write(stream, cont, asio::redirect_error(use_awaitable, ec));
  }
  if (in.body_ok && multipart) {
    // Uploads are decoded as they arrive: file parts go straight to their own files, so a
    // 1 GB file never sits in memory nor twice on disk.
    bhttp::request_parser<bhttp::buffer_body> body_parser(std::move(parser));
    body_parser.body_limit(in.limit);
    MultipartDecoder decoder(body_parser.get()[bhttp::field::content_type], options.spool_dir);
    stream.expires_after(std::chrono::seconds(options.body_timeout_seconds));
    std::vector<char> chunk(kUploadChunk);
    // Beast reads at most the buffer's free capacity per call; after the header that is
    // small, and a large upload would cost a system call (and a timer) per kilobyte.
    buffer.reserve(kUploadChunk);
    while (!body_parser.is_done()) {
      body_parser.get().body().data = chunk.data();
      body_parser.get().body().size = chunk.size();
      co_await bhttp::async_read(stream, buffer, body_parser, asio::redirect_error(use_awaitable, ec));
      if (ec == bhttp::error::need_buffer) ec = {};
      if (ec) break;
      decoder.feed(std::string_view(chunk.data(), chunk.size() - body_parser.get().body().size));
    }
    if (ec == bhttp::error::body_limit) in.body_ok = false;
    else if (ec) co_return std::nullopt;
    in.req = to_request(body_parser.get().base(), body_parser.get().method_string(),
                        body_parser.get().target(), peer);
    in.keep_alive = in.body_ok && body_parser.keep_alive() && !stopping;
    if (in.body_ok) in.req.multipart = decoder.finish();
    uncount.armed = false;
    co_return in;
  }
  if (in.body_ok) {
    parser.body_limit(in.limit);
    if (!parser.is_done()) {
      buffer.reserve(kJsonReadChunk);
      stream.expires_after(std::chrono::seconds(options.body_timeout_seconds));
      co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
      if (ec == bhttp::error::body_limit) in.body_ok = false;
      else if (ec) co_return std::nullopt;
    }
  }
  in.keep_alive = in.body_ok && parser.keep_alive() && !stopping;
  in.req = to_request(parser.get().base(), parser.get().method_string(), parser.get().target(), peer);
  in.req.body = std::move(parser.get().body());
  uncount.armed = false;
  co_return in;
}

awaitable<bool> Server::Impl::write_reply(beast::tcp_stream& stream, Response& response,
                                          const Request& req, const std::string& route_label,
                                          const Incoming& in, Clock::time_point started) {
  boost::system::error_code ec;
  bool keep_alive = in.keep_alive;
  std::size_t bytes = 0;
  if (response.stream) {
    keep_alive = false;  // the connection ends with the stream
    bytes = co_await write_stream(stream, response, req, route_label, in.version);
  } else if (response.file_path.empty()) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(response.status), in.version};
    set_headers(res, response, req, route_label, cors);
    if (response.compressible && response.body.size() >= kGzipMinBytes &&
        res.find(bhttp::field::content_encoding) == res.end() &&
        accepts_gzip(req.header("accept-encoding"))) {
      response.body = gzip_compress(response.body);
      res.set(bhttp::field::content_encoding, "gzip");
      res.insert(bhttp::field::vary, "Accept-Encoding");
    }
    bytes = response.body.size();
    res.keep_alive(keep_alive);
    res.content_length(bytes);
    if (req.method != "HEAD") res.body() = std::move(response.body);
    stream.expires_after(std::chrono::seconds(options.body_timeout_seconds));
    co_await bhttp::async_write(stream, res, asio::redirect_error(use_awaitable, ec));
  } else {
    struct RemoveAfter {
      const Response& r;
      ~RemoveAfter() {
        if (r.remove_file) std::remove(r.file_path.c_str());
      }
    } remove_after{response};
    bhttp::response<bhttp::file_body> res{static_cast<bhttp::status>(response.status), in.version};
    set_headers(res, response, req, route_label, cors);
    res.body().open(response.file_path.c_str(), beast::file_mode::scan, ec);
    if (ec) {
      spdlog::error("cannot open response file {}: {}", response.file_path, ec.message());
      co_return false;
    }
    bytes = static_cast<std::size_t>(res.body().size());
    res.keep_alive(keep_alive);
    res.content_length(bytes);
    stream.expires_after(std::chrono::seconds(options.body_timeout_seconds));
    if (req.method == "HEAD") {
      bhttp::response_serializer<bhttp::file_body> sr{res};
      co_await bhttp::async_write_header(stream, sr, asio::redirect_error(use_awaitable, ec));
    } else {
      co_await bhttp::async_write(stream, res, asio::redirect_error(use_awaitable, ec));
    }
  }

  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  if (options.access_log) {
    if (auto log = spdlog::get("access")) {
      log->info("{} {} {} {} {:.2f}ms {} {} {}", req.method, req.path, response.status, bytes,
                seconds * 1000.0, req.request_id,
                req.client_address.empty() ? req.peer_address : req.client_address,
                req.user.empty() ? "-" : req.user);
    }
  }
  co_return !ec && keep_alive;
}

awaitable<std::size_t> Server::Impl::write_stream(beast::tcp_stream& stream, Response& response,
                                                  const Request& req,
                                                  const std::string& route_label,
                                                  unsigned version) {
  auto state = std::make_shared<StreamState>(stream.get_executor(), streams_stopping);
  const bool chunked = version >= 11;
  bhttp::response<bhttp::empty_body> res{static_cast<bhttp::status>(response.status), version};
  set_headers(res, response, req, route_label, cors);
  res.keep_alive(false);
  if (chunked) res.chunked(true);
  bhttp::response_serializer<bhttp::empty_body> serializer{res};
  boost::system::error_code ec;
  stream.expires_after(std::chrono::seconds(options.body_timeout_seconds));
  co_await bhttp::async_write_header(stream, serializer, asio::redirect_error(use_awaitable, ec));
  if (ec || req.method == "HEAD") co_return 0;

  // A client that closes its end (or resets) shows up as a finished read.
  stream.socket().async_read_some(asio::buffer(state->scratch),
                                  [state](const boost::system::error_code& error, std::size_t) {
                                    if (error) state->mark_gone();
                                  });
  ++*live_streams;
  std::thread([state, producer = std::move(response.stream), live = live_streams,
               id = req.request_id] {
    try {
      producer(*state);
    } catch (const std::exception& e) {
      spdlog::error("stream {} failed: {}", id, e.what());
    }
    state->finish();
    --*live;
  }).detach();

  std::size_t bytes = 0;
  const auto ping_every = std::chrono::seconds(std::max(1, options.stream_ping_seconds));
  while (true) {
    bool finished = false;
    std::string piece = state->take(finished);
    if (piece.empty() && !finished && !state->gone) {
      state->timer.expires_after(response.ping ? ping_every : std::chrono::hours(24));
      boost::system::error_code wait_ec;
      co_await state->timer.async_wait(asio::redirect_error(use_awaitable, wait_ec));
      if (wait_ec || !response.ping) continue;  // woken: data, the end, the client gone
      piece = response.ping_with_space ? std::string(" ") : sse_comment("ping - " + std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                         std::chrono::system_clock::now().time_since_epoch()).count()));
    }
    if (state->gone) break;
    if (!piece.empty()) {
      stream.expires_after(std::chrono::seconds(options.body_timeout_seconds));
      if (chunked) {
        co_await asio::async_write(stream, bhttp::make_chunk(asio::buffer(piece)),
                                   asio::redirect_error(use_awaitable, ec));
      } else {
        co_await asio::async_write(stream, asio::buffer(piece), asio::redirect_error(use_awaitable, ec));
      }
      if (ec) {
        state->mark_gone();
        break;
      }
      bytes += piece.size();
    }
    if (finished && piece.empty()) break;
  }
  if (!state->gone && chunked) {
    stream.expires_after(std::chrono::seconds(options.body_timeout_seconds));
    co_await asio::async_write(stream, bhttp::make_chunk_last(), asio::redirect_error(use_awaitable, ec));
  }
  // The producer may still be running (client gone): it sees cancelled() and ends on its own.
  state->mark_gone();
  co_return bytes;
}

}  // namespace axis::http
