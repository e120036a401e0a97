// The reply schemas of the agent replay plugin's routes (/api/agent-replay), merged into the
// others by reply_schemas().
#pragma once

#include "api/schemas/schema_builders.h"

namespace axis::api::schema {

Components agent_replay_schemas();

}  // namespace axis::api::schema
