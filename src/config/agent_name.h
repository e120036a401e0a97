// Agent names as Langfuse credential sets and the agent replay search DB use them.
#pragma once

#include <string>
#include <string_view>

namespace axis::config {

// `name` trimmed, lowercased, with '-' turned into '_': "  My-Agent " → "my_agent".
std::string canonical_agent_name(std::string_view name);

}  // namespace axis::config
