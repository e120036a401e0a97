// The `GET /api/<source>/db-config` reply shared by the sources that can load from PostgreSQL.
#pragma once

#include <nlohmann/json.hpp>

#include "config/settings.h"

namespace axis::api {

// {success, configured, auto_connect, auto_load, has_query, row_limit, query_timeout,
//  connection:{host, port, database, username, ssl_mode, schema, table, has_url} | null}.
// auto_connect and auto_load are only true for a configured source (auto_load also when
// auto_connect is set); has_query needs both split queries. Never the password or the URL.
nlohmann::json source_db_config_json(const config::SourceSettings& source);

}  // namespace axis::api
