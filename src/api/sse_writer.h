// SseWriter: the SSE events of a streamed reply (event name + one-line JSON data), ending with
// exactly one `done`.
#pragma once

#include <string>
#include <string_view>

#include "http/event_stream.h"
#include "http/sse_event.h"

namespace axis::api {

class SseWriter {
 public:
  explicit SseWriter(http::StreamSink& sink) : sink_(sink) {}
  ~SseWriter() { done(); }
  SseWriter(const SseWriter&) = delete;
  SseWriter& operator=(const SseWriter&) = delete;

  bool send(std::string_view event, std::string_view data_json) {
    return sink_.send(http::sse_event(event, data_json));
  }
  // Sends `done` once (the destructor sends it when nobody did).
  void done() {
    if (done_) return;
    done_ = true;
    sink_.send(http::sse_event("done", ""));
  }
  bool cancelled() const { return sink_.cancelled(); }

 private:
  http::StreamSink& sink_;
  bool done_ = false;
};

}  // namespace axis::api
