#include "api/csv_upload.h"

#include <cctype>
#include <string>

#include "http/http_error.h"

namespace axis::api {
namespace {

bool is_csv_name(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name.size() > 4 && name.ends_with(".csv");
}

}  // namespace

const http::UploadedFile& csv_part(const http::MultipartForm& form) {
  const http::UploadedFile* file = form.file("file");
  if (file == nullptr) throw http::HttpError(400, "No file provided");
  if (!is_csv_name(file->filename)) throw http::HttpError(400, "Only CSV files are supported");
  if (file->size == 0) throw http::HttpError(400, "Empty CSV file");
  return *file;
}

}  // namespace axis::api
