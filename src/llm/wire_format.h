// WireFormat: one provider's HTTP dialect — where to post, which headers, how a ChatRequest is
// written and how a reply (whole or streamed) is read back. Stateless; thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "llm/chat.h"

namespace axis::llm {

// Reads one streamed reply as its bytes arrive; text pieces go to the callback at once.
class StreamDecoder {
 public:
  virtual ~StreamDecoder() = default;
  virtual void feed(std::string_view bytes) = 0;  // throws LlmError for an error event
  // The assembled reply; throws LlmError when the stream ended before the model finished.
  virtual ChatReply finish() = 0;
};

class WireFormat {
 public:
  virtual ~WireFormat() = default;
  virtual std::string display_name() const = 0;  // "OpenAI", "Anthropic"
  virtual std::string endpoint(const std::string& base_url) const = 0;
  virtual std::vector<std::string> headers(const std::string& api_key) const = 0;
  virtual std::string body(const ChatRequest& request) const = 0;
  // A whole (non-streamed) reply; throws LlmError(502) when it is not one.
  virtual ChatReply parse(const std::string& body) const = 0;
  virtual std::unique_ptr<StreamDecoder> stream_decoder(
      std::function<void(std::string_view)> on_text) const = 0;
  // The provider's own message from an error reply, or a short excerpt of the body.
  virtual std::string error_message(const std::string& body) const = 0;
};

std::unique_ptr<WireFormat> openai_wire();
std::unique_ptr<WireFormat> anthropic_wire();

}  // namespace axis::llm
