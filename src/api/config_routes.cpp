#include <nlohmann/json.hpp>

#include "api/asset_files.h"
#include "api/routes.h"
#include "health/health_monitor.h"
#include "config/exposure.h"
#include "config/masked.h"
#include "http/router.h"
#include "plugins/registry.h"
#include "store/database.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::api {
namespace {

using nlohmann::json;

json palette_json(const config::Palette& p) {
  return {{"name", p.name}, {"primary", p.primary}, {"primaryLight", p.primaryLight},
          {"primaryDark", p.primaryDark}, {"primarySoft", p.primarySoft},
          {"primaryPale", p.primaryPale}, {"accentGold", p.accentGold},
          {"accentSilver", p.accentSilver}, {"heroImage", p.heroImage}, {"logoUrl", p.logoUrl},
          {"faviconUrl", p.faviconUrl}, {"appIconUrl", p.appIconUrl},
          {"heroContrast", p.heroContrast}, {"heroSaturation", p.heroSaturation},
          {"heroBrightness", p.heroBrightness}, {"heroOpacity", p.heroOpacity},
          {"heroMode", p.heroMode}, {"shimmerFrom", p.shimmerFrom}, {"shimmerTo", p.shimmerTo}};
}

json theme_json(const config::ThemeSettings& theme) {
  json palettes = json::object();
  for (const auto& [id, palette] : theme.palettes) palettes[id] = palette_json(palette);
  const config::Branding& b = theme.branding;
  json branding = {{"app_name", b.app_name}, {"tagline", b.tagline}, {"subtitle", b.subtitle},
                   {"description", b.description}, {"report_footer", b.report_footer},
                   {"docs_url", b.docs_url},
                   {"footer_name", b.footer_name.empty() ? b.app_name : b.footer_name},
                   {"footer_icon", b.footer_icon}};
  return {{"success", true}, {"active", theme.active},
          {"activePalette", palette_json(theme.active_palette())}, {"palettes", palettes},
          {"branding", branding}};
}

json agents_json(const std::vector<config::AgentEntry>& agents) {
  json list = json::array();
  for (const auto& a : agents) {
    list.push_back({{"name", a.name}, {"label", a.label.empty() ? a.name : a.label},
                    {"role", a.role}, {"avatar", a.avatar}, {"description", a.description},
                    {"biography", a.biography}, {"active", a.active},
                    {"trace_names", a.trace_names}});
  }
  return {{"success", true}, {"agents", list}};
}

json visibility_json(const config::Settings& s) {
  return {{"kpi", {{"visible_kpis", s.kpi_db.visible_kpis},
                   {"visible_kpis_per_source", s.kpi_db.visible_kpis_per_source}}},
          {"monitoring", {{"visible_metrics", s.monitoring_db.visible_metrics}}},
          {"human_signals", {{"visible_metrics", s.human_signals_db.visible_metrics},
                             {"visible_kpis", s.human_signals_db.visible_kpis}}}};
}

json plugins_json(const std::vector<plugins::PluginStatus>& statuses) {
  json list = json::array();
  for (const auto& status : statuses) {
    json nav = json::array();
    for (const auto& n : status.meta.nav) {
      nav.push_back({{"name", n.name}, {"href", n.href}, {"icon", n.icon},
                     {"section", n.section}, {"order", n.order}});
    }
    list.push_back({{"name", status.meta.name}, {"version", status.meta.version},
                    {"api_version", status.meta.api_version},
                    {"description", status.meta.description}, {"nav", nav},
                    {"enabled", status.enabled && status.error.empty()},
                    {"error", status.error.empty() ? json(nullptr) : json(status.error)}});
  }
  return {{"plugins", list}};
}

json runtime_json(const config::Settings& s, const health::HealthMonitor& monitor,
                  store::Store* st) {
  const health::HealthSnapshot health = monitor.snapshot();
  json store = {{"enabled", s.store.enabled}, {"path", s.store.path},
                {"duckdb_version", store::duckdb_version()}};
  if (st != nullptr) {
    store["open"] = health.store.open;
    store["writable"] = health.store.writable;
    store["size_bytes"] = st->file_bytes();
    store["schema_version"] = st->schema_version();
    store["connections"] = st->pool_size();
    store["tables"] = st->tables();
  }
  const auto warning = config::exposure_warning(s.server);
  return {{"version", AXIS_VERSION}, {"uptime_seconds", monitor.uptime_seconds()},
          {"store", store}, {"config", config::masked_settings_json(s)},
          {"security_warning", warning ? json(*warning) : json(nullptr)}};
}

}  // namespace

void register_config_routes(http::Router& router, const config::Settings& settings,
                            const health::HealthMonitor& health, store::Store* store,
                            const std::vector<plugins::PluginStatus>& plugin_statuses) {
  const config::Settings& s = settings;
  // The configuration is immutable, so these bodies are rendered once.
  const std::string theme = theme_json(s.theme).dump();
  const std::string agents = agents_json(s.agents).dump();
  const std::string visibility = visibility_json(s).dump();
  const std::string features = json{{"eval_runner_enabled", s.eval_db.eval_runner_enabled},
                                    {"copilot_enabled", s.ai.copilot_enabled}}.dump();
  auto constant = [](std::string body) {
    return [body = std::move(body)](const http::Request&) { return http::Response::json(body); };
  };
  router.add("GET", "/api/config/theme", constant(theme),
             {"config", "Active palette, every palette and branding", http::BodyKind::none, {},
              "ThemeReply"},
             false);
  router.add("GET", "/api/config/visibility", constant(visibility),
             {"config", "Which KPIs and metrics each page shows", http::BodyKind::none, {},
              "VisibilityReply"},
             false);
  router.add("GET", "/api/config/agents", constant(agents),
             {"config", "The agent registry (agents.yaml)", http::BodyKind::none, {}, "AgentsReply"},
             false);
  router.add("GET", "/api/config/features", constant(features),
             {"config", "Feature flags", http::BodyKind::none, {}, "FeaturesReply"}, false);
  router.add("GET", "/api/config/plugins",
             [&plugin_statuses](const http::Request&) {
               return http::Response::json(plugins_json(plugin_statuses).dump());
             },
             {"config", "Known plugins, their navigation and state", http::BodyKind::none, {},
              "PluginsReply"},
             false);
  router.add("GET", "/api/config/assets/{asset_type}/{filename}",
             [&s](const http::Request& req) {
               return serve_asset(s.server.custom_dir, req.param("asset_type"),
                                  req.param("filename"));
             },
             {"config", "A branding or agent image from the custom directory"});
  router.add("GET", "/api/config/runtime",
             [&s, &health, store](const http::Request&) {
               return http::Response::json(runtime_json(s, health, store).dump());
             },
             {"config", "Resolved configuration (secrets masked) and store status",
              http::BodyKind::none, {}, "RuntimeReply"});
}

}  // namespace axis::api
