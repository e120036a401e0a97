// `axis-server sync [--dataset NAME] [--full]`: runs a sync against the configured store file
// and exits: 0 when every dataset synced, 1 when one failed (its error printed), 2 for an
// unknown or unconfigured dataset, 3 when the store cannot be opened (e.g. a server holds it).
#pragma once

#include <string>

#include "config/settings.h"

namespace axis::app {

int run_sync_command(const config::Settings& settings, const std::string& dataset, bool full);

}  // namespace axis::app
