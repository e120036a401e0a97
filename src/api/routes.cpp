#include "api/routes.h"

#include "app/app.h"
#include "http/encoding.h"
#include "http/router.h"
#include "http/static_site.h"

namespace axis::api {

void register_routes(http::Router& router, app::App& app) {
  register_system_routes(router, app);
  register_config_routes(router, app);
  register_data_routes(router, app);
  register_data_transform_routes(router, app);
  register_dataset_routes(router, app);
  register_analytics_routes(router, app);
  register_evaluation_routes(router, app);
  register_annotation_routes(router, app);
  register_monitoring_routes(router, app);
  register_kpi_routes(router, app);
  register_human_signals_routes(router, app);
  register_monitoring_analytics_routes(router, app);
  register_store_routes(router, app);
  register_store_sync_routes(router, app);
  register_database_routes(router, app);
  register_db_import_routes(router, app);
  register_ai_routes(router, app);
  register_report_routes(router, app);
  register_auth_routes(router, app);
  // Everything else that is a GET outside /api/ is the web UI (SPA fallback).
  router.set_fallback([&app](const http::Request& req) {
    const bool gzip_ok = http::accepts_gzip(req.header("accept-encoding"));
    if (auto file = app.site().serve(req.path, gzip_ok)) return *file;
    return http::Response::json(R"({"detail":"Not Found"})", 404);
  });
}

}  // namespace axis::api
