// Small text helpers shared across the server.
#pragma once

#include <string_view>

namespace axis::util {

// `text` without its leading and trailing spaces, tabs, CRs and LFs.
std::string_view trim(std::string_view text);

}  // namespace axis::util
