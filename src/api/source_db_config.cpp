#include "api/source_db_config.h"

#include "config/connection_parts.h"

namespace axis::api {
namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

nlohmann::json source_db_config_json(const config::SourceSettings& s) {
  const bool configured = s.configured();
  nlohmann::json connection = nullptr;
  if (auto parts = config::connection_parts(s); parts && configured) {
    connection = {{"host", parts->host},         {"port", parts->port},
                  {"database", parts->database}, {"username", parts->username},
                  {"ssl_mode", parts->ssl_mode}, {"schema", s.schema},
                  {"table", s.table},            {"has_url", !s.url.empty()}};
  }
  return {{"success", true},
          {"configured", configured},
          {"auto_connect", s.auto_connect && configured},
          {"auto_load", (s.auto_load || s.auto_connect) && configured},
          {"has_query", !blank(s.dataset_query) && !blank(s.results_query)},
          {"row_limit", s.row_limit},
          {"query_timeout", s.query_timeout},
          {"connection", connection}};
}

}  // namespace axis::api
