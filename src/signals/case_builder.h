// Builds the derived per-case table of a human-signals dataset (spec data.md §2.7 Cases): one
// row per dataset_id with the case fields, the promoted metadata and `<metric>__<signal>`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "signals/metric_schema.h"
#include "signals/raw_rows.h"
#include "store/value.h"

namespace axis::signals {

struct CaseColumn {
  std::string name;
  std::string sql_type;  // VARCHAR, BOOLEAN, BIGINT, DOUBLE or JSON
};

class CaseBuilder {
 public:
  // Columns, in order: Case_ID, the source fields the upload has, Slack_URL, Agent_Name,
  // Business, Full_Conversation (JSON), Message_Count, Timestamp, evaluation_metadata,
  // actual_reference, additional_output, additional_input (those the upload has), the metadata
  // keys (sorted), then schema.signal_columns. A name equal to an earlier one apart from
  // letter case is left out (DuckDB column names ignore case).
  CaseBuilder(const RawLayout& layout, const MetricSchema& schema);

  const std::vector<CaseColumn>& columns() const { return columns_; }
  // CREATE TABLE <table> (...) for these columns.
  std::string create_sql(const std::string& table) const;
  // The row of one case from its raw rows (file order, all with the same dataset_id).
  std::vector<store::Value> build(const std::vector<RawRow>& rows) const;

 private:
  // False when the name is empty, holds a NUL or repeats an earlier one.
  bool add_column(const std::string& name, const std::string& sql_type);

  RawLayout layout_;
  const MetricSchema& schema_;
  std::vector<CaseColumn> columns_;
  std::map<std::string, std::size_t> index_;         // every column: name -> position
  std::map<std::string, std::size_t> signal_index_;  // metadata and signal columns only
};

}  // namespace axis::signals
