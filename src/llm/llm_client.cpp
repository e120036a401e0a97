#include "llm/llm_client.h"

#include <chrono>
#include <random>
#include <thread>

#include "llm/http_transport.h"
#include "llm/wire_format.h"

namespace axis::llm {
namespace {

using Clock = std::chrono::steady_clock;

double unit_random() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}

// Sleeps `wait`, waking early (and returning false) when the caller cancels.
bool wait_unless_cancelled(std::chrono::milliseconds wait, const ChatCallbacks& callbacks) {
  const auto until = Clock::now() + wait;
  while (Clock::now() < until) {
    if (callbacks.cancelled && callbacks.cancelled()) return false;
    std::this_thread::sleep_for(std::min<Clock::duration>(std::chrono::milliseconds(50), until - Clock::now()));
  }
  return true;
}

}  // namespace

LlmClient::LlmClient(ProviderConfig config, UsageSink usage)
    : config_(std::move(config)), usage_(std::move(usage)),
      wire_(config_.name == "anthropic" ? anthropic_wire() : openai_wire()) {}

LlmClient::~LlmClient() = default;

ChatReply LlmClient::chat(ChatRequest request, const ChatCallbacks& callbacks,
                          const CallLabel& label) const {
  if (request.model.empty()) request.model = config_.model;
  const auto started = Clock::now();
  CallRecord record{label.feature, label.run_id, config_.name, request.model, {}, 0, "error", 0};
  const auto report = [&](const std::string& outcome) {
    record.outcome = outcome;
    record.duration_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    if (usage_) usage_(record);
  };

  HttpCall call;
  call.url = wire_->endpoint(config_.base_url);
  call.headers = wire_->headers(config_.api_key);
  call.body = wire_->body(request);
  call.connect_timeout_seconds = config_.connect_timeout_seconds;
  call.read_timeout_seconds = config_.read_timeout_seconds;
  call.cancelled = callbacks.cancelled;

  const std::string who = wire_->display_name();
  for (int attempt = 1;; ++attempt) {
    record.attempts = attempt;
    std::unique_ptr<StreamDecoder> decoder;
    std::string whole;
    bool streamed_text = false;
    if (request.stream) {
      decoder = wire_->stream_decoder([&](std::string_view text) {
        streamed_text = true;
        if (callbacks.on_text) callbacks.on_text(text);
      });
    }
    std::string failure;  // set when the attempt failed in the decoder
    int failure_status = 0;
    call.on_data = [&](std::string_view bytes) {
      if (!decoder) {
        whole.append(bytes);
        return true;
      }
      try {
        decoder->feed(bytes);
        return true;
      } catch (const LlmError& e) {
        failure = e.what();
        failure_status = e.status();
        return false;
      }
    };

    const HttpOutcome outcome = perform(call);
    if (outcome.cancelled) {
      report("cancelled");
      throw LlmCancelled();
    }
    int status = outcome.status;
    std::string message;
    if (!failure.empty()) {
      status = failure_status;
      message = failure;
    } else if (!outcome.error.empty()) {
      status = 0;
      message = outcome.received_data
                    ? "the connection to the model closed before its reply was complete (" + outcome.error + ")"
                    : "cannot reach " + who + ": " + outcome.error;
    } else if (status >= 200 && status < 300) {
      try {
        ChatReply reply = decoder ? decoder->finish() : wire_->parse(whole);
        record.usage.input_tokens += reply.usage.input_tokens;
        record.usage.output_tokens += reply.usage.output_tokens;
        report("ok");
        return reply;
      } catch (const LlmError& e) {
        status = e.status();
        message = e.what();
      }
    } else {
      message = who + " returned HTTP " + std::to_string(status) + ": " +
                wire_->error_message(outcome.body);
    }
    // Text already shown to the user cannot be taken back, so such a reply is not retried.
    const bool may_retry = !streamed_text && attempt < config_.retry.max_attempts &&
                           RetryPolicy::retryable_status(status);
    if (!may_retry) {
      report("error");
      throw LlmError(status, message);
    }
    std::optional<std::string_view> retry_after;
    if (!outcome.retry_after.empty()) retry_after = outcome.retry_after;
    const auto wait = config_.retry.delay(attempt + 1, retry_after, unit_random(),
                                          std::chrono::system_clock::now());
    if (!wait_unless_cancelled(wait, callbacks)) {
      report("cancelled");
      throw LlmCancelled();
    }
  }
}

}  // namespace axis::llm
