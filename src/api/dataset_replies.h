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
#include "util/scoped_path.h"

namespace axis::monitoring { struct LoadResult; }
namespace axis::signals { struct SignalsView; }

namespace axis::api {

struct IntakeServices;

constexpr std::int64_t kMaxRowsInReply = 10000;

// The reply M: the upload reply plus the metric columns and any coercion warnings.
http::Response monitoring_reply(const datasets::DatasetCatalog& catalog,
                                const monitoring::LoadResult& loaded);

// The HS reply: cases [offset, offset + limit) as `data`, plus the schema, layout and KPIs.
std::string hs_reply(const datasets::DatasetCatalog& catalog, const signals::SignalsView& v, std::int64_t offset,
                     std::int64_t limit, const nlohmann::json& extra);
// The same with `data` given as JSON array text, and whether it leaves out some cases.
std::string hs_reply(const signals::SignalsView& v, const std::string& data, bool truncated,
                     const nlohmann::json& extra);

// Appends `,"name":<json text>` to an object's text whose closing brace was removed.
void append_json_member(std::string& out, const char* name, const std::string& json_text);

enum class DatasetKind { evaluation, monitoring, human_signals };

// A fresh spool file for the rows of a database import, removed when the request ends.
util::ScopedPath import_spool_file(const IntakeServices& intake);

// data → evaluation, monitoring, human_signals; HttpError 400 for anything else.
DatasetKind dataset_kind_of_store(const std::string& store);

// Stores the checked CSV `file` as a dataset of `kind` named `name` (source `source`) through the
// upload service and returns the reply its upload route gives (U, M or HS). Bad files are 400
// as uploads are.
http::Response store_csv_reply(const IntakeServices& intake, DatasetKind kind, const ingest::CsvFile& file,
                               const std::string& name, const std::string& source);

}  // namespace axis::api
