// Stored datasets and the replies of the routes that store one (api/dataset_json.cpp,
// api/dataset_replies.cpp, api/dataset_routes.cpp).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {
namespace {

// upload_reply(): the members every evaluation, KPI and monitoring upload reply carries.
Json upload_reply() {
  return object({{"success", boolean()},
                 {"dataset_id", str()},
                 {"format", str()},
                 {"row_count", integer()},
                 {"total_rows", integer()},
                 {"truncated", boolean()},
                 {"columns", array_of(str())},
                 {"message", str()},
                 {"dataset", ref("Dataset")},
                 {"preview", described(array_of(ref("Row")), "The first 10 rows of data")},
                 {"data", described(array_of(ref("Row")), "At most 10,000 rows (fewer for a wide dataset)")}});
}

}  // namespace

Components dataset_schemas() {
  Components c;
  c.add("DatasetColumn", object({{"name", str()}, {"type", described(str(), "DuckDB type name")}}));
  c.add("Dataset", object({{"id", str()},
                           {"name", str()},
                           {"kind", str()},
                           {"format", str()},
                           {"row_count", integer()},
                           {"columns", array_of(ref("DatasetColumn"))},
                           {"created_at", str()},
                           {"source", str()}}));
  c.add("UploadReply", upload_reply());
  c.add("MonitoringUploadReply", extend(upload_reply(), {{"metric_columns", array_of(str())},
                                                         {"warnings", array_of(str())}}));
  c.add("DatasetListReply", object({{"success", boolean()}, {"datasets", array_of(ref("Dataset"))}}));
  c.add("DatasetReply", object({{"success", boolean()}, {"dataset", ref("Dataset")}}));
  c.add("DatasetRowsReply", object({{"success", boolean()},
                                    {"total", integer()},
                                    {"page", integer()},
                                    {"page_size", integer()},
                                    {"columns", array_of(str())},
                                    {"data", array_of(ref("Row"))}}));
  c.add("FormatDetectionReply", object({{"format", str()},
                                        {"columns", array_of(str())},
                                        {"row_count", integer()}}));
  return c;
}

Components common_schemas() {
  Components c;
  c.add("Row", described(map_of(any()), "A stored row: column name to value"));
  c.add("Cell", described(Json{{"type", Json::array({"string", "number", "boolean", "null"})}},
                          "One value of a row"));
  c.add("MessageReply", object({{"success", boolean()}, {"message", str()}}));
  return c;
}

}  // namespace axis::api::schema
