#include "http/request_id.h"

#include "util/random_id.h"

namespace axis::http {
namespace {

bool safe_to_echo(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string request_id_for(std::string_view incoming) {
  if (safe_to_echo(incoming)) return std::string(incoming);
  return util::random_hex_id();
}

}  // namespace axis::http
