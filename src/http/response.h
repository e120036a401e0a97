// Response: what a handler returns. The server adds CORS, request id, compression and framing.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "http/event_stream.h"

namespace axis::http {

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool compressible = true;  // false for already-compressed payloads (images, .gz)
  // When set, the body is this file, streamed from disk (body is ignored, no compression);
  // with remove_file the server deletes it once it is sent or the send fails.
  std::string file_path;
  bool remove_file = false;
  // When set, the reply is a stream: the server sends the headers, then runs this producer on a
  // thread of its own and writes what it sends as it comes (body is ignored, no compression).
  // An idle stream gets a keep-alive every ServerOptions::stream_ping_seconds so proxies keep it
  // open: an SSE comment line, or for a deferred JSON reply a single space (whitespace before
  // and after a JSON value is part of valid JSON). ping = false: never.
  StreamProducer stream;
  bool ping = true;
  bool ping_with_space = false;

  static Response json(std::string body, int status = 200) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
  }
  static Response text(std::string body, std::string content_type, int status = 200) {
    Response r;
    r.status = status;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    return r;
  }
  // A temporary file handed over to the server, which removes it after sending.
  static Response temp_file(std::string path, std::string content_type) {
    Response r;
    r.content_type = std::move(content_type);
    r.file_path = std::move(path);
    r.remove_file = true;
    r.compressible = false;
    return r;
  }
  // A text/event-stream reply produced by `producer` (see event_stream.h).
  static Response event_stream(StreamProducer producer) {
    Response r;
    r.content_type = "text/event-stream; charset=utf-8";
    r.stream = std::move(producer);
    r.compressible = false;
    r.headers = {{"Cache-Control", "no-store"}, {"X-Accel-Buffering", "no"}};
    return r;
  }
  // A JSON reply that takes long to produce (it waits on a model): written by `producer` on a
  // thread of its own, so the wait holds neither an I/O thread nor the blocking pool.
  static Response deferred_json(StreamProducer producer) {
    Response r = event_stream(std::move(producer));
    r.content_type = "application/json";
    r.headers = {{"Cache-Control", "no-store"}};
    // The headers go out at once and a space every few seconds until the reply, so a proxy's
    // read timeout never ends a long model call (docs/deployment.md, long AI calls).
    r.ping_with_space = true;
    return r;
  }
  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

}  // namespace axis::http
