// Case-level fields derived from a case's first row (spec data.md §2.7 Cases).
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace axis::signals {

// A short label for a case from its first message: the rest of the line after the first
// "New <word> case:" (trimmed), else the first non-blank line trimmed to 80 characters, else
// "Unknown".
std::string case_label(std::string_view first_message);

// Message_Count from a conversation_stats cell: turn_count when it is a number, else
// user_message_count + ai_message_count (a missing one counts 0) when either is a number,
// else 0.
std::int64_t message_count(const std::optional<std::string>& conversation_stats);

// The messages of a conversation cell ({"messages": [...]}); an empty array when the cell is
// missing, unreadable or has no message list.
nlohmann::ordered_json conversation_messages(const std::optional<std::string>& conversation);

}  // namespace axis::signals
