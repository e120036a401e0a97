// Route registration: each router file adds its routes to the table. Handlers parse and
// validate, call one service, and render; they hold no SQL.
#pragma once

namespace axis::http { class Router; }
namespace axis::app { class App; }

namespace axis::api {

// Every route of the server, in the order /openapi.json lists them.
void register_routes(http::Router& router, app::App& app);

void register_system_routes(http::Router& router, app::App& app);  // /, /health, /metrics, docs
void register_config_routes(http::Router& router, app::App& app);  // /api/config/*
void register_data_routes(http::Router& router, app::App& app);    // /api/data/*
void register_data_transform_routes(http::Router& router, app::App& app);  // rows → tree, wide
void register_dataset_routes(http::Router& router, app::App& app); // /api/datasets/*
void register_analytics_routes(http::Router& router, app::App& app);  // /api/analytics/*
void register_evaluation_routes(http::Router& router, app::App& app);  // /api/evaluation/*
void register_annotation_routes(http::Router& router, app::App& app);  // /api/annotations*
void register_monitoring_routes(http::Router& router, app::App& app);  // /api/monitoring/*
void register_kpi_routes(http::Router& router, app::App& app);  // /api/kpi/*
void register_human_signals_routes(http::Router& router, app::App& app);  // /api/human-signals/*
void register_monitoring_analytics_routes(http::Router& router, app::App& app);  // alerts
void register_store_routes(http::Router& router, app::App& app);  // /api/store/metadata, data
void register_store_sync_routes(http::Router& router, app::App& app);  // /api/store/sync*, status
void register_database_routes(http::Router& router, app::App& app);  // /api/database/*
void register_db_import_routes(http::Router& router, app::App& app);  // */db-import
void register_ai_routes(http::Router& router, app::App& app);  // /api/ai/*
void register_report_routes(http::Router& router, app::App& app);  // /api/reports/*
void register_auth_routes(http::Router& router, app::App& app);  // /api/auth/status

}  // namespace axis::api
