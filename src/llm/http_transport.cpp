#include "llm/http_transport.h"

#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <mutex>

#include "util/text.h"

namespace axis::llm {
namespace {

struct Transfer {
  const HttpCall* call = nullptr;
  HttpOutcome* outcome = nullptr;
  CURL* handle = nullptr;
  bool aborted_by_us = false;
  std::size_t received = 0;
  bool too_large = false;
  // The read timeout: the last moment a byte moved either way, and whether the silence since
  // then outlasted read_timeout_seconds.
  std::chrono::steady_clock::time_point last_activity = std::chrono::steady_clock::now();
  curl_off_t last_down = 0, last_up = 0;
  bool silent_too_long = false;
};

bool is_success(long status) { return status >= 200 && status < 300; }

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  const size_t n = size * count;
  long status = 0;
  curl_easy_getinfo(t.handle, CURLINFO_RESPONSE_CODE, &status);
  if (t.call->cancelled && t.call->cancelled()) {
    t.outcome->cancelled = true;
    return 0;
  }
  t.received += n;
  if (t.call->max_body_bytes > 0 && t.received > t.call->max_body_bytes) {
    t.too_large = true;
    return 0;
  }
  if (is_success(status) && t.call->on_data) {
    t.outcome->received_data = true;
    if (!t.call->on_data(std::string_view(data, n))) {
      t.aborted_by_us = true;
      return 0;
    }
  } else {
    t.outcome->body.append(data, n);
  }
  return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  const size_t n = size * count;
  const std::string_view line(data, n);
  constexpr std::string_view name = "retry-after:";
  if (line.size() > name.size() && util::ascii_lower(line.substr(0, name.size())) == name) {
    t.outcome->retry_after = std::string(util::trim(line.substr(name.size())));
  }
  return n;
}

int on_progress(void* user, curl_off_t, curl_off_t down, curl_off_t, curl_off_t up) {
  auto& t = *static_cast<Transfer*>(user);
  if (t.call->cancelled && t.call->cancelled()) {
    t.outcome->cancelled = true;
    return 1;
  }
  const auto now = std::chrono::steady_clock::now();
  if (down != t.last_down || up != t.last_up) {
    t.last_down = down;
    t.last_up = up;
    t.last_activity = now;
  } else if (now - t.last_activity > std::chrono::seconds(t.call->read_timeout_seconds)) {
    t.silent_too_long = true;  // also while waiting for the reply's first byte
    return 1;
  }
  return 0;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

HttpOutcome perform(const HttpCall& call) {
  global_init();
  HttpOutcome outcome;
  // One handle per thread, reset between requests: its connection cache keeps connections to
  // the provider open, so a thread making call after call (a judge worker) does not connect anew
  // each time.
  thread_local std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> handle(nullptr, curl_easy_cleanup);
  if (handle) curl_easy_reset(handle.get());
  else handle.reset(curl_easy_init());
  if (!handle) {
    outcome.error = "cannot start an HTTP request";
    return outcome;
  }
  CURL* h = handle.get();
  Transfer t{&call, &outcome, h};
  curl_slist* resolve = nullptr;
  for (const auto& entry : call.resolve) resolve = curl_slist_append(resolve, entry.c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> resolve_list(resolve, curl_slist_free_all);
  curl_slist* headers = nullptr;
  for (const auto& header : call.headers) headers = curl_slist_append(headers, header.c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers, curl_slist_free_all);

  curl_easy_setopt(h, CURLOPT_URL, call.url.c_str());
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  if (call.method == "GET") {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, call.body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(call.body.size()));
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, static_cast<long>(call.connect_timeout_seconds));
  // A reply that stays silent for read_timeout_seconds is given up.
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(call.read_timeout_seconds));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, &t);
  curl_easy_setopt(h, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(h, CURLOPT_USERAGENT, "axis-server");
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");  // never file:, gopher:, ...
  if (resolve) curl_easy_setopt(h, CURLOPT_RESOLVE, resolve);
  if (!call.basic_auth.empty()) {
    curl_easy_setopt(h, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
    curl_easy_setopt(h, CURLOPT_USERPWD, call.basic_auth.c_str());
  }
  if (call.total_timeout_seconds > 0)
    curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(call.total_timeout_seconds));

  const CURLcode code = curl_easy_perform(h);
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  outcome.status = static_cast<int>(status);
  if (t.silent_too_long) {
    outcome.error = "no reply within the timeout (" + std::to_string(call.read_timeout_seconds) +
                    " s without a byte)";
  } else if (t.too_large) {
    outcome.too_large = true;
    outcome.error = "the reply is larger than " + std::to_string(call.max_body_bytes) + " bytes";
  } else if (code != CURLE_OK && !outcome.cancelled && !t.aborted_by_us) {
    outcome.error = curl_easy_strerror(code);
    if (code == CURLE_OPERATION_TIMEDOUT) {
      outcome.error = "no reply within the timeout (" + outcome.error + ")";
    }
  }
  return outcome;
}

}  // namespace axis::llm
