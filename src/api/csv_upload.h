// The CSV file part of an upload request, shared by every router that accepts a CSV: the part
// is found, named and passed through the one intake check (ingest/csv_file.h).
#pragma once

#include <string>

#include "config/settings.h"
#include "http/multipart.h"
#include "ingest/csv_file.h"

namespace axis::api {

// The intake limits the server's settings give (AXIS_MAX_CSV_*, AXIS_MAX_UPLOAD_BYTES).
ingest::CsvLimits csv_limits(const config::ServerSettings& server);

struct CsvUpload {
  ingest::CsvFile file;  // checked; removed with the form
  std::string name;      // the file name the client sent, without any folder part
};

// The uploaded CSV of a multipart form (field "file"), checked by ingest::inspect_csv. Throws
// HttpError 400 "No file provided", "Only CSV files are supported" (name not ending .csv),
// "Empty CSV file" (0 bytes), or the intake's refusal (400/413).
CsvUpload csv_upload(const http::MultipartForm& form, const ingest::CsvLimits& limits);

}  // namespace axis::api
