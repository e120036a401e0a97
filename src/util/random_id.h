// Random identifiers: 32 lower-case hex digits (128 bits) from a per-thread generator seeded by
// std::random_device. Not for secrets; for request ids, dataset ids and temp file names.
#pragma once

#include <string>

namespace axis::util {

std::string random_hex_id();
// A random UUID, version 4: "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".
std::string uuid4();

}  // namespace axis::util
