// Byte-level helpers for HTTP: percent-decoding, query strings, UTF-8 validation, gzip.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace axis::http {

// Decodes %XX escapes (and '+' as space when form is true). nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view text, bool form = false);
// Splits "a=1&b=two" into decoded pairs; malformed pairs are kept raw.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);
// True when text is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
bool is_valid_utf8(std::string_view text);
// True when an Accept-Encoding header value accepts gzip (q=0 refuses it).
bool accepts_gzip(std::string_view accept_encoding);
// gzip-compresses data (RFC 1952) at the given zlib level.
std::string gzip_compress(std::string_view data, int level = 6);
// Inverse of gzip_compress; used by tests and clients. Throws std::runtime_error on bad input.
std::string gzip_decompress(std::string_view data);

}  // namespace axis::http
