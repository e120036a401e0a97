// The CSV file part of an upload request, shared by every router that accepts a CSV.
#pragma once

#include "http/multipart.h"

namespace axis::api {

// The uploaded CSV of a multipart form (field "file"). Throws HttpError 400 "No file provided",
// "Only CSV files are supported" (name not ending .csv) or "Empty CSV file" (0 bytes).
const http::UploadedFile& csv_part(const http::MultipartForm& form);

}  // namespace axis::api
