// The OpenAPI 3.1 document generated from the route table, and the /docs page that renders it.
#pragma once

#include <string>

namespace axis::http { class Router; }

namespace axis::api {

// Every registered route appears, with its path parameters, documented query parameters,
// request body kind and tag. Deterministic output (paths sorted).
std::string openapi_document(const http::Router& router);

// A self-contained HTML page (no external scripts) that fetches /openapi.json and lists it.
const std::string& docs_page();

}  // namespace axis::api
