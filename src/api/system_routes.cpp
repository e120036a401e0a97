#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <mutex>

#include "api/openapi.h"
#include "api/routes.h"
#include "health/health_monitor.h"
#include "http/encoding.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/static_site.h"
#include "store/store.h"

namespace axis::api {
namespace {

using nlohmann::json;

bool wants_html(const http::Request& req) {
  return req.header("accept").find("text/html") != std::string_view::npos;
}

std::string iso_time(std::chrono::system_clock::time_point t) {
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

http::Response render_health(const health::HealthSnapshot& snap) {
  json components = {{"api", "up"}, {"data_processor", "up"}};
  json body = {{"status", snap.healthy() ? "healthy" : "unhealthy"}, {"version", AXIS_VERSION}};
  if (snap.store_enabled) {
    const bool ok = snap.store.open && snap.store.writable;
    components["store"] = ok ? "up" : "down";
    json store = {{"open", snap.store.open}, {"writable", snap.store.writable},
                  {"size_bytes", snap.store.file_bytes}, {"checked_at", iso_time(snap.checked_at)}};
    if (!ok) store["error"] = snap.store.error;
    body["store"] = store;
  } else {
    components["store"] = "disabled";
  }
  body["components"] = components;
  json sources = json::object();
  for (const auto& [name, s] : snap.sources) sources[name] = {{"status", s.status}, {"detail", s.detail}};
  body["sources"] = sources;
  if (!snap.healthy()) body["failing"] = json::array({"store"});
  http::Response r = http::Response::json(body.dump(), snap.healthy() ? 200 : 503);
  r.header("Cache-Control", "no-store");
  return r;
}

// /health is polled hard by probes and load balancers: render each snapshot once.
class HealthEndpoint {
 public:
  explicit HealthEndpoint(const health::HealthMonitor& monitor) : monitor_(monitor) {}
  http::Response operator()(const http::Request&) {
    auto snap = monitor_.current();
    std::lock_guard lock(mutex_);
    if (snap != rendered_for_) {
      cached_ = render_health(*snap);
      rendered_for_ = std::move(snap);
    }
    return cached_;
  }

 private:
  const health::HealthMonitor& monitor_;
  std::mutex mutex_;
  std::shared_ptr<const health::HealthSnapshot> rendered_for_;
  http::Response cached_;
};

}  // namespace

void register_system_routes(http::Router& router, const http::StaticSite& site,
                            const health::HealthMonitor& health, const http::Metrics& metrics,
                            store::Store* store,
                            const std::map<std::string, std::string>& plugin_tags) {
  router.add("GET", "/", [&site](const http::Request& req) {
    if (wants_html(req)) return site.index(http::accepts_gzip(req.header("accept-encoding")));
    return http::Response::json(
        json{{"status", "healthy"}, {"service", "AXIS API"}, {"version", AXIS_VERSION}}.dump());
  }, {"system", "Service ping (JSON), or the web UI for a browser"}, false);

  router.add("GET", "/health",
             [endpoint = std::make_shared<HealthEndpoint>(health)](const http::Request& req) {
               return (*endpoint)(req);
             },
             {"system", "Health of the API, the store and each configured source",
              http::BodyKind::none, {}, "HealthReply"},
             false);

  router.add("GET", "/metrics", [&health, &metrics, store](const http::Request&) {
    std::vector<http::Metrics::Gauge> gauges;
    if (store != nullptr) {
      gauges.push_back({"axis_store_file_bytes", "Size of the store file and its WAL.",
                        [store] { return static_cast<double>(store->file_bytes()); }});
    }
    gauges.push_back({"axis_uptime_seconds", "Seconds since the server started.",
                      [&health] { return health.uptime_seconds(); }});
    return http::Response::text(metrics.render(gauges), "text/plain; version=0.0.4; charset=utf-8");
  }, {"system", "Prometheus metrics"}, false);

  router.add("GET", "/openapi.json", [&router, &plugin_tags](const http::Request&) {
    return http::Response::json(openapi_document(router, plugin_tags));
  }, {"system", "OpenAPI 3.1 description of every route"}, false);

  router.add("GET", "/docs", [](const http::Request&) {
    return http::Response::text(docs_page(), "text/html; charset=utf-8");
  }, {"system", "API reference page"}, false);
}

void register_web_fallback(http::Router& router, const http::StaticSite& site) {
  router.set_fallback([&site](const http::Request& req) {
    const bool gzip_ok = http::accepts_gzip(req.header("accept-encoding"));
    if (auto file = site.serve(req.path, gzip_ok)) return *file;
    return http::Response::json(R"({"detail":"Not Found"})", 404);
  });
}

}  // namespace axis::api
