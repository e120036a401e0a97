// /api/align saved judge configurations, human labels and judge runs (align::AlignStore).
#include <nlohmann/json.hpp>

#include "align/align_json.h"
#include "align/align_service.h"
#include "align/align_store.h"
#include "api/align_request.h"
#include "api/request_fields.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "http/router.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

using align::Json;

http::Response store_reply(const Json& body) { return http::Response::json(util::json_text(body)); }

Json parsed(const std::string& text) { return Json::parse(text, nullptr, false); }

Json saved_config_json(const align::SavedConfig& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"config", parsed(c.config_json)},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at},
          {"metrics", c.metrics_json ? parsed(*c.metrics_json) : Json(nullptr)}};
}

Json run_json(const align::RunSummary& r) {
  return {{"run_id", r.id},
          {"created_at", r.created_at},
          {"name", util::json_or_null(r.name)},
          {"model", r.model},
          {"provider", r.provider},
          {"total_samples", r.total_samples},
          {"metrics", parsed(r.metrics_json)}};
}

http::Response save_config(const align::AlignStore& store, const http::Request& req) {
  const BodyJson body = http::parse_json_body(req);
  BodyFields fields(body);
  const std::string name = read_bounded_name(fields, "name", kAlignMaxNameChars, true);
  BodyFields config_fields = fields.object("config", true);
  const auto it = body.is_object() ? body.find("config") : body.end();
  const align::JudgeConfig config = read_judge_config(config_fields, it == body.end() ? nullptr : &*it);
  const auto m = body.is_object() ? body.find("metrics") : body.end();
  if (body.is_object() && m != body.end() && !m->is_null() && !m->is_object()) {
    fields.invalid("dict_type", "metrics", "Input should be a valid dictionary", &*m);
  }
  fields.check();
  std::optional<std::string> metrics;
  if (body.is_object() && m != body.end() && m->is_object()) {
    metrics = util::json_text(*m);
    if (metrics->size() > kAlignMaxTextBytes) {
      throw util::HttpError(400, "metrics: at most " + std::to_string(kAlignMaxTextBytes) + " bytes are allowed");
    }
  }
  const std::string id = store.save_config(name, util::json_text(align::judge_config_json(config)), metrics);
  return store_reply({{"success", true}, {"config_id", id}, {"message", "Configuration '" + name + "' saved"}});
}

std::string dataset_key_of(const std::string& key) {
  if (key.empty()) throw util::HttpError(400, "dataset_key must not be empty");
  if (key.size() > kAlignMaxKeyChars) {
    throw util::HttpError(400, "dataset_key: at most " + std::to_string(kAlignMaxKeyChars) + " bytes are allowed");
  }
  return key;
}

http::Response put_labels(const align::AlignStore& store, const http::Request& req) {
  const BodyJson body = http::parse_json_body(req);
  BodyFields fields(body);
  const std::string key = fields.text("dataset_key", 0);
  const auto labels = read_labels(fields, body);
  fields.check();
  const auto saved = store.replace_labels(dataset_key_of(key), labels);
  return store_reply({{"success", true}, {"saved", saved}});
}

http::Response get_labels(const align::AlignStore& store, const http::Request& req) {
  QueryParams params(req);
  const std::string key = params.required("dataset_key");
  params.check();
  Json annotations = Json::object();
  for (const auto& [id, label] : store.labels(dataset_key_of(key))) {
    annotations[id] = {{"score", label.score}, {"notes", util::json_or_null(label.notes)}};
  }
  return store_reply({{"success", true}, {"dataset_key", key}, {"annotations", annotations}});
}

}  // namespace

void register_align_store_routes(http::Router& router, util::StoreBacked<const align::AlignStore> store) {
  router.add("POST", "/api/align/save-config", [store](const http::Request& r) { return save_config(*store, r); },
             {"align", "Save a judge configuration", http::BodyKind::json, {}, "AlignSaveConfigReply"});
  router.add("GET", "/api/align/configs", [store](const http::Request&) {
    Json list = Json::array();
    for (const auto& c : store->configs()) list.push_back(saved_config_json(c));
    return store_reply({{"success", true}, {"configs", list}});
  }, {"align", "The saved judge configurations, newest first", http::BodyKind::none, {}, "AlignConfigsReply"});
  router.add("GET", "/api/align/configs/{config_id}", [store](const http::Request& r) {
    const auto config = store->config(r.param("config_id"));
    if (!config) throw util::HttpError(404, "Configuration not found");
    return store_reply(saved_config_json(*config));
  }, {"align", "One saved judge configuration", http::BodyKind::none, {}, "AlignSavedConfig"});
  router.add("DELETE", "/api/align/configs/{config_id}", [store](const http::Request& r) {
    if (!store->delete_config(r.param("config_id"))) throw util::HttpError(404, "Configuration not found");
    return store_reply({{"success", true}, {"message", "Configuration deleted"}});
  }, {"align", "Delete a saved judge configuration", http::BodyKind::none, {}, "MessageReply"});
  router.add("GET", "/api/align/runs", [store](const http::Request&) {
    Json list = Json::array();
    for (const auto& run : store->runs()) list.push_back(run_json(run));
    return store_reply({{"success", true}, {"runs", list}});
  }, {"align", "The stored judge runs, newest first", http::BodyKind::none, {}, "AlignRunsReply"});
  router.add("GET", "/api/align/runs/{run_id}", [store](const http::Request& r) {
    const auto run = store->run(r.param("run_id"));
    if (!run) throw util::HttpError(404, "Run not found");
    Json out = run_json(run->summary);
    out["judge_config"] = parsed(run->judge_config_json);
    out["results"] = align::results_json(run->results);
    return store_reply({{"success", true}, {"run", out}});
  }, {"align", "One stored judge run with its configuration and results", http::BodyKind::none, {},
      "AlignRunReply"});
  router.add("PUT", "/api/align/labels", [store](const http::Request& r) { return put_labels(*store, r); },
             {"align", "Replace the human labels saved under a dataset key", http::BodyKind::json, {},
              "AlignLabelsSavedReply"});
  router.add("GET", "/api/align/labels", [store](const http::Request& r) { return get_labels(*store, r); },
             {"align", "The human labels saved under a dataset key", http::BodyKind::none,
              {{"dataset_key", "string", true, "The key the labels were saved under"}}, "AlignLabelsReply"});
}

}  // namespace axis::api
