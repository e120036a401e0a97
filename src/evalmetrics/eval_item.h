// One dataset row to score, already mapped from the dataset's columns.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace axis::evalmetrics {

struct EvalItem {
  std::string id, query, actual_output, expected_output;
  std::vector<std::string> retrieved_content;
  std::optional<double> latency;
  std::vector<std::string> tools_called, expected_tools;
  std::string acceptance_criteria, conversation, additional_input, document_text;
  std::vector<std::string> actual_reference, expected_reference;  // rankings for retrieval metrics
};

// True when the field is present and non-empty: a text that is not blank, a list with an
// element that is not blank, a latency that is set and finite. Names are the spec's: id (also
// dataset_id), query, actual_output, expected_output, retrieved_content, latency,
// tools_called, expected_tools, acceptance_criteria, conversation, additional_input,
// document_text, actual_reference, expected_reference, and actual_ranking, the ranking the
// retrieval metrics read (actual_reference, or retrieved_content when that is empty).
// Unknown names → false.
bool has_field(const EvalItem& item, std::string_view field);

// The ranking the retrieval metrics score: actual_reference, or retrieved_content when
// actual_reference has no non-blank element.
const std::vector<std::string>& actual_ranking(const EvalItem& item);

// A list cell as its elements: a JSON array gives its elements (strings as they are, other
// values as compact JSON); a Python list literal (['a', 'b']) likewise; any other text is split
// at commas and line breaks. Elements are trimmed and blank ones dropped; a blank cell → {}.
std::vector<std::string> split_list(std::string_view cell);

}  // namespace axis::evalmetrics
