// SseReader: decodes a text/event-stream as it arrives, in pieces of any size.
// Lines end with \n, \r\n or \r; "event:" names the event, "data:" lines join with \n,
// comments (":") are skipped, and a blank line dispatches the event.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace axis::llm {

class SseReader {
 public:
  using Handler = std::function<void(const std::string& event, const std::string& data)>;
  explicit SseReader(Handler handler) : handler_(std::move(handler)) {}

  void feed(std::string_view bytes);
  // Dispatches an event the stream ended without a blank line after.
  void finish();

 private:
  void line(std::string_view text);
  Handler handler_;
  std::string pending_;  // an incomplete line
  bool last_was_cr_ = false;
  std::string event_, data_;
  bool has_data_ = false;
};

}  // namespace axis::llm
