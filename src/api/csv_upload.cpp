#include "api/csv_upload.h"

#include <filesystem>
#include <string>

#include "util/http_error.h"
#include "util/text.h"

namespace axis::api {

ingest::CsvLimits csv_limits(const config::ServerSettings& server) {
  return {server.max_csv_columns, server.max_csv_header_bytes, server.max_csv_cell_bytes,
          server.max_upload_bytes};
}

CsvUpload csv_upload(const http::MultipartForm& form, const ingest::CsvLimits& limits) {
  const http::UploadedFile* file = form.file("file");
  if (file == nullptr) throw util::HttpError(400, "No file provided");
  const std::string lower = util::ascii_lower(file->filename);
  if (lower.size() <= 4 || !lower.ends_with(".csv")) {
    throw util::HttpError(400, "Only CSV files are supported");
  }
  if (file->size == 0) throw util::HttpError(400, "Empty CSV file");
  return {ingest::inspect_csv(file->path, limits),
          std::filesystem::path(file->filename).filename().string()};
}

}  // namespace axis::api
