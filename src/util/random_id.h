// Random identifiers: 32 lower-case hex digits (128 bits) from a per-thread generator seeded by
// std::random_device. Not for secrets; for request ids, dataset ids and temp file names.
#pragma once

#include <string>

namespace axis::util {

std::string random_hex_id();

}  // namespace axis::util
