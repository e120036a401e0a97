// Parses a request body as JSON for handlers, with the 422 errors spec/api.md §1 describes.
#pragma once

#include <nlohmann/json_fwd.hpp>

namespace axis::http {

struct Request;

// The body as JSON. Throws util::HttpError(422) listing one issue: "missing" for an empty body,
// "utf8_invalid" for bytes that are not UTF-8, "json_invalid" (with the byte offset in loc) for
// malformed JSON or a number beyond the double range (1e400).
// Object keys keep the order they were sent in (column order matters to callers).
nlohmann::ordered_json parse_json_body(const Request& req);

// What check_json_body learnt about a body while reading it.
struct JsonBodyFacts {
  bool repeated_keys = false;  // some object repeats a key (a parsed tree keeps the last value)
};

// Checks that the body is JSON, with the same 422s as parse_json_body, without building a tree:
// a fraction of the time and memory for a large body that is handed on as text.
JsonBodyFacts check_json_body(const Request& req);

}  // namespace axis::http
