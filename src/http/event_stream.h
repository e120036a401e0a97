// EventStream: a reply written piece by piece while it is produced (Server-Sent Events).
// The handler validates the request as usual and returns Response::event_stream(producer); the
// server then sends the status and headers, runs the producer on a thread of its own (never an
// I/O thread, never the blocking pool) and writes each piece the moment it is sent.
#pragma once

#include <functional>
#include <string>

namespace axis::http {

class StreamSink {
 public:
  virtual ~StreamSink() = default;
  // Queues bytes for the client. Returns false once the client has gone; stop producing then.
  virtual bool send(std::string bytes) = 0;
  // True once the client disconnected, a write failed, or the server is shutting down.
  virtual bool cancelled() const = 0;
};

using StreamProducer = std::function<void(StreamSink&)>;

}  // namespace axis::http
