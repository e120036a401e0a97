// ReviewService: a reviewer's verdict on a trace written back to Langfuse as scores, optionally
// with a golden dataset item (spec/plugins.md §3.5), and the reviews and datasets views.
// Errors as ReplayService's. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>  // a Json member

#include <optional>
#include <string>
#include <vector>

#include "plugins/agent_replay/replay_service.h"

namespace axis::plugins::agent_replay {

inline constexpr std::size_t kReviewTextMax = 2000;
inline constexpr std::size_t kDatasetNameMax = 200;

struct ReviewRequest {
  std::string trace_id;
  std::optional<std::string> agent, agent_label;
  std::string verdict;  // positive | negative | neutral
  std::optional<std::string> failure_observation_id, failure_observation_name;
  std::string tooling_needs, rationale, expected_output;
  Json trace_input;  // null when absent
  bool add_to_dataset = false;
  std::optional<std::string> dataset_name;
};

// One score to create: a NUMERIC value or a CATEGORICAL text.
struct PlannedScore {
  std::string name;
  std::optional<double> value;        // NUMERIC
  std::optional<std::string> text;    // CATEGORICAL
  std::optional<std::string> comment;
  std::optional<std::string> observation_id;
};

// The scores of a review, in the order they are created.
std::vector<PlannedScore> review_scores(const ReviewRequest& review);
// The dataset a review adds its item to: the failure name, else dataset_name, else
// "<agent_label|agent|default>-golden-<year_month>" (year_month "YYYY-MM").
std::string review_dataset_name(const ReviewRequest& review, const std::string& year_month);
// The dataset item (POST dataset-items body) for that dataset.
Json review_dataset_item(const ReviewRequest& review, const std::string& dataset_name,
                         const std::string& year_month);

class ReviewService {
 public:
  explicit ReviewService(const ReplayService& replay) : replay_(replay) {}

  // {success,trace_id,scores_created,dataset_item_created,dataset_name,scores}.
  Json submit(const ReviewRequest& review) const;
  // {trace_id,scores,datasets}; nullopt when the trace does not exist.
  std::optional<Json> reviews(const std::string& trace_id, const std::optional<std::string>& agent) const;
  // {datasets:[{name,id,item_count,created_at}]}.
  Json datasets(const std::optional<std::string>& agent) const;

 private:
  const ReplayService& replay_;
};

}  // namespace axis::plugins::agent_replay
