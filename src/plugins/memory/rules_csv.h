// Reading a rules CSV the way the reference's csv.DictReader does: RFC 4180 quoting with
// Python's lenient rules (a quote inside an unquoted field is text), \n, \r\n or \r between
// records, blank lines skipped, and no trimming — a UTF-8 BOM stays in the first column's name.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace axis::plugins::memory {

struct RulesCsv {
  std::vector<std::string> header;             // the first record, as written
  std::vector<std::vector<std::string>> rows;  // the records after it, blank lines left out
};

// Reads the file at `path` (a file ingest::inspect_csv accepted). Throws util::HttpError 400
// "File must be UTF-8 encoded CSV" when any byte sequence is not UTF-8, and 413 when there are
// more than `max_rows` records. Blocking; thread-safe.
RulesCsv read_rules_csv(const std::string& path, std::size_t max_rows);

// Throws the same 400 unless the file at `path` is UTF-8 (checked before the intake, whose own
// message for a non-UTF-8 header would otherwise come first).
void require_utf8_file(const std::string& path);

}  // namespace axis::plugins::memory
