// DatasetScores: a stored metric-rows dataset as a ScoreSource. Its metrics are the dataset's
// metric_name values, each scored by metric_score (long form); a case is (dataset_id,
// experiment); the metrics relation is the dataset's summary table (summary_tables.h), built on
// first use. Columns read through rows() keep their stored type; ident is the case id as text.
// Not thread-safe (one request); calls block.
#pragma once

#include <string>
#include <vector>

#include "analytics/eval_dataset.h"
#include "analytics/score_source.h"
#include "analytics/summary_tables.h"
#include "store/connection_pool.h"

namespace axis::analytics {

class DatasetScores final : public ScoreSource {
 public:
  // Resolves `dataset_id` ("" = the newest evaluation dataset) and makes sure its summaries
  // exist, then leases a connection. Throws util::HttpError 404 for an unknown id and 400 for a
  // dataset without metric rows; store::StoreError when the store fails.
  DatasetScores(const datasets::DatasetCatalog& catalog, SummaryTables& summaries,
                const std::string& dataset_id);

  store::Connection& connection() override { return *conn_; }
  std::string rows(const std::vector<std::string>& columns, bool ident = false) override;
  std::string metrics() const override { return names_.metrics; }
  std::int64_t total_records() override;
  bool has(const std::string& column) const override { return dataset_.has(column); }
  std::string json(const std::string& c) const override;
  std::string text(const std::string& c) const override;
  std::string order(const std::string& c) const override { return c; }

 private:
  EvalDataset dataset_;
  SummaryTableNames names_;
  store::ConnectionPool::Lease conn_;
};

}  // namespace axis::analytics
