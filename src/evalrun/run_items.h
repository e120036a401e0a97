// The items of a run: each dataset row read through the column mapping into the fields the
// metrics take (lists split, latency parsed), and the same item written to and read back from
// the text the store keeps for it. Plain functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "evalmetrics/eval_item.h"
#include "evalrun/run_config.h"

namespace axis::evalrun {

// One item of a run: its place, its ids and the fields the metrics read.
struct RunItem {
  long long index = 0;
  std::string item_id;     // 8 hex digits, unique within the run
  std::string dataset_id;  // the row's id column, else "row-<n>" (1-based)
  evalmetrics::EvalItem fields;
  bool agent_done = false;  // the agent ran for it (or had nothing to do)
};

// Reads every row through `mapping` (keys of mapping_keys(); a column the rows lack is ignored).
// Item ids are the first 8 hex digits of a random UUID, drawn again on a clash.
std::vector<RunItem> map_rows(const RunRows& rows, const ColumnMapping& mapping);

// The fields as stored JSON text, and back.
std::string fields_to_json(const evalmetrics::EvalItem& item);
evalmetrics::EvalItem fields_from_json(const std::string& text);

}  // namespace axis::evalrun
