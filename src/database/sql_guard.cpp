#include "database/sql_guard.h"

#include <cctype>
#include <string_view>

#include "util/http_error.h"
#include "util/text.h"

namespace axis::database {
namespace {

[[noreturn]] void unsafe(const std::string& why) {
  throw util::HttpError::field({"body", "query"}, "value_error",
                              "Unsafe SQL: " + why +
                                  ". Only one read-only statement (SELECT, WITH, ...) is allowed");
}

// Skips whitespace, -- and /* */ comments and opening parentheses.
std::size_t first_word(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == '(') {
      ++i;
    } else if (s.substr(i, 2) == "--") {
      const std::size_t nl = s.find('\n', i);
      i = nl == std::string_view::npos ? s.size() : nl + 1;
    } else if (s.substr(i, 2) == "/*") {
      const std::size_t end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 2;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

std::string checked_select(const std::string& sql) {
  const std::string q(util::without_trailing_semicolons(sql));
  if (first_word(q) >= q.size()) unsafe("the query is empty");
  if (q.find(';') != std::string::npos) unsafe("more than one statement (';')");
  const std::size_t start = first_word(q);
  std::size_t end = start;
  while (end < q.size() && (std::isalpha(static_cast<unsigned char>(q[end])) || q[end] == '_')) ++end;
  std::string word = q.substr(start, end - start);
  for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  static const char* const kWriting[] = {"INSERT", "UPDATE", "DELETE", "DROP", "ALTER", "TRUNCATE",
                                         "CREATE", "COPY", "GRANT", "REVOKE", "VACUUM", "CALL", "DO",
                                         "SET", "RESET", "LOCK", "MERGE", "BEGIN", "COMMIT",
                                         "ROLLBACK"};
  for (const char* w : kWriting) {
    if (word == w) unsafe(word + " statements are not allowed");
  }
  return q;
}

}  // namespace axis::database
