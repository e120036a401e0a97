#include "ingest/csv_header.h"

#include <fstream>
#include <set>

#include "http/encoding.h"
#include "http/http_error.h"

namespace axis::ingest {
namespace {

constexpr std::size_t kMaxHeaderBytes = 1 << 20;

[[noreturn]] void bad(const std::string& why) { throw http::HttpError(400, why); }

}  // namespace

std::vector<std::string> read_csv_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) bad("Uploaded file could not be read");
  std::string text;
  text.resize(kMaxHeaderBytes);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) bad("Empty CSV file");
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;

  std::vector<std::string> columns;
  std::string cell;
  bool quoted = false, ended = false;
  for (; i < text.size() && !ended; ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { cell.push_back('"'); ++i; }
      else if (c == '"') quoted = false;
      else cell.push_back(c);
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      columns.push_back(cell);
      cell.clear();
    } else if (c == '\n' || c == '\r') {
      ended = true;
    } else {
      cell.push_back(c);
    }
  }
  if (quoted) bad("CSV parsing error: unterminated quote in the header row");
  if (!ended && text.size() == kMaxHeaderBytes) bad("CSV parsing error: header row longer than 1 MiB");
  columns.push_back(cell);

  std::set<std::string> seen;
  std::vector<std::string> duplicates;
  for (std::string& name : columns) {
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(0, 1);
    if (!http::is_valid_utf8(name)) bad("CSV parsing error: the header row is not valid UTF-8");
    if (name.empty()) bad("CSV parsing error: the header row has an empty column name");
    if (!seen.insert(name).second) duplicates.push_back(name);
  }
  if (!duplicates.empty()) {
    std::string list;
    for (const auto& d : duplicates) list += (list.empty() ? "" : ", ") + d;
    bad("Duplicate column names: " + list);
  }
  return columns;
}

}  // namespace axis::ingest
