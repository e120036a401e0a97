#include "ingest/csv_file.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "config/settings.h"
#include "util/http_error.h"
#include "util/text.h"

namespace axis::ingest {
namespace {

constexpr std::size_t kChunk = 1 << 20;
constexpr std::size_t kNamesShown = 20;

[[noreturn]] void bad(const std::string& why) { throw util::HttpError(400, why); }
[[noreturn]] void too_large(const std::string& why) { throw util::HttpError(413, why); }

std::string bytes_text(std::uint64_t n) {
  if (n >= (1u << 20) && n % (1u << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n >= 1024 && n % 1024 == 0) return std::to_string(n >> 10) + " KiB";
  return util::thousands(static_cast<long long>(n)) + " bytes";
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// The RFC 4180 reader behind inspect_csv. The header is read a byte at a time and its cells are
// kept; the body is only measured.
class Scanner {
 public:
  explicit Scanner(const CsvLimits& limits) : limits_(limits) {}

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
    if (cr_pending_) resolve_cr(false);
    if (state_ == State::quoted) {
      bad("CSV parsing error: a quoted field opened in " + where() +
          " is never closed (unterminated quote at the end of the file)");
    }
    if (!seen_text_) bad("Empty CSV file");
    if (in_header_) {
      end_header_field();  // the header is the whole file: its last field is still open
      end_header();
    } else if (offset_ > record_start_) {  // a last record without a line ending
      check_field(offset_);
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
    if (!is_blank(c)) seen_text_ = true;
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
      if (c == '\n') line_end(Eol::lf, 0);
      cr_pending_ = c == '\r';
      cr_at_ = offset_ - 1;
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
    state_ = State::field_start;
    field_start_ = record_start_ = offset_;
    check_column_count(false);
  }

  // The body, 16 bytes at a time: only the bytes that can change the state (`,` `"` CR LF) are
  // visited, by their positions; fields are measured from those positions.
  void scan_body(const char* p, const char* stop) {
    const std::uint64_t base = offset_;  // the file offset of p
    if (!seen_text_) seen_text_ = std::any_of(p, stop, [](char c) { return !is_blank(c); });
    for (const char* block = p; block < stop; block += 16) {
      std::uint32_t mask = special_mask(block, std::min<std::ptrdiff_t>(16, stop - block));
      while (mask != 0) {
        const int i = __builtin_ctz(mask);
        mask &= mask - 1;
        special(block[i], base + static_cast<std::uint64_t>(block + i - p));
      }
    }
    offset_ = base + static_cast<std::uint64_t>(stop - p);
  }

  static std::uint32_t special_mask(const char* block, std::ptrdiff_t n) {
#if defined(__SSE2__)
    if (n == 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
      const __m128i hits = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
          _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
      return static_cast<std::uint32_t>(_mm_movemask_epi8(hits));
    }
#endif
    std::uint32_t mask = 0;
    for (std::ptrdiff_t i = 0; i < n; ++i) {
      const char c = block[i];
      if (c == ',' || c == '"' || c == '\n' || c == '\r') mask |= 1u << i;
    }
    return mask;
  }

  // One state-changing byte `c` at file offset `at`.
  void special(char c, std::uint64_t at) {
    if (cr_pending_ && !(c == '\n' && at == cr_at_ + 1)) resolve_cr(false);
    switch (state_) {
      case State::quoted:
        if (c == '"') {
          state_ = State::quote_in_quoted;
          quote_at_ = at;
        }
        return;
      case State::quote_in_quoted:
        if (c == '"' && at == quote_at_ + 1) {  // an escaped quote inside the quoted field
          state_ = State::quoted;
          return;
        }
        state_ = State::unquoted;
        break;
      default:
        break;
    }
    if (c == '"') {
      // Only a quote that opens a field starts quoting; elsewhere it is text.
      state_ = at == field_start_ ? State::quoted : State::unquoted;
    } else if (c == ',') {
      end_body_field(at);
    } else if (c == '\r') {
      end_body_field(at);
      end_record(at);
      cr_pending_ = true;
      cr_at_ = at;
    } else if (cr_pending_) {  // the LF of a CRLF
      resolve_cr(true);
    } else {
      end_body_field(at);
      line_end(Eol::lf, records_ + 1);
      end_record(at);
    }
  }

  // The CR at cr_at_ ended a record; `crlf` when an LF followed it at once.
  void resolve_cr(bool crlf) {
    cr_pending_ = false;
    line_end(crlf ? Eol::crlf : Eol::cr, records_);
    if (crlf) field_start_ = record_start_ = cr_at_ + 2;
  }

  void check_field(std::uint64_t end) {
    if (end - field_start_ <= limits_.max_cell_bytes) return;
    too_large("A CSV field in " + where() + " is larger than " +
              bytes_text(limits_.max_cell_bytes) +
              ", the limit for one field; set AXIS_MAX_CSV_CELL_BYTES to raise it");
  }

  void end_body_field(std::uint64_t at) {
    check_field(at);
    field_start_ = at + 1;
    state_ = State::field_start;
  }

  void end_record(std::uint64_t at) {
    ++records_;
    record_start_ = at + 1;
  }

  static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

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
  State state_ = State::field_start;
  bool in_header_ = true, bom_ok_ = true, seen_text_ = false;
  bool cr_pending_ = false;  // a CR ended the last record; is an LF next?
  std::uint64_t cr_at_ = 0, quote_at_ = 0, field_start_ = 0, record_start_ = 0;
  std::uint64_t offset_ = 0, header_bytes_ = 0, records_ = 0;
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
    if (!util::is_valid_utf8(name)) bad("CSV parsing error: the header row is not valid UTF-8");
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
