// Byte-level helpers for HTTP: gzip (percent-decoding, query strings and UTF-8 checks are in
// util/text.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace axis::http {

// True when an Accept-Encoding header value accepts gzip (q=0 refuses it).
bool accepts_gzip(std::string_view accept_encoding);
// gzip-compresses data (RFC 1952) at the given zlib level.
std::string gzip_compress(std::string_view data, int level = 6);
// Inverse of gzip_compress; used by tests and clients. Throws std::runtime_error on bad input.
std::string gzip_decompress(std::string_view data);

}  // namespace axis::http
