#include "analytics/dataset_scores.h"

#include "store/connection.h"
#include "store/result.h"
#include "store/sql_text.h"
#include "store/store.h"

namespace axis::analytics {

DatasetScores::DatasetScores(const datasets::DatasetCatalog& catalog, SummaryTables& summaries,
                             const std::string& dataset_id)
    : dataset_(EvalDataset::open(catalog, dataset_id)),
      names_(summaries.ensure(dataset_)),
      conn_(catalog.store().connection()) {}

std::string DatasetScores::rows(const std::vector<std::string>& columns, bool ident) {
  const EvalDataset& d = dataset_;
  std::string extra;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    extra += ", " + d.column(columns[i]) + " AS " + column_alias(i);
  }
  extra += ident ? ", " + d.case_id() + " AS ident" : ", NULL AS ident";
  return "SELECT rowid AS row_id, " + d.case_id() + " AS case_key, " + d.experiment() +
         " AS experiment, " + d.text("metric_name") + " AS metric_name, " + d.score() +
         " AS score" + extra + " FROM " + d.table() + " WHERE isfinite(" + d.score() + ")";
}

std::int64_t DatasetScores::total_records() {
  return store::cell_int(conn_->execute("SELECT count(*) FROM " + dataset_.table()).scalar());
}

std::string DatasetScores::json(const std::string& c) const {
  return "CAST(to_json(" + c + ") AS VARCHAR)";
}

std::string DatasetScores::text(const std::string& c) const {
  return "CAST(" + c + " AS VARCHAR)";
}

}  // namespace axis::analytics
