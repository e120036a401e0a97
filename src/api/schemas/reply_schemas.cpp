#include "api/schemas/reply_schemas.h"
#include "api/schemas/agent_replay_schemas.h"

namespace axis::api::schema {

Components reply_schemas() {
  Components all;
  for (auto* area : {common_schemas, dataset_schemas, evaluation_schemas, analytics_schemas,
                     annotation_schemas, system_schemas, ai_schemas, kpi_schemas,
                     monitoring_schemas, alert_schemas, signals_schemas, store_schemas,
                     database_schemas, eval_runner_schemas, align_schemas, graph_schemas,
                     memory_schemas,
                      agent_replay_schemas}) {
    all.merge(area());
  }
  return all;
}

}  // namespace axis::api::schema
