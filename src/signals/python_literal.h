// Reads the Python literal syntax that exported human-signals cells often use instead of JSON
// (single quotes, True/False/None, tuples), as Python's ast.literal_eval would, into JSON.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string_view>

namespace axis::signals {

// The value of one Python literal filling all of `text` (surrounding whitespace allowed):
// dicts (keys in written order; int/float/bool/None keys become their JSON text as
// json.dumps writes them), lists, tuples and sets (as arrays), strings (quotes ' " ''' """,
// prefixes r/u, adjacent pieces joined, escapes decoded, lone surrogates as U+FFFD), ints
// (also 0x/0o/0b and `_` separators), floats, True, False, None, with unary +/- on numbers.
// nullopt for anything else (names, calls, bytes, complex numbers, nesting deeper than 200).
std::optional<nlohmann::ordered_json> parse_python_literal(std::string_view text);

}  // namespace axis::signals
