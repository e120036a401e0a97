// AlignService: CaliberHQ's work behind /api/align — provider checks, judging records and
// storing the run, the statistics, and the model's analyses. Saved configurations, labels and
// runs live in AlignStore (null when the store is disabled: evaluations then are not stored).
// Thread-safe; one instance serves every request; the LLM calls block.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "align/align_types.h"
#include "align/clustering.h"
#include "align/few_shot.h"

namespace axis::llm {
class LlmClient;
class Providers;
}

namespace axis::align {

class AlignStore;

struct Evaluation {
  std::vector<AlignmentResult> results;
  AlignmentMetrics metrics;
  std::optional<std::string> run_id;  // null without a store
};

class AlignService {
 public:
  AlignService(const llm::Providers& providers, const AlignStore* store)
      : providers_(providers), store_(store) {}

  // The provider's client; throws util::HttpError 400 "<provider> API key not configured. Set
  // the appropriate environment variable." when its key is not set.
  const llm::LlmClient& client_for(const std::string& provider) const;
  bool configured(const std::string& provider) const;

  // Judges the records that have a human label (400 "No human annotations provided" when there
  // are none; 400 when no record has one; 400 for an unconfigured provider), computes the
  // metrics and stores the run when there is a store. `config.model` is fitted to the provider
  // (llm::kAlignJudgeModels).
  Evaluation evaluate(const std::vector<AlignRecord>& records, const std::map<std::string, int>& annotations,
                      JudgeConfig config) const;

  // The model's analysis of the misaligned results, and an optimised prompt, with the judge's model
  // (align/analyses.h; 400 for an unconfigured provider, 502 when the model fails).
  Json analyze_misalignment(const std::vector<AlignmentResult>& results, const JudgeConfig& config) const;
  Json optimize_prompt(const std::vector<AlignmentResult>& results, const JudgeConfig& config) const;

  // Clusters the notes (align/clustering.h). `provider` empty: the preferred configured one.
  // No notes → no_notes_reply() without a model call or a provider check.
  Json cluster_patterns(const std::vector<AnnotationNote>& notes, const std::string& provider,
                        const std::string& model, const std::string& domain_context) const;

  std::int64_t saved_config_count() const;  // 0 without a store

 private:
  const llm::Providers& providers_;
  const AlignStore* store_;
};

}  // namespace axis::align
