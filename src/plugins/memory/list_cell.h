// The list cells of a rules CSV (mitigants, data_fields): what the reference's
// _parse_list_field makes of one cell (spec plugins.md §2.2).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace axis::plugins::memory {

// "" / "[]" / "None" → []; a Python literal (ast.literal_eval: strings, numbers, True, False,
// None, lists, tuples, dicts) or else a JSON value that is a list → its items as Python's str()
// shows them ("['a', 1]" → ["a", "1"], '[["x"]]' → ["['x']"]); any other literal → [str(value)];
// anything else → [the whole cell]. Commas are never split. Pure; thread-safe.
std::vector<std::string> parse_list_cell(const std::string& cell);

// A value of a list role as stored: a JSON array of strings stays as it is, a string is parsed
// with parse_list_cell, null is [], anything else is kept (a number sent in a rule body).
nlohmann::ordered_json list_role_value(const nlohmann::ordered_json& value);

}  // namespace axis::plugins::memory
