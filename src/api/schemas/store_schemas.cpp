// /api/store: browsing the stored tables and the sync engine's status
// (browse/browse_metadata.cpp, browse/browse_data.cpp, sync/sync_engine.cpp status_json).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {

Components store_schemas() {
  Components c;
  c.add("StoreColumn", object({{"column_name", str()}, {"column_type", str()}}));
  c.add("StoreMetadata",
        object({{"row_count", integer()},
                {"columns", array_of(ref("StoreColumn"))},
                {"filter_values", described(map_of(array_of(str())),
                                            "Distinct values of each filter column the table has")},
                {"time_range", object({{"min", nullable(str())}, {"max", nullable(str())}})},
                optional("summary_stats", described(ref("MonitoringKpis"), "Only for a table with metric_score"))}));
  c.add("StoreMetadataReply", object({{"success", boolean()},
                                      {"dataset", str()},
                                      {"dataset_id", str()},
                                      {"metadata", ref("StoreMetadata")}}));
  c.add("StoreRowsReply", object({{"success", boolean()},
                                  {"total", integer()},
                                  {"page", integer()},
                                  {"page_size", integer()},
                                  {"data", array_of(ref("Row"))}}));
  c.add("SyncDatasetStatus",
        object({{"state", one_of({"not_synced", "syncing", "ready", "error"})},
                {"rows", integer()},
                {"last_sync", nullable(str())},
                {"error", nullable(str())},
                {"truncated", boolean()},
                {"sync_type", nullable(one_of({"full", "incremental"}))},
                {"last_incremental", nullable(str())},
                {"incremental_rows", integer()},
                {"refresh_interval_minutes", integer()},
                {"incremental_column", nullable(str())},
                optional("progress", described(
                    object({{"phase", one_of({"waiting", "reading", "loading"})},
                            {"rows_read", integer()},
                            {"bytes_read", integer()}}),
                    "Only while syncing: waiting (behind another dataset's sync), reading (rows "
                    "arriving from PostgreSQL, counted so far) or loading (into the store)")),
                optional("watermarks", described(map_of(nullable(str())), "Only split datasets (all but kpi)"))}));
  c.add("StoreStatusReply", object({{"success", boolean()},
                                    {"enabled", boolean()},
                                    {"datasets", described(map_of(ref("SyncDatasetStatus")), "By store table")}}));
  return c;
}

}  // namespace axis::api::schema
