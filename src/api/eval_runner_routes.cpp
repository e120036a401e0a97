// /api/eval-runner: the metric catalogue, reading a dataset, the agent's connection test, runs
// (whole or streamed over SSE), the stored runs (list, one, cancel or delete, resume) and their
// exports.
#include <functional>

#include "api/csv_upload.h"
#include "api/eval_runner_replies.h"
#include "api/eval_runner_request.h"
#include "api/file_download.h"
#include "api/routes.h"
#include "api/sse_writer.h"
#include "http/json_body.h"
#include "http/multipart.h"
#include "http/router.h"
#include "ingest/csv_file.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

constexpr std::size_t kUploadPreviewRows = 5;
constexpr std::size_t kSamplePreviewRows = 50;
constexpr std::uint64_t kMaxUploadBytes = 10u << 20;
constexpr const char* kSampleFile = "eval_runner_sample.csv";

std::string summary_reply(const evalrun::RunSummary& summary, const std::string& message) {
  return "{\"success\":true,\"summary\":" + summary_json(summary) + ",\"message\":" +
         util::json_text(nlohmann::ordered_json(message)) + "}";
}

// The events of a run, as SSE: log, progress, then complete or error, then done.
void stream_run(evalrun::EvalRunService& runs, evalrun::PreparedRun prepared, http::StreamSink& sink) {
  SseWriter sse(sink);
  evalrun::RunEvents events;
  events.on_log = [&](const std::string& level, const std::string& message) {
    sse.send("log", log_json(level, message));
  };
  events.on_progress = [&](const evalrun::RunProgress& p) { sse.send("progress", progress_json(p)); };
  events.cancelled = [&] { return sse.cancelled(); };
  try {
    const auto summary = runs.run(std::move(prepared), events);
    if (summary.completed) {
      sse.send("complete", "{\"run_id\":" + util::json_text(nlohmann::ordered_json(summary.run_id)) +
                               ",\"summary\":" + summary_json(summary) + "}");
    } else {
      sse.send("error", util::json_text(nlohmann::ordered_json{
                            {"message", "The run was cancelled; resume it to score the rest"}, {"details", nullptr}}));
    }
  } catch (const util::HttpError& e) {
    sse.send("error", util::json_text(nlohmann::ordered_json{{"message", e.what()}, {"details", nullptr}}));
  }
}

// A refusal before the stream starts is an `error` event, as clients of the stream expect.
http::Response refused_stream(const std::string& message) {
  return http::Response::event_stream([message](http::StreamSink& sink) {
    SseWriter sse(sink);
    sse.send("error", util::json_text(nlohmann::ordered_json{{"message", message}, {"details", nullptr}}));
  });
}

std::string refusal_text(const util::HttpError& e) {
  if (e.issues().empty()) return e.what();
  const auto& first = e.issues().front();
  std::string where;
  for (std::size_t i = 1; i < first.loc.size(); ++i) where += (where.empty() ? "" : ".") + first.loc[i];
  return first.msg + (where.empty() ? "" : " (" + where + ")");
}

http::Response run_stream(evalrun::EvalRunService* runs,
                          const std::function<evalrun::PreparedRun()>& prepare) {
  evalrun::PreparedRun prepared;
  try {
    prepared = prepare();
  } catch (const util::HttpError& e) {
    if (e.status() == 404) throw;
    return refused_stream(refusal_text(e));
  }
  return http::Response::event_stream([runs, prepared = std::move(prepared)](http::StreamSink& sink) mutable {
    stream_run(*runs, std::move(prepared), sink);
  });
}

http::Response export_run(const EvalRunnerServices& s, const http::Request& req, bool json) {
  const std::string run_id = req.param("run_id");
  TempFile file(s.spool_dir, "evalrun-export");
  s.runs->export_run(run_id, file.path(), json);
  return http::Response::temp_file(file.release(), json ? "application/json" : "text/csv; charset=utf-8")
      .header("Content-Disposition", attachment("eval-run-" + run_id + (json ? ".json" : ".csv")));
}

}  // namespace

void register_eval_runner_routes(http::Router& router, const EvalRunnerServices& s) {
  const std::string base = "/api/eval-runner";
  router.add("GET", base + "/metrics", [](const http::Request&) {
    return http::Response::json(metric_catalogue_reply());
  }, {"eval-runner", "The metric catalogue", http::BodyKind::none, {}, "EvalMetricsReply"}, false);

  router.add("GET", base + "/example/sample", [s](const http::Request&) {
    const auto file = ingest::inspect_csv(s.examples_dir + "/" + kSampleFile, ingest::CsvLimits{});
    return http::Response::json(input_dataset_reply(s.runs->read_dataset(file), kSamplePreviewRows,
                                                    "Loaded the sample dataset"));
  }, {"eval-runner", "The bundled sample dataset, with its suggested column mapping", http::BodyKind::none,
      {}, "EvalInputReply"});

  router.add("POST", base + "/upload", [s](const http::Request& req) {
    auto form = http::parse_multipart(req, s.spool_dir);
    auto limits = csv_limits(s.settings.server);
    limits.max_file_bytes = std::min<std::uint64_t>(limits.max_file_bytes, kMaxUploadBytes);
    const CsvUpload upload = csv_upload(*form, limits);
    const auto input = s.runs->read_dataset(upload.file);
    return http::Response::json(input_dataset_reply(
        input, kUploadPreviewRows, "Loaded " + std::to_string(input.rows.rows.size()) + " rows from " + upload.name));
  }, {"eval-runner", "Read a CSV (≤ 10 MB, first 10,000 rows) for a run; nothing is stored",
      http::BodyKind::multipart, {}, "EvalInputReply"});

  router.add("POST", base + "/test-connection", [s](const http::Request& req) {
    const auto request = read_connection_request(http::parse_json_body(req));
    return http::Response::json(connection_reply(s.runs->test_connection(request.agent, request.sample_query)));
  }, {"eval-runner", "Ask the agent one query", http::BodyKind::json, {}, "EvalConnectionReply"});

  router.add("POST", base + "/run", [s](const http::Request& req) {
    const auto request = read_run_request(http::parse_json_body(req));
    auto prepared = s.runs->prepare(request.config, request.rows, request.mapping);
    evalrun::EvalRunService* runs = &*s.runs;
    return http::Response::deferred_json([runs, prepared = std::move(prepared)](http::StreamSink& sink) mutable {
      evalrun::RunEvents events;
      events.cancelled = [&] { return sink.cancelled(); };
      const auto summary = runs->run(std::move(prepared), events);
      sink.send(summary_reply(summary, "Evaluated " + std::to_string(summary.total_items) + " items"));
    });
  }, {"eval-runner", "Run an evaluation and answer with its summary", http::BodyKind::json, {}, "EvalRunReply"});

  router.add("POST", base + "/run/stream", [s](const http::Request& req) {
    evalrun::EvalRunService* runs = &*s.runs;
    return run_stream(runs, [&] {
      const auto request = read_run_request(http::parse_json_body(req));
      return runs->prepare(request.config, request.rows, request.mapping);
    });
  }, {"eval-runner", "Run an evaluation, streamed as SSE (log, progress, complete | error, done)",
      http::BodyKind::json});

  router.add("GET", base + "/runs", [s](const http::Request&) {
    std::string runs = "[";
    for (const auto& run : s.runs->list()) runs += (runs.size() > 1 ? "," : "") + run_json(run);
    return http::Response::json("{\"success\":true,\"runs\":" + runs + "]}");
  }, {"eval-runner", "The stored runs, newest first", http::BodyKind::none, {}, "EvalRunsReply"});

  router.add("GET", base + "/runs/{run_id}", [s](const http::Request& req) {
    const auto run = s.runs->find(req.param("run_id"));
    if (!run) throw util::HttpError(404, "Run not found");
    const auto summary = s.runs->summary(run->run_id);
    return http::Response::json("{\"success\":true,\"run\":" + run_json(*run) +
                                ",\"summary\":" + (summary ? summary_json(*summary) : "null") + "}");
  }, {"eval-runner", "One run, with its summary once completed", http::BodyKind::none, {}, "EvalRunDetailReply"});

  router.add("DELETE", base + "/runs/{run_id}", [s](const http::Request& req) {
    const std::string outcome = s.runs->cancel_or_delete(req.param("run_id"));
    return http::Response::json(util::json_text(nlohmann::ordered_json{
        {"success", true}, {"message", outcome == "cancelled" ? "Run cancelled" : "Run deleted"}}));
  }, {"eval-runner", "Cancel a running run, or delete a finished one", http::BodyKind::none, {}, "MessageReply"});

  router.add("POST", base + "/runs/{run_id}/resume", [s](const http::Request& req) {
    evalrun::EvalRunService* runs = &*s.runs;
    const std::string run_id = req.param("run_id");
    return run_stream(runs, [&] { return runs->prepare_resume(run_id); });
  }, {"eval-runner", "Score what a stopped run is missing, streamed as SSE", http::BodyKind::none});

  router.add("GET", base + "/export/{run_id}/csv", [s](const http::Request& req) { return export_run(s, req, false); },
             {"eval-runner", "A run's results in the flat format, as CSV", http::BodyKind::none});
  router.add("GET", base + "/export/{run_id}/json", [s](const http::Request& req) { return export_run(s, req, true); },
             {"eval-runner", "A run's results in the flat format, as a JSON array", http::BodyKind::none});
}

}  // namespace axis::api
