#include "copilot/thought.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>

#include "util/json_text.h"
#include "util/random_id.h"

namespace axis::copilot {

std::string thought_color(const std::string& type) {
  if (type == "reasoning") return "#3B82F6";
  if (type == "tool_use") return "#8B5CF6";
  if (type == "observation") return "#10B981";
  if (type == "planning") return "#F59E0B";
  if (type == "reflection") return "#6366F1";
  if (type == "decision") return "#EC4899";
  if (type == "error") return "#EF4444";
  if (type == "success") return "#22C55E";
  return "#6B7280";
}

std::string naive_utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t secs = std::chrono::system_clock::to_time_t(now);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() % 1000000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lld", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(micros));
  return buf;
}

Thought make_thought(std::string type, std::string content, std::string node_name,
                     std::string skill_name, std::string metadata_json) {
  Thought t;
  t.id = util::uuid4();
  t.color = thought_color(type);
  t.type = std::move(type);
  t.content = std::move(content);
  t.node_name = std::move(node_name);
  t.skill_name = std::move(skill_name);
  t.metadata_json = std::move(metadata_json);
  t.timestamp = naive_utc_now();
  return t;
}

std::string thought_json(const Thought& t) {
  using Json = nlohmann::ordered_json;
  const auto optional = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  Json metadata = Json::parse(t.metadata_json, nullptr, false);
  if (metadata.is_discarded()) metadata = Json::object();
  Json j = {{"id", t.id}, {"type", t.type}, {"content", t.content},
            {"node_name", optional(t.node_name)}, {"skill_name", optional(t.skill_name)},
            {"metadata", metadata}, {"timestamp", t.timestamp}, {"color", t.color}};
  return util::json_text(j);
}

}  // namespace axis::copilot
