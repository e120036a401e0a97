// The replies of the routes that store a dataset (uploads, examples, database imports), and
// storing a CSV file as a dataset of a kind with the reply its upload route gives, so every
// way in answers alike. The reply's `data` holds at most kMaxRowsInReply rows.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "datasets/catalog.h"
#include "http/response.h"
#include "ingest/csv_file.h"

namespace axis::app { class App; }
namespace axis::monitoring { struct LoadResult; }
namespace axis::signals { struct SignalsView; }

namespace axis::api {

constexpr std::int64_t kMaxRowsInReply = 10000;

// Builds a new evaluation dataset's summaries in the background right after the reply.
void summarise_later(app::App& app, const datasets::DatasetInfo& dataset);

// The reply M: the upload reply plus the metric columns and any coercion warnings; the
// Monitoring page's first answers are computed in the background from here on.
http::Response monitoring_reply(app::App& app, const monitoring::LoadResult& loaded);

// The HS reply: cases [offset, offset + limit) as `data`, plus the schema, layout and KPIs.
std::string hs_reply(const app::App& app, const signals::SignalsView& v, std::int64_t offset,
                     std::int64_t limit, const nlohmann::json& extra);

// Appends `,"name":<json text>` to an object's text whose closing brace was removed.
void append_json_member(std::string& out, const char* name, const std::string& json_text);

enum class DatasetKind { evaluation, monitoring, human_signals };

// data → evaluation, monitoring, human_signals; HttpError 400 for anything else.
DatasetKind dataset_kind_of_store(const std::string& store);

// Stores the checked CSV `file` as a dataset of `kind` named `name` (source `source`) and returns
// the reply its upload route gives (U, M or HS). Bad files are 400 as uploads are.
http::Response store_csv_reply(app::App& app, DatasetKind kind, const ingest::CsvFile& file,
                               const std::string& name, const std::string& source);

}  // namespace axis::api
