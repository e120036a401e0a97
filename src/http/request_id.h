// Request ids: the client's X-Request-ID when it is safe to echo, otherwise a new random one.
#pragma once

#include <string>
#include <string_view>

namespace axis::http {

// Returns incoming when it is 1..128 characters of [A-Za-z0-9._:-]; else 32 random hex digits.
std::string request_id_for(std::string_view incoming);

}  // namespace axis::http
