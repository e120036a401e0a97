// The top-level members of a JSON object found in its text, without building a tree: for a
// body of tens of megabytes whose large member is handed on as text (to DuckDB) and whose small
// members are parsed on their own. Pure functions; thread-safe; never throws on valid JSON.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace axis::util {

// The members of the object `json` holds: each decoded key → the text of its value, a view into
// `json`. `json` must be valid JSON (checked beforehand, e.g. by http::check_json_body); a UTF-8
// byte order mark and white space around the object are skipped. Anything but an object has no
// members. A key given twice keeps its last value, as a parsed tree would.
std::map<std::string, std::string_view> object_members(std::string_view json);

}  // namespace axis::util
