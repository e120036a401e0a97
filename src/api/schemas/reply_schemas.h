// The component schemas of /openapi.json: the shape of each JSON route's 200 reply, written from
// the handler's rendering code. A route names its reply's component in RouteDoc::reply; the web
// UI's reply types are generated from them (docs/ARCHITECTURE.md, "Reply schemas and web types").
// One function per area returns that area's components.
#pragma once

#include "api/schemas/schema_builders.h"

namespace axis::api::schema {

Components common_schemas();      // Row, Cell, MessageReply (in dataset_schemas.cpp)
Components dataset_schemas();     // datasets, uploads and examples
Components evaluation_schemas();  // /api/evaluation
Components analytics_schemas();   // /api/analytics
Components annotation_schemas();  // /api/annotations
Components system_schemas();      // /health, /api/config, /api/auth
Components ai_schemas();          // /api/ai, /api/reports
Components kpi_schemas();         // /api/kpi
Components monitoring_schemas();  // /api/monitoring (settings, analytics)
Components alert_schemas();       // /api/monitoring/analytics/alerts
Components signals_schemas();     // /api/human-signals
Components store_schemas();       // /api/store
Components database_schemas();    // /api/database
Components eval_runner_schemas();  // /api/eval-runner
Components align_schemas();       // /api/align
Components graph_schemas();       // /api/memory/graph
Components memory_schemas();      // the memory plugin: /api/memory, GET /api/config/memory

// Every component above. Throws std::logic_error when two areas declare one name.
Components reply_schemas();

}  // namespace axis::api::schema
