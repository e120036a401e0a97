// The eval runner's replies, written from the service's typed results (schemas in
// api/schemas/eval_runner_schemas.cpp).
#pragma once

#include <string>

#include "evalrun/eval_run_service.h"

namespace axis::api {

std::string metric_catalogue_reply();
// {success, dataset{columns, preview, row_count, data}, suggested_mapping, message}
std::string input_dataset_reply(const evalrun::InputDataset& input, std::size_t preview_rows,
                                const std::string& message);
std::string connection_reply(const evalrun::ConnectionTest& test);
std::string summary_json(const evalrun::RunSummary& summary);
std::string run_json(const evalrun::RunRecord& run);
std::string progress_json(const evalrun::RunProgress& progress);
std::string log_json(const std::string& level, const std::string& message);

}  // namespace axis::api
