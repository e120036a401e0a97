#include "evalmetrics/column_mapping.h"

#include "util/text.h"

namespace axis::evalmetrics {

const std::vector<MappingAliases>& mapping_aliases() {
  static const std::vector<MappingAliases> all = {
      {"dataset_id", {"record_id", "item_id", "row_id", "index"}},
      {"query", {"question", "input", "prompt", "user_input", "user_message"}},
      {"actual_output",
       {"output", "response", "answer", "assistant_response", "completion", "generated"}},
      {"expected_output", {"expected", "ground_truth", "reference", "target", "gold"}},
      {"retrieved_content", {"context", "retrieved", "documents", "chunks", "sources"}},
      {"conversation", {"messages", "chat_history", "dialog"}},
      {"latency", {"response_time", "duration", "time_ms"}},
      {"tools_called", {"tools", "function_calls", "actions"}},
      {"expected_tools", {"required_tools", "target_tools"}},
      {"acceptance_criteria", {"criteria", "requirements"}},
      {"additional_input", {"extra_input", "context", "additional_context"}},
      {"document_text", {"document", "doc_text", "text_content"}},
      {"actual_reference", {"reference", "citation", "source_reference"}},
      {"expected_reference", {"gold_reference", "target_reference"}},
      {"trace_id", {"traceid", "span_id"}},
      {"observation_id", {"observationid", "langfuse_id"}},
  };
  return all;
}

std::vector<std::pair<std::string, std::optional<std::string>>> suggest_mapping(
    const std::vector<std::string>& columns) {
  std::vector<std::string> lowered;
  lowered.reserve(columns.size());
  for (const std::string& column : columns) lowered.push_back(util::ascii_lower(column));
  const auto column_named = [&](std::string_view name) -> std::optional<std::string> {
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (lowered[c] == name) return columns[c];
    return std::nullopt;
  };
  std::vector<std::pair<std::string, std::optional<std::string>>> mapping;
  for (const MappingAliases& entry : mapping_aliases()) {
    std::optional<std::string> column = column_named(entry.key);
    for (std::size_t a = 0; !column && a < entry.aliases.size(); ++a)
      column = column_named(entry.aliases[a]);
    if (!column && (entry.key == "dataset_id" || entry.key == "query"))
      column = std::string(entry.key);
    mapping.emplace_back(std::string(entry.key), std::move(column));
  }
  return mapping;
}

}  // namespace axis::evalmetrics
