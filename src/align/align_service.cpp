#include "align/align_service.h"

#include <nlohmann/json.hpp>

#include <set>

#include "align/align_json.h"
#include "align/align_store.h"
#include "align/analyses.h"
#include "align/judge.h"
#include "align/statistics.h"
#include "llm/llm_client.h"
#include "llm/providers.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::align {

const llm::LlmClient& AlignService::client_for(const std::string& provider) const {
  if (const llm::LlmClient* client = providers_.find(provider)) return *client;
  throw util::HttpError(400, provider + " API key not configured. Set the appropriate environment variable.");
}

bool AlignService::configured(const std::string& provider) const { return providers_.has(provider); }

Evaluation AlignService::evaluate(const std::vector<AlignRecord>& records,
                                  const std::map<std::string, int>& annotations, JudgeConfig config) const {
  if (annotations.empty()) throw util::HttpError(400, "No human annotations provided");
  const llm::LlmClient& client = client_for(config.provider);
  std::vector<JudgeItem> items;
  std::set<std::string> seen;
  for (const auto& record : records) {
    const auto label = annotations.find(record.id);
    if (label == annotations.end() || !seen.insert(record.id).second) continue;
    items.push_back({record, label->second});
  }
  if (items.empty()) {
    throw util::HttpError(400, "None of the records has a human annotation (records are matched by dataset_id or id)");
  }
  config.model = llm::model_for(client, config.model, llm::kAlignJudgeModels);
  Evaluation out;
  out.results = run_judge(client, config, items);
  out.metrics = alignment_metrics(out.results);
  if (store_) {
    out.run_id = store_->save_run({config.name, config.model, config.provider,
                                   util::json_text(judge_config_json(config)),
                                   util::json_text(metrics_json(out.metrics)), &out.results});
  }
  return out;
}

Json AlignService::analyze_misalignment(const std::vector<AlignmentResult>& results,
                                        const JudgeConfig& config) const {
  const llm::LlmClient& client = client_for(config.provider);
  return align::analyze_misalignment(client, llm::model_for(client, config.model, llm::kAlignJudgeModels),
                                     results, config);
}

Json AlignService::optimize_prompt(const std::vector<AlignmentResult>& results, const JudgeConfig& config) const {
  const llm::LlmClient& client = client_for(config.provider);
  return align::optimize_prompt(client, llm::model_for(client, config.model, llm::kAlignJudgeModels),
                                results, config);
}

Json AlignService::cluster_patterns(const std::vector<AnnotationNote>& notes, const std::string& provider,
                                    const std::string& model, const std::string& domain_context) const {
  if (notes.empty()) return no_notes_reply();
  const llm::LlmClient* client = nullptr;
  if (!provider.empty()) client = &client_for(provider);
  else if (!(client = providers_.preferred())) client = &client_for("openai");
  return align::cluster_patterns(*client, llm::model_for(*client, model, llm::kAlignClusterModels), notes,
                                 domain_context);
}

std::int64_t AlignService::saved_config_count() const { return store_ ? store_->config_count() : 0; }

}  // namespace axis::align
