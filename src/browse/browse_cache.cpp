#include "browse/browse_cache.h"

#include <cstdio>

namespace axis::browse {
namespace {

// One value, tagged with its type so that 1 (integer), 1.0 and '1' differ.
void append_value(std::string& out, const store::Value& v) {
  out += '\x1f';
  if (std::holds_alternative<std::monostate>(v)) {
    out += 'n';
  } else if (const bool* b = std::get_if<bool>(&v)) {
    out += *b ? "bt" : "bf";
  } else if (const std::int64_t* i = std::get_if<std::int64_t>(&v)) {
    out += 'i' + std::to_string(*i);
  } else if (const double* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "d%.17g", *d);
    out += buf;
  } else {
    out += 's' + std::get<std::string>(v);
  }
}

}  // namespace

std::string cache_key(const std::string& kind, const std::string& table, const std::string& sql,
                      const std::vector<store::Value>& values) {
  std::string key = kind + '\x1e' + table + '\x1e' + sql;
  for (const auto& v : values) append_value(key, v);
  return key;
}

}  // namespace axis::browse
