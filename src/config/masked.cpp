#include "config/masked.h"

#include <nlohmann/json.hpp>

namespace axis::config {

using nlohmann::json;

namespace {

constexpr const char* kMask = "********";

// Masks the value of every `password=` parameter in the query part of `url`.
std::string mask_query_password(std::string url) {
  const std::size_t q = url.find('?');
  if (q == std::string::npos) return url;
  std::size_t pos = q + 1;
  while (pos < url.size()) {
    std::size_t end = url.find_first_of("&#", pos);
    if (end == std::string::npos) end = url.size();
    const std::size_t eq = url.find('=', pos);
    const std::string key = eq == std::string::npos ? "" : url.substr(pos, eq - pos);
    if (eq != std::string::npos && eq < end && (key == "password" || key == "sslpassword") &&
        end > eq + 1) {
      url.replace(eq + 1, end - eq - 1, kMask);
      end = eq + 1 + std::string(kMask).size();
    }
    if (end >= url.size() || url[end] == '#') break;
    pos = end + 1;
  }
  return url;
}

json source_json(const SourceSettings& s) {
  json filters = json::array();
  for (const auto& f : s.filters) filters.push_back({{"column", f.column}, {"label", f.label}});
  json extras = json::parse(s.raw_yaml_json.empty() ? "{}" : s.raw_yaml_json, nullptr, false);
  if (extras.is_discarded()) extras = json::object();
  return {{"name", s.name},
          {"enabled", s.enabled},
          {"configured", s.configured()},
          {"auto_load", s.auto_load},
          {"auto_connect", s.auto_connect},
          {"url", mask_url(s.url)},
          {"host", s.host},
          {"port", s.port},
          {"database", s.database},
          {"username", s.username},
          {"password", mask_secret(s.password)},
          {"ssl_mode", s.ssl_mode},
          {"db_type", s.db_type},
          {"dataset_query", s.dataset_query},
          {"results_query", s.results_query},
          {"query", s.query},
          {"query_timeout", s.query_timeout},
          {"connect_timeout", s.connect_timeout},
          {"row_limit", s.row_limit},
          {"columns", s.columns},
          {"partition_column", s.partition_column},
          {"incremental_column", s.incremental_column},
          {"refresh_interval_minutes", s.refresh_interval_minutes},
          {"tables", s.tables},
          {"filters", filters},
          {"schema", s.schema},
          {"table", s.table},
          {"visible_metrics", s.visible_metrics},
          {"visible_kpis", s.visible_kpis},
          {"visible_kpis_per_source", s.visible_kpis_per_source},
          {"eval_runner_enabled", s.eval_runner_enabled},
          {"extras", extras}};
}

json server_json(const ServerSettings& s) {
  json frontend_urls = json::array();
  for (const auto& u : s.frontend_urls) frontend_urls.push_back(mask_url(u));
  json origins = json::array();
  for (const auto& u : s.cors_origins) origins.push_back(mask_url(u));
  return {{"host", s.host},
          {"port", s.port},
          {"workers", s.workers},
          {"blocking_threads", s.blocking_threads},
          {"blocking_queue", s.blocking_queue},
          {"debug", s.debug},
          {"app_name", s.app_name},
          {"log_level", s.log_level},
          {"access_log", s.access_log},
          {"max_json_bytes", s.max_json_bytes},
          {"max_upload_bytes", s.max_upload_bytes},
          {"max_csv_columns", s.max_csv_columns},
          {"max_csv_header_bytes", s.max_csv_header_bytes},
          {"max_csv_cell_bytes", s.max_csv_cell_bytes},
          {"header_timeout_seconds", s.header_timeout_seconds},
          {"idle_timeout_seconds", s.idle_timeout_seconds},
          {"shutdown_grace_seconds", s.shutdown_grace_seconds},
          {"stream_ping_seconds", s.stream_ping_seconds},
          {"frontend_url", mask_url(s.frontend_url)},
          {"frontend_urls", frontend_urls},
          {"cors_origins", origins},
          {"data_dir", s.data_dir},
          {"custom_dir", s.custom_dir},
          {"web_dir", s.web_dir},
          {"examples_dir", s.examples_dir},
          {"plugins_enabled", s.plugins_enabled},
          {"auth", {{"api_tokens", std::to_string(s.api_tokens.size()) + " configured"},
                    {"proxy_header", s.auth_proxy_header},
                    {"trusted_proxies", s.trusted_proxies}}}};
}

json store_json(const StoreSettings& s) {
  return {{"enabled", s.enabled},
          {"path", s.path},
          {"sync_mode", s.sync_mode},
          {"sync_chunk_size", s.sync_chunk_size},
          {"max_sync_rows", s.max_sync_rows},
          {"query_concurrency", s.query_concurrency},
          {"sync_workers", s.sync_workers},
          {"memory_limit", s.memory_limit},
          {"threads", s.threads}};
}

json langfuse_json(const LangfuseSettings& l) {
  json agents = json::object();
  for (const auto& [name, keys] : l.agents) {
    agents[name] = {{"public_key", mask_secret(keys.public_key)},
                    {"secret_key", mask_secret(keys.secret_key)},
                    {"host", mask_url(keys.host)}};
  }
  return {{"agent_replay_enabled", l.agent_replay_enabled},
          {"public_key", mask_secret(l.public_key)},
          {"secret_key", mask_secret(l.secret_key)},
          {"host", mask_url(l.host)},
          {"agents", agents}};
}

}  // namespace

std::string mask_secret(const std::string& secret) { return secret.empty() ? "" : kMask; }

std::string mask_url(const std::string& url) {
  std::string out = url;
  const std::size_t scheme = out.find("://");
  const std::size_t start = scheme == std::string::npos ? 0 : scheme + 3;
  // The userinfo ends at the last '@' before the query: a raw '@' or '/' inside a password is
  // then still masked, at worst together with part of the host.
  std::size_t end = out.find_first_of("?#", start);
  if (end == std::string::npos) end = out.size();
  const std::size_t at = end > start ? out.rfind('@', end - 1) : std::string::npos;
  if (at != std::string::npos && at >= start) {
    const std::size_t colon = out.find(':', start);
    if (colon != std::string::npos && colon < at && at > colon + 1) {
      out.replace(colon + 1, at - colon - 1, kMask);
    }
  }
  return mask_query_password(out);
}

json masked_settings_json(const Settings& s) {
  json sources = json::object();
  for (const SourceSettings* source : s.sources()) sources[source->name] = source_json(*source);
  return {{"server", server_json(s.server)},
          {"store", store_json(s.store)},
          {"sources", sources},
          {"theme", {{"active", s.theme.active}}},
          {"agents", s.agents.size()},
          {"ai",
           {{"openai_api_key", mask_secret(s.ai.openai_api_key)},
            {"openai_api_base", mask_url(s.ai.openai_api_base)},
            {"anthropic_api_key", mask_secret(s.ai.anthropic_api_key)},
            {"gateway_api_key", mask_secret(s.ai.gateway_api_key)},
            {"ai_toolkit_url", mask_url(s.ai.ai_toolkit_url)},
            {"llm_model_name", s.ai.llm_model_name},
            {"embedding_model_name", s.ai.embedding_model_name},
            {"copilot_enabled", s.ai.copilot_enabled}}},
          {"graph_db",
           {{"host", s.graph_db.host},
            {"port", s.graph_db.port},
            {"name", s.graph_db.name},
            {"password", mask_secret(s.graph_db.password)}}},
          {"langfuse", langfuse_json(s.langfuse)},
          {"agent_replay",
           {{"default_limit", s.agent_replay.default_limit},
            {"default_days_back", s.agent_replay.default_days_back},
            {"max_chars", s.agent_replay.max_chars},
            {"search_metadata_key", s.agent_replay.search_metadata_key}}},
          {"plugins_enabled", s.server.plugins_enabled},
          {"files_read", s.files_read},
          {"warnings", s.warnings}};
}

}  // namespace axis::config
