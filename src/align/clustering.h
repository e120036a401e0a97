// Pattern clustering of the human's notes (spec/ai.md §4.3, method "llm"): the model groups the
// notes into named categories; categories with fewer than two records are dropped; a second
// call distils the survivors into at most three learnings, which are checked, deduplicated and
// sorted by confidence. Blocking; thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace axis::llm { class LlmClient; }

namespace axis::align {

using Json = nlohmann::ordered_json;

inline constexpr std::size_t kMinCategorySize = 2;
inline constexpr std::size_t kMaxLearnings = 3;
inline constexpr std::size_t kMaxClusterNotes = 500;       // notes sent to the model
inline constexpr std::size_t kMaxClusterNoteChars = 1000;  // characters of each note sent

struct AnnotationNote {
  std::string record_id;
  int score = 0;
  std::string notes;  // not blank
};

// {success, patterns[{category, count, examples (notes), record_ids}], uncategorized[ids],
// learnings, pipeline_metadata{filtered_count, deduplicated_count, validation_repairs,
// total_analyzed, clustering_method}, message}. `notes` holds the non-blank ones (the first
// kMaxClusterNotes are analysed). Throws util::HttpError 502 when a model call fails or its reply
// is not the JSON asked for.
Json cluster_patterns(const llm::LlmClient& client, const std::string& model,
                      const std::vector<AnnotationNote>& notes, const std::string& domain_context);

// The reply when there are no notes: success with nothing found.
Json no_notes_reply();

// The learnings of a model's reply, repaired: unknown supporting ids removed, confidence clamped
// to [0, 1] (missing → 0.5), missing lists made empty; each fix counts one repair. Then
// deduplicated by lower-cased title, sorted by confidence (highest first), at most
// kMaxLearnings. `known_ids` are the record ids of the surviving patterns.
Json checked_learnings(const Json& proposed, const std::vector<std::string>& known_ids, int& repairs,
                       int& duplicates);

}  // namespace axis::align
