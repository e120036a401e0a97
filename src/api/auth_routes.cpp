// GET /api/auth/status: whether this server asks for credentials and whether the request
// carries good ones. Open even when authentication is on, so the web UI knows to ask.
#include <nlohmann/json.hpp>

#include "api/routes.h"
#include "http/auth.h"
#include "http/router.h"
#include "util/json_text.h"

namespace axis::api {

void register_auth_routes(http::Router& router, const http::AuthPolicy& auth) {
  router.add("GET", "/api/auth/status", [&auth](const http::Request& req) {
    const auto& policy = auth;
    const http::AuthDecision decision = policy.check(req);
    const bool authenticated = !policy.enabled() || !decision.method.empty();
    const nlohmann::json body = {
        {"required", policy.enabled()},
        {"authenticated", authenticated},
        {"method", decision.method.empty() ? nlohmann::json(nullptr) : nlohmann::json(decision.method)},
        {"user", decision.method == "proxy" ? nlohmann::json(decision.user) : nlohmann::json(nullptr)},
        {"token_login", policy.tokens_enabled()}};
    return http::Response::json(util::json_text(body));
  }, {"auth", "Whether /api needs credentials and whether this request has them",
      http::BodyKind::none, {}, "AuthStatusReply"}, false);
}

}  // namespace axis::api
