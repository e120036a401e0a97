// Reading a model's reply that was asked to be JSON: models often wrap it in a ``` fence
// (```json ... ```), which is removed before parsing. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace axis::llm {

// The text inside the first ``` fence (its language tag dropped), or the text itself when it
// has no complete fence.
std::string strip_code_fences(std::string_view text);

// The reply parsed as JSON after strip_code_fences; a discarded value (is_discarded()) when it
// is not JSON.
nlohmann::ordered_json parse_json_reply(std::string_view text);

}  // namespace axis::llm
