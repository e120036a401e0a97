#include "plugins/memory/rules_csv.h"

#include <fstream>
#include <sstream>

#include "util/http_error.h"
#include "util/text.h"

namespace axis::plugins::memory {
namespace {

std::string utf8_text_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw util::HttpError(400, "The uploaded file could not be read");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (!util::is_valid_utf8(text)) throw util::HttpError(400, "File must be UTF-8 encoded CSV");
  return text;
}

}  // namespace

void require_utf8_file(const std::string& path) { (void)utf8_text_of(path); }

RulesCsv read_rules_csv(const std::string& path, std::size_t max_rows) {
  const std::string text = utf8_text_of(path);
  RulesCsv out;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, at_field_start = true, header_done = false, record_has_content = false;

  const auto end_record = [&] {
    if (!record_has_content) return;  // a blank line: no record at all
    record.push_back(std::move(field));
    field.clear();
    if (!header_done) {
      out.header = std::move(record);
      header_done = true;
    } else {
      if (out.rows.size() >= max_rows)
        throw util::HttpError(413, "The rules file has more than " +
                                       util::thousands(static_cast<long long>(max_rows)) +
                                       " rules");
      out.rows.push_back(std::move(record));
    }
    record.clear();
    at_field_start = true;
    record_has_content = false;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"' && at_field_start) {
      quoted = true;
      at_field_start = false;
      record_has_content = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      at_field_start = true;
      record_has_content = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
    } else {
      field += c;
      at_field_start = false;
      record_has_content = true;
    }
  }
  end_record();
  return out;
}

}  // namespace axis::plugins::memory
