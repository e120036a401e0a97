// Reading the structured cells of a human-signals upload (signals, conversation,
// additional_input, ...) and writing structured values back as text.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace axis::signals {

// A cell holding an object or an array: JSON first, then a Python literal (single quotes,
// True/False/None). nullopt for an empty cell, for JSON that is a scalar (a quoted string or a
// number is not parsed further), for text that is neither, and for nesting deeper than 200.
std::optional<nlohmann::ordered_json> parse_structured(std::string_view text);

// JSON text with ", " and ": " separators (the layout Python's json.dumps writes), keys in
// their stored order, UTF-8 kept as is, non-finite numbers as null.
std::string python_json_text(const nlohmann::ordered_json& value);

}  // namespace axis::signals
