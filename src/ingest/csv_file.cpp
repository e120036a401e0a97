#include "ingest/csv_file.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <set>
#include <string_view>

#include "config/settings.h"
#include "http/encoding.h"
#include "http/http_error.h"
#include "util/text.h"

namespace axis::ingest {
namespace {

constexpr std::size_t kChunk = 1 << 20;
constexpr std::size_t kNamesShown = 20;

[[noreturn]] void bad(const std::string& why) { throw http::HttpError(400, why); }
[[noreturn]] void too_large(const std::string& why) { throw http::HttpError(413, why); }

std::string bytes_text(std::uint64_t n) {
  if (n >= (1u << 20) && n % (1u << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n >= 1024 && n % 1024 == 0) return std::to_string(n >> 10) + " KiB";
  return util::thousands(static_cast<long long>(n)) + " bytes";
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// The RFC 4180 reader behind inspect_csv. The header is read a byte at a time and its cells are
// kept; the body is only measured, a run of plain bytes at a time.
class Scanner {
 public:
  explicit Scanner(const CsvLimits& limits) : limits_(limits) {
    for (const char c : {',', '"', '\n', '\r'}) special_[static_cast<unsigned char>(c)] = true;
  }

  void feed(std::string_view chunk) {
    const char* p = chunk.data();
    const char* nul = static_cast<const char*>(std::memchr(p, '\0', chunk.size()));
    const char* stop = nul != nullptr ? nul : p + chunk.size();
    while (p < stop && in_header_) header_byte(*p++);
    scan_body(p, stop);
    if (nul != nullptr) {
      bad("CSV parsing error: the file contains a NUL byte (in " + where() +
          "); a CSV file is text, is this a binary file?");
    }
  }

  void finish() {
    if (last_was_cr_) line_end(Eol::cr, records_);
    if (state_ == State::quoted) {
      bad("CSV parsing error: a quoted field opened in " + where() +
          " is never closed (unterminated quote at the end of the file)");
    }
    if (!seen_text_) bad("Empty CSV file");
    if (in_header_) {
      end_header_field();  // the header is the whole file: its last field is still open
      end_header();
    } else if (!at_line_start_) {
      ++records_;
    }
  }

  std::vector<std::string> header() { return std::move(header_); }
  std::uint64_t records() const { return records_; }

 private:
  enum class State { field_start, unquoted, quoted, quote_in_quoted };
  enum class Eol { none, lf, crlf, cr };

  void header_byte(char c) {
    ++offset_;
    if (bom_ok_ && offset_ <= 3) {
      if (static_cast<unsigned char>(c) == kBom[offset_ - 1]) {
        if (offset_ == 3) bom_ok_ = false;  // the whole UTF-8 BOM is skipped
        return;
      }
      for (std::uint64_t i = 0; i + 1 < offset_; ++i) cell_.push_back(static_cast<char>(kBom[i]));
    }
    bom_ok_ = false;
    if (++header_bytes_ > limits_.max_header_bytes) header_too_long();
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') seen_text_ = true;
    switch (state_) {
      case State::quoted:
        if (c == '"') state_ = State::quote_in_quoted;
        else cell_.push_back(c);
        return;
      case State::quote_in_quoted:
        if (c == '"') {  // an escaped quote inside the quoted field
          cell_.push_back(c);
          state_ = State::quoted;
          return;
        }
        state_ = State::unquoted;
        break;
      case State::field_start:
        if (c == '"') {
          state_ = State::quoted;
          return;
        }
        break;
      case State::unquoted:
        break;
    }
    if (c == ',') {
      end_header_field();
    } else if (c == '\n' || c == '\r') {
      last_was_cr_ = c == '\r';
      if (c == '\n') line_end(Eol::lf, 0);
      end_header_field();
      end_header();
    } else {
      state_ = State::unquoted;
      cell_.push_back(c);
    }
  }

  void end_header_field() {
    header_.push_back(std::move(cell_));
    cell_.clear();
    state_ = State::field_start;
  }

  void end_header() {
    in_header_ = false;
    at_line_start_ = true;
    check_column_count(false);
  }

  void scan_body(const char* p, const char* stop) {
    while (p < stop) {
      if (last_was_cr_) {  // the record before ended with \r: alone, or as \r\n?
        last_was_cr_ = false;
        const bool crlf = *p == '\n';
        line_end(crlf ? Eol::crlf : Eol::cr, records_);
        if (crlf) {
          ++p;
          continue;
        }
      }
      if (state_ == State::quoted) {
        const char* quote = static_cast<const char*>(std::memchr(p, '"', stop - p));
        const char* run_end = quote != nullptr ? quote : stop;
        grow(run_end - p);
        p = run_end;
        if (quote != nullptr) {
          state_ = State::quote_in_quoted;
          ++p;
        }
        continue;
      }
      if (state_ == State::quote_in_quoted) {
        if (*p == '"') {  // an escaped quote inside the quoted field
          grow(1);
          state_ = State::quoted;
          ++p;
          continue;
        }
        state_ = State::unquoted;
      }
      const char* run = p;
      while (p < stop && !special_[static_cast<unsigned char>(*p)]) ++p;
      if (p > run) {
        note_text(run, p);
        grow(p - run);
        state_ = State::unquoted;
        continue;
      }
      const char c = *p++;
      if (c == '"') {
        seen_text_ = true;
        at_line_start_ = false;
        if (state_ == State::field_start) state_ = State::quoted;
        else grow(1);  // a quote inside an unquoted field is text
      } else if (c == ',') {
        seen_text_ = true;
        at_line_start_ = false;
        end_body_field();
      } else {
        last_was_cr_ = c == '\r';
        if (c == '\n') line_end(Eol::lf, records_ + 1);
        end_body_field();
        ++records_;
        at_line_start_ = true;
      }
    }
  }

  void note_text(const char* run, const char* end) {
    at_line_start_ = false;
    if (seen_text_) return;
    for (; run < end && !seen_text_; ++run) seen_text_ = *run != ' ' && *run != '\t';
  }

  void grow(std::ptrdiff_t n) {
    field_bytes_ += static_cast<std::uint64_t>(n);
    if (field_bytes_ <= limits_.max_cell_bytes) return;
    too_large("A CSV field in " + where() + " is larger than " +
              bytes_text(limits_.max_cell_bytes) +
              ", the limit for one field; set AXIS_MAX_CSV_CELL_BYTES to raise it");
  }

  void end_body_field() {
    field_bytes_ = 0;
    state_ = State::field_start;
  }

  void check_column_count(bool partial) {
    if (header_.size() <= limits_.max_columns) return;
    bad("The CSV has " + std::string(partial ? "more than " : "") +
        util::thousands(static_cast<long long>(header_.size())) + " columns; the limit is " +
        util::thousands(static_cast<long long>(limits_.max_columns)) +
        (limits_.max_columns < config::kCsvColumnsCeiling
             ? " (set AXIS_MAX_CSV_COLUMNS to raise it, up to " +
                   util::thousands(static_cast<long long>(config::kCsvColumnsCeiling)) + ")"
             : std::string(", the most the store can take")) +
        ". First columns: " +
        util::name_list(header_, kNamesShown));
  }

  [[noreturn]] void header_too_long() {
    check_column_count(true);
    bad("The CSV header row is longer than " + bytes_text(limits_.max_header_bytes) +
        ", the limit; set AXIS_MAX_CSV_HEADER_BYTES to raise it");
  }

  std::string where() const { return in_header_ ? "the header row" : row_name(records_ + 1); }

  // "the header row" for 0, "data row N" otherwise.
  static std::string row_name(std::uint64_t row) {
    if (row == 0) return "the header row";
    return "data row " + util::thousands(static_cast<long long>(row));
  }

  // DuckDB reads a file with one kind of line ending only; a mix is refused here, clearly.
  // `row` is the record the ending closes (0 = the header).
  void line_end(Eol kind, std::uint64_t row) {
    if (eol_ == Eol::none) {
      eol_ = kind;
      eol_row_ = row;
    } else if (kind != eol_ && seen_text_) {  // blank lines alone make no file to refuse
      bad("CSV parsing error: the file mixes line endings (" + row_name(eol_row_) + " ends with " +
          eol_name(eol_) + ", " + row_name(row) + " with " + eol_name(kind) +
          "); save it with one kind of line ending");
    }
  }

  static const char* eol_name(Eol kind) {
    return kind == Eol::crlf ? "CRLF" : kind == Eol::lf ? "LF" : "CR";
  }

  static constexpr unsigned char kBom[3] = {0xEF, 0xBB, 0xBF};

  const CsvLimits& limits_;
  bool special_[256] = {};
  State state_ = State::field_start;
  bool in_header_ = true, bom_ok_ = true, seen_text_ = false;
  bool last_was_cr_ = false, at_line_start_ = true;
  std::uint64_t offset_ = 0, header_bytes_ = 0, field_bytes_ = 0, records_ = 0;
  Eol eol_ = Eol::none;
  std::uint64_t eol_row_ = 0;
  std::string cell_;
  std::vector<std::string> header_;
};

void check_names(std::vector<std::string>& columns) {
  std::set<std::string> seen;
  std::vector<std::string> duplicates;
  for (std::string& name : columns) {
    name = std::string(util::trim(name));
    if (!http::is_valid_utf8(name)) bad("CSV parsing error: the header row is not valid UTF-8");
    if (name.empty()) bad("CSV parsing error: the header row has an empty column name");
    if (!seen.insert(name).second) duplicates.push_back(name);
  }
  if (!duplicates.empty()) bad("Duplicate column names: " + util::name_list(duplicates, kNamesShown));
}

}  // namespace

CsvFile inspect_csv(const std::string& path, const CsvLimits& limits) {
  std::unique_ptr<std::FILE, FileCloser> in(std::fopen(path.c_str(), "rb"));
  if (!in) bad("Uploaded file could not be read");
  std::fseek(in.get(), 0, SEEK_END);
  const long end = std::ftell(in.get());
  std::fseek(in.get(), 0, SEEK_SET);
  const std::uint64_t size = end > 0 ? static_cast<std::uint64_t>(end) : 0;
  if (size > limits.max_file_bytes) {
    too_large("The CSV file is " + bytes_text(size) + "; the limit is " +
              bytes_text(limits.max_file_bytes) + " (set AXIS_MAX_UPLOAD_BYTES to raise it)");
  }

  std::string buffer(kChunk, '\0');
  std::size_t n = std::fread(buffer.data(), 1, buffer.size(), in.get());
  const std::string_view first(buffer.data(), n);
  if (first.starts_with("\xFF\xFE") || first.starts_with("\xFE\xFF")) {
    bad("The file is UTF-16 encoded; save it as UTF-8 (\"CSV UTF-8\") and upload it again");
  }
  Scanner scanner(limits);
  while (n > 0) {
    scanner.feed(std::string_view(buffer.data(), n));
    n = std::fread(buffer.data(), 1, buffer.size(), in.get());
  }
  if (std::ferror(in.get())) bad("Uploaded file could not be read");
  scanner.finish();

  CsvFile file;
  file.path_ = path;
  file.header_ = scanner.header();
  check_names(file.header_);
  file.bytes_ = size;
  file.records_ = scanner.records();
  return file;
}

}  // namespace axis::ingest
