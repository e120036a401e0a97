// Message digests as lower-case hex text (OpenSSL's libcrypto).
#pragma once

#include <string>
#include <string_view>

namespace axis::util {

// MD5 of `bytes` as 32 lower-case hex digits. For cache keys and change detection, never for
// secrets. Thread-safe.
std::string md5_hex(std::string_view bytes);

}  // namespace axis::util
