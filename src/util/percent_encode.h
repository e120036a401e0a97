// RFC 3986 percent-encoding, for URL query values and path segments.
#pragma once

#include <string>
#include <string_view>

namespace axis::util {

// Every byte but the unreserved set (A-Z a-z 0-9 - . _ ~) becomes %XX.
std::string percent_encode(std::string_view text);

}  // namespace axis::util
