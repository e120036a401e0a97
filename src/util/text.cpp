#include "util/text.h"

namespace axis::util {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::string_view without_trailing_semicolons(std::string_view sql) {
  const auto last = sql.find_last_not_of("; \t\r\n");
  return last == std::string_view::npos ? std::string_view{} : sql.substr(0, last + 1);
}

}  // namespace axis::util
