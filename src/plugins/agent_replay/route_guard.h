// What every agent replay data route does around its work: the AGENT_REPLAY_ENABLED gate (403)
// and the errors of the services as HTTP statuses (missing credentials and an unusable search
// DB 503, Langfuse failures 500). Messages never carry a key.
#pragma once

#include <functional>

#include "http/response.h"

namespace axis::plugins::agent_replay {

class ReplayService;

inline constexpr const char* kDisabledMessage =
    "Agent Replay is disabled. Set AGENT_REPLAY_ENABLED=true to enable.";

// Runs `work` (after the gate when `gated`), translating the services' errors to HttpError.
http::Response guarded(const ReplayService& replay, bool gated,
                       const std::function<http::Response()>& work);

}  // namespace axis::plugins::agent_replay
