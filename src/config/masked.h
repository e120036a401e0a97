// Views of the configuration that are safe to log or send to a browser.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "config/settings.h"

namespace axis::config {

// The shown form of any secret: "********" when `secret` is non-empty, "" otherwise.
std::string mask_secret(const std::string& secret);

// `url` with the password of its userinfo (scheme://user:password@host) and any `password=`
// query parameter replaced by "********". Everything else, the user name included, is kept.
// A URL without a password comes back unchanged.
std::string mask_url(const std::string& url);

// All of `settings` as JSON, nested by section: server, store, sources{eval_db, monitoring_db,
// human_signals_db, kpi_db, agent_replay_db}, theme{active}, agents (a count), ai, graph_db,
// langfuse, plugins_enabled, warnings. Every password, API key and Langfuse key is shown through
// mask_secret() and every URL through mask_url(); nothing else is hidden.
nlohmann::json masked_settings_json(const Settings& settings);

}  // namespace axis::config
