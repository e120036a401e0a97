// JSON helpers shared by the wire formats (nlohmann stays inside src/llm).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace axis::llm {

using Json = nlohmann::json;

// Parses text as JSON, throwing LlmError(502) naming `what` when it is not JSON.
Json parse_reply_json(const std::string& text, const std::string& what);
// The text of j[key] when it is a string, else "".
std::string string_at(const Json& j, const char* key);
// A tool call's arguments as a JSON object (an unreadable text gives {}).
Json arguments_object(const std::string& text);
// "message" of an {"error": {"message": ...}} body, or the body's first 300 bytes.
std::string error_text(const std::string& body);

}  // namespace axis::llm
