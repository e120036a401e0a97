// Typed query parameters with the 422 validation errors of spec/api.md §1.
#pragma once

#include <cstdint>
#include <string>

#include "http/request.h"

namespace axis::api {

// The integer query parameter `name`, or `fallback` when absent. Throws HttpError 422
// (int_parsing / greater_than_equal / less_than_equal) when it is not an integer in [min, max].
std::int64_t int_param(const http::Request& req, const std::string& name, std::int64_t fallback,
                       std::int64_t min, std::int64_t max);

}  // namespace axis::api
