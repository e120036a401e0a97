// The OpenAPI 3.1 document generated from the route table, and the /docs page that renders it.
#pragma once

#include <map>
#include <string>

namespace axis::http { class Router; }

namespace axis::api {

// Every registered route appears, with its path parameters, documented query parameters,
// request body kind, tag and, when the route declares one (RouteDoc::reply), the schema of its
// 200 reply as a $ref into components.schemas (api/schemas/). Deterministic output (keys sorted).
// `tag_descriptions` describe tags by name (the plugins' tags); the tag list is sorted by name.
std::string openapi_document(const http::Router& router,
                             const std::map<std::string, std::string>& tag_descriptions = {});

// Throws std::logic_error naming the first route whose declared reply is not a component
// schema, so a misspelt name stops the server at start-up instead of leaving a dangling $ref.
void check_reply_schemas(const http::Router& router);

// A self-contained HTML page (no external scripts) that fetches /openapi.json and lists it.
const std::string& docs_page();

}  // namespace axis::api
