// ReportService: extraction, the streamed report call and the concurrent insights call, reported
// step by step through ReportEvents (the thoughts extract-1, extract-2, generate-1, complete-1).
// Thread-safe; one instance serves every request.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copilot/thought.h"
#include "reports/report_request.h"

namespace axis::datasets { class DatasetCatalog; }
namespace axis::llm {
class LlmClient;
class Providers;
}

namespace axis::reports {

struct ReportEvents {
  std::function<void(const copilot::Thought&)> on_thought;
  std::function<void(std::string_view)> on_token;
  std::function<void(const Json&)> on_insights;
  std::function<bool()> cancelled;
};

struct ReportOutcome {
  bool success = false;
  bool cancelled = false;
  std::string error;
  std::string report_text;
  long long issues_analyzed = 0;
  std::vector<std::string> metrics_covered;
  std::optional<Json> insights;
};

class ReportService {
 public:
  ReportService(const llm::Providers& providers, datasets::DatasetCatalog* catalog)
      : providers_(providers), catalog_(catalog) {}

  // The rows of the request: posted `data`, else the stored dataset's rows. Throws
  // util::HttpError 400 `no_data_message` when there are none, 404 for an unknown dataset.
  Json rows_for(const ReportRequest& request, const std::string& no_data_message) const;
  // The request's provider; throws util::HttpError 400 "LLM provider 'x' is not configured.
  // Available: [...]".
  const llm::LlmClient& client_for(const ReportRequest& request) const;
  ReportOutcome generate(const ReportRequest& request, const Json& rows, const ReportEvents& events) const;

 private:
  const llm::Providers& providers_;
  datasets::DatasetCatalog* catalog_;
};

}  // namespace axis::reports
