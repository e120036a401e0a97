// The signals of one metric row as named values: nested category groups flattened, JSON-like
// strings decoded (spec data.md §1.5, §2.7).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace axis::signals {

// The signals of a parsed `signals` object, in written order. A string value holding a JSON or
// Python-literal object/array is replaced by that structure. A value shaped
// {category: [{name, value|score, ...}, ...], ...} (every value a list of objects with a
// non-empty string `name`) is replaced by one signal per item: name -> value (when the item
// has a `value` key, even null), else score, else null. A later signal of the same name
// replaces an earlier one in place.
nlohmann::ordered_json expand_signals(const nlohmann::ordered_json& signals);

// The schema type of a signal value: boolean, number, array, object or string.
std::string signal_type(const nlohmann::ordered_json& value);

// A decoded signal value as a case cell holds it: arrays, objects and strings holding one
// (category item values are not decoded by expand_signals) as JSON text (python_json_text),
// everything else unchanged.
nlohmann::ordered_json cell_value(const nlohmann::ordered_json& value);

}  // namespace axis::signals
