#include "plugins/agent_replay/langfuse_client.h"

#include <nlohmann/json.hpp>

#include <random>
#include <thread>

#include "llm/http_transport.h"
#include "llm/retry_policy.h"
#include "util/percent_encode.h"

namespace axis::plugins::agent_replay {
namespace {

constexpr int kPageSize = 100;

std::string trimmed_host(std::string host) {
  while (!host.empty() && host.back() == '/') host.pop_back();
  return host;
}

double unit_random() {
  thread_local std::mt19937 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

// A short, key-free description of a failed reply for error messages.
std::string failure_text(const llm::HttpOutcome& outcome) {
  if (!outcome.error.empty()) return outcome.error;
  std::string body = outcome.body.substr(0, 300);
  return "HTTP " + std::to_string(outcome.status) + (body.empty() ? "" : ": " + body);
}

}  // namespace

LangfuseClient::LangfuseClient(LangfuseCredentials credentials, LangfuseLimits limits)
    : credentials_(std::move(credentials)), limits_(limits) {
  credentials_.host = trimmed_host(credentials_.host);
}

std::optional<Json> LangfuseClient::call(const std::string& method,
                                         const std::string& path_and_query,
                                         const std::string& body) const {
  llm::HttpCall http;
  http.method = method;
  http.url = credentials_.host + "/api/public/" + path_and_query;
  http.basic_auth = credentials_.public_key + ":" + credentials_.secret_key;
  http.headers = {"Accept: application/json"};
  if (method != "GET") {
    http.headers.push_back("Content-Type: application/json");
    http.body = body;
  }
  http.connect_timeout_seconds = limits_.timeout_seconds;
  http.read_timeout_seconds = limits_.timeout_seconds;
  http.total_timeout_seconds = limits_.timeout_seconds * 3;
  http.max_body_bytes = limits_.max_reply_bytes;

  llm::RetryPolicy policy;
  policy.max_attempts = limits_.max_attempts;
  policy.max_delay = limits_.max_delay;
  llm::HttpOutcome outcome;
  for (int attempt = 1;; ++attempt) {
    outcome = llm::perform(http);
    const int status = outcome.error.empty() ? outcome.status : 0;
    if (status >= 200 && status < 300) break;
    if (status == 404) return std::nullopt;
    if (outcome.too_large || !llm::RetryPolicy::retryable_status(status) ||
        attempt >= policy.max_attempts) {
      throw LangfuseError("Langfuse " + method + " " + path_and_query.substr(0, path_and_query.find('?')) +
                              " failed: " + failure_text(outcome),
                          status);
    }
    std::optional<std::string_view> retry_after;
    if (!outcome.retry_after.empty()) retry_after = outcome.retry_after;
    std::this_thread::sleep_for(
        policy.delay(attempt + 1, retry_after, unit_random(), std::chrono::system_clock::now()));
  }
  if (outcome.body.empty()) return Json::object();
  Json parsed = Json::parse(outcome.body, nullptr, false);
  if (parsed.is_discarded()) {
    throw LangfuseError("Langfuse " + method + " " + path_and_query.substr(0, path_and_query.find('?')) +
                            " returned a reply that is not JSON",
                        outcome.status);
  }
  return parsed;
}

Json LangfuseClient::call_found(const std::string& method, const std::string& path_and_query,
                                const std::string& body) const {
  auto reply = call(method, path_and_query, body);
  if (!reply) {
    throw LangfuseError("Langfuse " + method + " " + path_and_query.substr(0, path_and_query.find('?')) +
                            " failed: HTTP 404",
                        404);
  }
  return std::move(*reply);
}

Json LangfuseClient::list_traces(const TraceListQuery& query) const {
  Json out = Json::array();
  const int wanted = std::max(1, query.limit);
  for (int page = 1; page <= std::max(1, query.max_pages); ++page) {
    const int page_size = std::min(kPageSize, wanted);
    std::string q = "traces?page=" + std::to_string(page) + "&limit=" + std::to_string(page_size);
    if (!query.from_timestamp.empty()) q += "&fromTimestamp=" + util::percent_encode(query.from_timestamp);
    if (!query.name.empty()) q += "&name=" + util::percent_encode(query.name);
    for (const auto& tag : query.tags) q += "&tags=" + util::percent_encode(tag);
    const Json reply = call_found("GET", q, "");
    const auto data = reply.find("data");
    if (data == reply.end() || !data->is_array()) break;
    for (const auto& trace : *data) {
      if (static_cast<int>(out.size()) >= wanted) break;
      out.push_back(trace);
    }
    if (static_cast<int>(out.size()) >= wanted || data->empty()) break;
    const auto meta = reply.find("meta");
    if (meta != reply.end() && meta->is_object()) {
      const auto total_pages = meta->value("totalPages", 0);
      if (page >= total_pages) break;
    } else if (static_cast<int>(data->size()) < page_size) {
      break;
    }
  }
  return out;
}

std::optional<Json> LangfuseClient::get_trace(const std::string& trace_id) const {
  return call("GET", "traces/" + util::percent_encode(trace_id), "");
}

std::string LangfuseClient::create_score(const Json& score) const {
  const Json reply = call_found("POST", "scores", score.dump());
  return reply.is_object() && reply.contains("id") && reply["id"].is_string()
             ? reply["id"].get<std::string>()
             : "";
}

Json LangfuseClient::list_datasets(int max_items) const {
  Json out = Json::array();
  for (int page = 1; static_cast<int>(out.size()) < max_items && page <= 10; ++page) {
    const Json reply = call_found(
        "GET", "v2/datasets?page=" + std::to_string(page) + "&limit=" + std::to_string(std::min(kPageSize, max_items)), "");
    const auto data = reply.find("data");
    if (data == reply.end() || !data->is_array() || data->empty()) break;
    for (const auto& d : *data) {
      if (static_cast<int>(out.size()) < max_items) out.push_back(d);
    }
    const auto meta = reply.find("meta");
    if (meta == reply.end() || !meta->is_object() || page >= meta->value("totalPages", 0)) break;
  }
  return out;
}

Json LangfuseClient::create_dataset(const std::string& name) const {
  return call_found("POST", "v2/datasets", Json{{"name", name}}.dump());
}

Json LangfuseClient::create_dataset_item(const Json& item) const {
  return call_found("POST", "dataset-items", item.dump());
}

long long LangfuseClient::dataset_item_count(const std::string& dataset_name) const {
  const Json reply =
      call_found("GET", "dataset-items?datasetName=" + util::percent_encode(dataset_name) + "&page=1&limit=1", "");
  const auto meta = reply.find("meta");
  if (meta == reply.end() || !meta->is_object()) return 0;
  return meta->value("totalItems", 0LL);
}

}  // namespace axis::plugins::agent_replay
