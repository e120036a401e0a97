// /api/database: the import wizard (api/database_routes.cpp, database/source_browser.cpp); its
// imports answer as the upload route of the handle's store.
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {

Components database_schemas() {
  Components c;
  c.add("SourceRow", described(map_of(ref("Cell")), "A source row: numbers and booleans typed by "
                                                    "their PostgreSQL type, the rest as text"));
  c.add("DbDefaultsReply",
        object({{"url", described(Json{{"type", "null"}}, "Never sent: a URL may hold the password")},
                {"host", nullable(str())},
                {"port", integer()},
                {"database", nullable(str())},
                {"username", nullable(str())},
                {"has_password", boolean()},
                {"ssl_mode", str()},
                {"table", nullable(str())},
                {"has_defaults", boolean()},
                {"tables", array_of(str())},
                {"filters", array_of(object({{"column", str()}, {"label", str()}}))},
                {"column_rename_map", map_of(str())},
                {"query", nullable(str())},
                {"query_timeout", integer()},
                {"row_limit", integer()}}));
  c.add("DbConnectReply", object({{"success", boolean()}, {"handle", str()}, {"message", str()},
                                  {"version", str()}}));
  c.add("DbTable", object({{"schema_name", str()}, {"name", str()}, {"row_count_estimate", integer()}}));
  c.add("DbTablesReply", object({{"success", boolean()}, {"tables", array_of(ref("DbTable"))}}));
  c.add("DbColumn", object({{"name", str()}, {"data_type", str()}, {"nullable", boolean()}}));
  c.add("DbSchemaReply",
        object({{"success", boolean()},
                {"columns", array_of(ref("DbColumn"))},
                {"sample_values", described(map_of(array_of(ref("Cell"))), "Up to 5 values per column")}}));
  c.add("DbDistinctValuesReply", object({{"success", boolean()}, {"values", array_of(str())}}));
  c.add("DbRowsReply", object({{"success", boolean()},
                               {"data", array_of(ref("SourceRow"))},
                               {"row_count", integer()}}));
  c.add("DatasetImportReply",
        described({{"anyOf", Json::array({ref("UploadReply"), ref("MonitoringUploadReply"),
                                           ref("SignalsReply")})}},
                  "The reply of the upload route of the handle's store"));
  c.add("DbStatsReply", object({{"active_handles", integer()}, {"max_handles", integer()}}));
  return c;
}

}  // namespace axis::api::schema
