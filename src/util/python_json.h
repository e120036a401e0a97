// JSON text exactly as Python's json.dumps(value, sort_keys=True) writes it with its defaults:
// separators ", " and ": ", ensure_ascii (every character outside space..'~' escaped as \uXXXX,
// surrogate pairs above U+FFFF), floats as Python prints them (1.0, 1e-05, Infinity). Used where
// a digest must match one a Python program computes over the same value.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace axis::util {

// `value` as json.dumps(value, sort_keys=True). Keys are sorted by code point (UTF-8 byte order
// is the same). Text that is not valid UTF-8 has its bad bytes written as U+FFFD. Thread-safe.
std::string python_json_dumps(const nlohmann::json& value);

// A string as json.dumps writes it with ensure_ascii: quoted, escaped.
std::string python_json_string(std::string_view text);

}  // namespace axis::util
