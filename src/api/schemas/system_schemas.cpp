// /health, /api/config and /api/auth (api/system_routes.cpp, api/config_routes.cpp,
// api/auth_routes.cpp).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {
namespace {

void add_health(Components& c) {
  c.add("StoreHealth", object({{"open", boolean()},
                               {"writable", boolean()},
                               {"size_bytes", integer()},
                               {"checked_at", str()},
                               optional("error", described(str(), "Only while the store is not open and writable"))}));
  c.add("SourceHealth", object({{"status", str()}, {"detail", str()}}));
  c.add("HealthReply",
        described(object({{"status", one_of({"healthy", "unhealthy"})},
                          {"version", str()},
                          {"components", object({{"api", str()},
                                                 {"data_processor", str()},
                                                 {"store", one_of({"up", "down", "disabled"})}})},
                          optional("store", described(ref("StoreHealth"), "Only when the store is enabled")),
                          {"sources", map_of(ref("SourceHealth"))},
                          optional("failing", array_of(str()))}),
                  "Also the body of the 503 reply when a component is down"));
}

void add_theme(Components& c) {
  c.add("Palette", object({{"name", str()}, {"primary", str()}, {"primaryLight", str()},
                           {"primaryDark", str()}, {"primarySoft", str()}, {"primaryPale", str()},
                           {"accentGold", str()}, {"accentSilver", str()}, {"heroImage", str()},
                           {"logoUrl", str()}, {"faviconUrl", str()}, {"appIconUrl", str()},
                           {"heroContrast", number()}, {"heroSaturation", number()},
                           {"heroBrightness", number()}, {"heroOpacity", number()},
                           {"heroMode", str()}, {"shimmerFrom", str()}, {"shimmerTo", str()}}));
  c.add("Branding", object({{"app_name", str()}, {"tagline", str()}, {"subtitle", str()},
                            {"description", str()}, {"report_footer", str()}, {"docs_url", str()},
                            {"footer_name", str()}, {"footer_icon", str()}}));
  c.add("ThemeReply", object({{"success", boolean()},
                              {"active", str()},
                              {"activePalette", ref("Palette")},
                              {"palettes", map_of(ref("Palette"))},
                              {"branding", ref("Branding")}}));
}

void add_config(Components& c) {
  c.add("Agent", object({{"name", str()}, {"label", str()}, {"role", str()}, {"avatar", str()},
                         {"description", str()}, {"biography", str()}, {"active", boolean()},
                         {"trace_names", array_of(str())}}));
  c.add("AgentsReply", object({{"success", boolean()}, {"agents", array_of(ref("Agent"))}}));
  c.add("DataSource",
        object({{"id", str()}, {"label", str()}, {"role", str()}, {"avatar", str()},
                {"description", str()}, {"registered", boolean()}, {"active", boolean()},
                {"source_names", array_of(str())},
                {"rows", object({{"monitoring", integer()}, {"human_signals", integer()},
                                 {"kpi", integer()}})}}));
  c.add("SourcesReply", object({{"success", boolean()}, {"sources", array_of(ref("DataSource"))}}));
  c.add("FeaturesReply", object({{"eval_runner_enabled", boolean()}, {"copilot_enabled", boolean()}}));
  c.add("VisibilityReply",
        object({{"kpi", object({{"visible_kpis", array_of(str())},
                                {"visible_kpis_per_source", map_of(array_of(str()))}})},
                {"monitoring", object({{"visible_metrics", array_of(str())}})},
                {"human_signals", object({{"visible_metrics", array_of(str())},
                                          {"visible_kpis", array_of(str())}})}}));
  c.add("PluginNavItem", object({{"name", str()}, {"href", str()}, {"icon", str()},
                                 {"section", str()}, {"order", integer()}}));
  c.add("Plugin", object({{"name", str()},
                          {"version", str()},
                          {"api_version", integer()},
                          {"description", str()},
                          {"nav", array_of(ref("PluginNavItem"))},
                          {"enabled", boolean()},
                          {"error", nullable(str())}}));
  c.add("PluginsReply", object({{"plugins", array_of(ref("Plugin"))}}));
  c.add("RuntimeStore", object({{"enabled", boolean()},
                                {"path", str()},
                                {"duckdb_version", str()},
                                optional("open", boolean()),
                                optional("writable", boolean()),
                                optional("size_bytes", integer()),
                                optional("schema_version", integer()),
                                optional("connections", integer()),
                                optional("tables", array_of(str()))}));
  c.add("RuntimeReply",
        object({{"version", str()},
                {"uptime_seconds", number()},
                {"store", described(ref("RuntimeStore"), "The optional members only when the store is open")},
                {"config", described(map_of(any()), "The resolved settings, secrets masked")},
                {"security_warning", described(nullable(str()),
                                               "Set when the server listens beyond loopback "
                                               "without authentication")}}));
  c.add("AuthStatusReply",
        object({{"required", boolean()},
                {"authenticated", described(boolean(), "Whether this request's credentials were accepted")},
                {"method", nullable(one_of({"token", "proxy"}))},
                {"user", nullable(str())},
                {"token_login", boolean()}}));
}

}  // namespace

Components system_schemas() {
  Components c;
  add_health(c);
  add_theme(c);
  add_config(c);
  return c;
}

}  // namespace axis::api::schema
