// Thought: one step of the copilot's (or a report's) work as the user watches it —
// {id, type, content, node_name, skill_name, metadata, timestamp, color}, colour by type.
#pragma once

#include <string>

namespace axis::copilot {

struct Thought {
  std::string id;
  std::string type;        // reasoning | tool_use | observation | planning | reflection |
                           // decision | error | success
  std::string content;
  std::string node_name;   // "" = null
  std::string skill_name;  // "" = null
  std::string metadata_json = "{}";
  std::string timestamp;   // ISO 8601 UTC without zone; may be ""
  std::string color;
};

// The colour of a thought type (#6B7280 for unknown types).
std::string thought_color(const std::string& type);
// A thought with a fresh uuid4 id and the current time.
Thought make_thought(std::string type, std::string content, std::string node_name = "",
                     std::string skill_name = "", std::string metadata_json = "{}");
std::string thought_json(const Thought& t);
// "2026-11-26T13:28:26.123456"
std::string naive_utc_now();

}  // namespace axis::copilot
