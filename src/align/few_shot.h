// Few-shot example suggestion (spec/ai.md §4.3, no LLM): labelled records picked as examples
// for the judge, about half accepted and half rejected. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "align/align_types.h"

namespace axis::align {

inline constexpr std::uint64_t kSuggestSeed = 0x41584953;  // the default shuffle seed

struct LabelledRecord {
  AlignRecord record;
  int score = 0;  // the human's label
};

struct Suggestion {
  std::vector<FewShotExample> examples;
  std::string strategy_used;  // balanced | recent | edge_cases
};

const std::vector<std::string>& suggestion_strategies();  // diverse, representative, edge_cases, recent

// Picks up to `count` examples from `records`:
// - balanced (diverse, representative, and edge_cases without results): ⌊count/2⌋ accepted and
//   the rest rejected, each drawn by a seeded Fisher–Yates shuffle (SplitMix64(seed)); a side
//   that runs short is topped up from the other;
// - recent: the same split, the latest records (last in the file) first;
// - edge_cases with `results`: the records the judge got wrong (in the results' order) first,
//   then topped up as balanced.
// Examples are ordered accepted first, then rejected; reasoning "Accepted based on human
// evaluation." / "Rejected based on human evaluation.".
Suggestion suggest_examples(const std::vector<LabelledRecord>& records, const std::string& strategy,
                            int count, const std::vector<AlignmentResult>* results = nullptr,
                            std::uint64_t seed = kSuggestSeed);

}  // namespace axis::align
