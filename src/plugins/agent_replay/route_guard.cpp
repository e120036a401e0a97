#include "plugins/agent_replay/route_guard.h"

#include "plugins/agent_replay/replay_service.h"
#include "util/http_error.h"

namespace axis::plugins::agent_replay {

http::Response guarded(const ReplayService& replay, bool gated,
                       const std::function<http::Response()>& work) {
  if (gated && !replay.enabled()) throw util::HttpError(403, kDisabledMessage);
  try {
    return work();
  } catch (const MissingCredentials& e) {
    throw util::HttpError(503, e.what());
  } catch (const SearchDbNotConfigured& e) {
    throw util::HttpError(503, e.what());
  } catch (const SearchDbQueryError& e) {
    throw util::HttpError(503, e.what());
  } catch (const LangfuseError& e) {
    throw util::HttpError(500, e.what());
  }
}

}  // namespace axis::plugins::agent_replay
