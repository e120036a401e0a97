// llm::perform against a one-shot HTTP server on loopback: a reply over max_body_bytes is
// refused and marked too_large (callers must not ask again), one within it is read whole.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "llm/http_transport.h"

namespace axis::llm {
namespace {

// Serves one request with a 200 reply of `body_bytes` bytes of 'x'; returns the port.
class OneReplyServer {
 public:
  explicit OneReplyServer(std::size_t body_bytes) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(listener_, 1);
    socklen_t len = sizeof addr;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this, body_bytes] {
      const int conn = ::accept(listener_, nullptr, nullptr);
      if (conn < 0) return;
      char buf[4096];
      (void)::recv(conn, buf, sizeof buf, 0);
      const std::string reply = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                std::to_string(body_bytes) + "\r\nConnection: close\r\n\r\n" +
                                std::string(body_bytes, 'x');
      (void)::send(conn, reply.data(), reply.size(), MSG_NOSIGNAL);
      ::close(conn);
    });
  }
  ~OneReplyServer() {
    thread_.join();
    ::close(listener_);
  }
  int port() const { return port_; }

 private:
  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
};

HttpCall transport_test_call(int port) {
  HttpCall call;
  call.method = "GET";
  call.url = "http://127.0.0.1:" + std::to_string(port) + "/";
  call.connect_timeout_seconds = 5;
  call.read_timeout_seconds = 5;
  call.max_body_bytes = 1000;
  return call;
}

TEST(HttpTransport, AReplyOverTheCapIsRefusedAndMarkedTooLarge) {
  OneReplyServer server(200000);
  const HttpOutcome outcome = perform(transport_test_call(server.port()));
  EXPECT_TRUE(outcome.too_large);
  EXPECT_EQ(outcome.error, "the reply is larger than 1000 bytes");
}

TEST(HttpTransport, AReplyWithinTheCapIsReadWhole) {
  OneReplyServer server(1000);
  const HttpOutcome outcome = perform(transport_test_call(server.port()));
  EXPECT_FALSE(outcome.too_large);
  EXPECT_EQ(outcome.error, "");
  EXPECT_EQ(outcome.status, 200);
  EXPECT_EQ(outcome.body, std::string(1000, 'x'));
}

}  // namespace
}  // namespace axis::llm
