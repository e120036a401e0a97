// /api/ai and /api/reports status replies (api/ai_routes.cpp, api/report_routes.cpp).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {

Components ai_schemas() {
  Components c;
  c.add("AiStatusReply",
        object({{"configured", boolean()},
                {"model", str()},
                {"copilot_model", described(nullable(str()), "The model the copilot calls; null without a provider")},
                {"providers", object({{"openai", boolean()}, {"anthropic", boolean()}})},
                {"features", object({{"chat", boolean()}, {"query", boolean()}, {"analyze", boolean()},
                                     {"stream", boolean()}, {"copilot", boolean()}})}}));
  c.add("CopilotMessage", object({{"role", one_of({"user", "assistant"})},
                                  {"content", str()},
                                  {"created_at", str()}}));
  c.add("CopilotHistoryReply", object({{"session_id", str()}, {"messages", array_of(ref("CopilotMessage"))}}));
  c.add("CopilotHistoryDeleteReply", object({{"success", boolean()}, {"session_id", str()}, {"removed", integer()}}));
  c.add("ReportsStatusReply", object({{"available", boolean()},
                                      {"providers", array_of(str())},
                                      {"default_model", str()},
                                      {"report_types", array_of(str())},
                                      {"report_modes", array_of(str())},
                                      {"available_context_fields", array_of(str())}}));
  return c;
}

}  // namespace axis::api::schema
