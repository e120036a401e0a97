// GET /api/config/sources: the agent tabs of the Production, Monitoring and Human Signals pages.
#include <nlohmann/json.hpp>

#include "api/routes.h"
#include "datasets/catalog.h"
#include "http/router.h"
#include "sources/source_directory.h"

namespace axis::api {
namespace {

using Json = nlohmann::ordered_json;

Json source_json(const sources::DataSource& s) {
  const config::AgentEntry* a = s.agent;
  return {{"id", s.id},
          {"label", a ? a->label : s.id},  // the loader defaults a label to the name
          {"role", a ? a->role : ""},
          {"avatar", a ? a->avatar : ""},
          {"description", a ? a->description : ""},
          {"registered", a != nullptr},
          {"active", a ? a->active : true},
          {"source_names", s.source_names},
          {"rows", {{"monitoring", s.rows.monitoring},
                    {"human_signals", s.rows.human_signals},
                    {"kpi", s.rows.kpi}}}};
}

}  // namespace

void register_source_routes(http::Router& router,
                            util::StoreBacked<const datasets::DatasetCatalog> catalog,
                            const std::vector<config::AgentEntry>& agents) {
  router.add("GET", "/api/config/sources", [catalog, &agents](const http::Request&) {
    Json list = Json::array();
    for (const auto& s : sources::SourceDirectory(*catalog, agents).list()) {
      list.push_back(source_json(s));
    }
    return http::Response::json(Json{{"success", true}, {"sources", list}}.dump());
  }, {"config", "The sources (agents) of the monitoring, human-signals and KPI data: registered "
      "agents first, each with the stored source_name values it covers", http::BodyKind::none,
      {}, "SourcesReply"});
}

}  // namespace axis::api
