// Small text helpers shared across the server.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace axis::util {

// `text` without its leading and trailing spaces, tabs, CRs and LFs.
std::string_view trim(std::string_view text);

// True when `text` is empty or only spaces, tabs, CRs and LFs.
inline bool is_blank(std::string_view text) { return trim(text).empty(); }

// A SQL statement without its trailing semicolons and whitespace.
std::string_view without_trailing_semicolons(std::string_view sql);

// A number as Python's repr() prints a float: the shortest digits that read back exactly, in
// fixed notation for decimal exponents in [-4, 16) (1 → "1.0", 1e15 → "1000000000000000.0"),
// else as d.ddde±XX (1e-05, 1e+16); "nan", "inf", "-inf".
std::string python_float(double value);

// Python's repr() of a str: single quotes, or double quotes when the text holds a single quote
// and no double quote; backslash, the quote, \n, \r, \t and other ASCII control characters
// escaped; other bytes as they are.
std::string python_repr(std::string_view text);

// `text` with A-Z lowered (other bytes, UTF-8 included, unchanged).
std::string ascii_lower(std::string_view text);

// The first `max_chars` characters (UTF-8 code points) of `text`, with "..." appended when
// anything was cut; a cut never splits a character.
std::string truncate_chars(std::string_view text, std::size_t max_chars);

// Decodes %XX escapes (and '+' as space when form is true). nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view text, bool form = false);

// Splits "a=1&b=two" into decoded pairs; malformed pairs are kept raw.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);

// True when text is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// An integer with thousands separators: 20005 -> "20,005".
std::string thousands(long long value);

// The first `max_names` of `names` joined by ", ", then " and N more" when some were left out:
// error messages name a few columns, never a whole 100,000-column header.
std::string name_list(const std::vector<std::string>& names, std::size_t max_names = 20);

// `text` with every occurrence of `from` replaced by `to`, left to right, never rescanning
// replaced text; an empty `from` changes nothing.
std::string replace_all(std::string text, std::string_view from, std::string_view to);

// Whether `names` holds `name` (exact match).
bool contains(const std::vector<std::string>& names, std::string_view name);

}  // namespace axis::util
