#include "api/dataset_replies.h"

#include "api/dataset_json.h"
#include "api/routes.h"
#include "datasets/rows.h"
#include "monitoring/monitoring_loader.h"
#include "signals/signals_service.h"
#include "uploads/upload_service.h"
#include "util/random_id.h"
#include "util/http_error.h"

namespace axis::api {
namespace {

using nlohmann::json;

}  // namespace

void append_json_member(std::string& out, const char* name, const std::string& json_text) {
  out += ",\"";
  out += name;
  out += "\":";
  out += json_text;
}

http::Response monitoring_reply(const datasets::DatasetCatalog& catalog,
                                const monitoring::LoadResult& loaded) {
  const json extra = {{"metric_columns", loaded.metric_columns}, {"warnings", loaded.warnings}};
  return http::Response::json(
      upload_reply(catalog, loaded.dataset, loaded.message, kMaxRowsInReply, extra));
}

std::string hs_reply(const datasets::DatasetCatalog& catalog, const signals::SignalsView& v,
                     std::int64_t offset, std::int64_t limit, const json& extra) {
  return hs_reply(v, datasets::rows_json(catalog, v.cases, offset, limit),
                  offset > 0 || v.cases.row_count > limit, extra);  // data is not every case
}

std::string hs_reply(const signals::SignalsView& v, const std::string& data, bool truncated,
                     const json& extra) {
  json columns = json::array();
  for (const auto& c : v.cases.columns) columns.push_back(c.name);
  json head = {{"success", true},
               {"format", "hitl_feedback"},
               {"dataset_id", v.dataset.id},
               {"row_count", v.cases.row_count},
               {"total_rows", v.cases.row_count},
               {"truncated", truncated},
               {"columns", columns},
               {"message", v.message},
               {"warnings", v.warnings},
               {"dataset", dataset_json(v.dataset)}};
  head.update(extra);
  std::string out = head.dump();
  out.pop_back();
  append_json_member(out, "metric_schema", v.metric_schema);
  append_json_member(out, "display_config", v.display_config);
  append_json_member(out, "kpis", v.kpis);
  append_json_member(out, "data", data);
  return out + "}";
}


util::ScopedPath import_spool_file(const IntakeServices& intake) {
  return util::ScopedPath(intake.spool_dir + "/db-import-" + util::random_hex_id() + ".csv");
}

DatasetKind dataset_kind_of_store(const std::string& store) {
  if (store == "data") return DatasetKind::evaluation;
  if (store == "monitoring") return DatasetKind::monitoring;
  if (store == "human_signals") return DatasetKind::human_signals;
  throw util::HttpError(400, "Unknown store '" + store + "'. Available: data, monitoring, human_signals");
}

http::Response store_csv_reply(const IntakeServices& intake, DatasetKind kind, const ingest::CsvFile& file,
                               const std::string& name, const std::string& source) {
  switch (kind) {
    case DatasetKind::evaluation: {
      const auto result = intake.uploads->store_evaluation(file, name, source);
      return http::Response::json(
          upload_reply(*intake.catalog, result.dataset, result.message, kMaxRowsInReply));
    }
    case DatasetKind::monitoring:
      return monitoring_reply(*intake.catalog, intake.uploads->store_monitoring(file, name, source));
    case DatasetKind::human_signals: {
      const auto view = intake.uploads->store_signals(file, name);
      return http::Response::json(
          hs_reply(*intake.catalog, view, 0, datasets::reply_rows(view.cases, kMaxRowsInReply), json::object()));
    }
  }
  throw std::logic_error("store_csv_reply: unknown kind");
}

}  // namespace axis::api
