#include "llm/sse_reader.h"

namespace axis::llm {

void SseReader::feed(std::string_view bytes) {
  for (char c : bytes) {
    if (c == '\n' && last_was_cr_) {  // the \n of a \r\n already handled
      last_was_cr_ = false;
      continue;
    }
    last_was_cr_ = c == '\r';
    if (c == '\n' || c == '\r') {
      line(pending_);
      pending_.clear();
    } else {
      pending_.push_back(c);
    }
  }
}

void SseReader::finish() {
  if (!pending_.empty()) line(pending_);
  pending_.clear();
  line("");
}

void SseReader::line(std::string_view text) {
  if (text.empty()) {
    if (has_data_ || !event_.empty()) handler_(event_.empty() ? "message" : event_, data_);
    event_.clear();
    data_.clear();
    has_data_ = false;
    return;
  }
  if (text.front() == ':') return;
  const auto colon = text.find(':');
  std::string_view field = text.substr(0, colon);
  std::string_view value = colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (field == "event") {
    event_ = std::string(value);
  } else if (field == "data") {
    if (has_data_) data_.push_back('\n');
    data_.append(value);
    has_data_ = true;
  }
}

}  // namespace axis::llm
