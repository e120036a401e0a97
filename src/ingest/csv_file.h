// The one intake step every CSV passes before DuckDB reads it (uploads, detect-format, the
// database wizard's imports, examples). inspect_csv() reads the file once, start to end, and
// refuses what the reader or the statements after it cannot take safely: too many columns, a
// header row or a field over its size limit, a file over the byte limit, NUL bytes, a UTF-16
// file, a quote left open at the end. A CsvFile can only be made by inspect_csv(), and every
// loader takes a CsvFile, so no file reaches DuckDB unchecked.
// Thread-safe (plain functions over plain data); blocking (reads the whole file).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace axis::ingest {

// The bounds of one intake, from the settings named beside each field (docs/configuration.md).
struct CsvLimits {
  std::size_t max_columns = 2000;            // AXIS_MAX_CSV_COLUMNS
  std::size_t max_header_bytes = 256u << 10; // AXIS_MAX_CSV_HEADER_BYTES
  std::size_t max_cell_bytes = 8u << 20;     // AXIS_MAX_CSV_CELL_BYTES (a field as written,
                                             // its quotes included)
  std::uint64_t max_file_bytes = 200u << 20; // AXIS_MAX_UPLOAD_BYTES
};

// A CSV file on disk that passed inspect_csv(). Does not own the file (whoever spooled it
// removes it); copying copies the facts, not the file.
class CsvFile {
 public:
  const std::string& path() const { return path_; }
  // The header's column names: trimmed of spaces and tabs, unique, non-empty, valid UTF-8.
  const std::vector<std::string>& header() const { return header_; }
  std::uint64_t bytes() const { return bytes_; }
  // Records after the header (a final line without a newline counts; blank lines do too).
  std::uint64_t records() const { return records_; }

 private:
  CsvFile() = default;
  friend CsvFile inspect_csv(const std::string& path, const CsvLimits& limits);
  std::string path_;
  std::vector<std::string> header_;
  std::uint64_t bytes_ = 0;
  std::uint64_t records_ = 0;
};

// Checks the CSV at `path` against `limits` and RFC 4180 quoting. Throws util::HttpError:
//   413 when the file or one field is over its byte limit,
//   400 for too many columns, a header row over its limit, an empty file, a header that is not
//       UTF-8 (a UTF-16 file is named as such), an empty or duplicate column name, NUL bytes, or
//       a quote still open at the end of the file.
// Every message names the limit and the setting that raises it, and at most 20 column names.
CsvFile inspect_csv(const std::string& path, const CsvLimits& limits);

}  // namespace axis::ingest
