// The /api/analytics computations over rows posted in the request body (the compatibility path
// when no stored dataset is used): metrics are the numeric columns — every non-null value a
// number, booleans and identifier columns excluded — in first-seen column order.
// Pure functions of the JSON rows; thread-safe. Errors are util::HttpError 400.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "analytics/analytics_results.h"

namespace axis::analytics {

// rows: a JSON array; elements that are not objects count as rows without values.
SummaryResult posted_summary(const nlohmann::ordered_json& rows);
DistributionResult posted_distribution(const nlohmann::ordered_json& rows,
                                       const std::string& metric, int bins);
GroupComparisonResult posted_comparison(const nlohmann::ordered_json& rows,
                                        const std::string& group_by,
                                        const std::vector<std::string>& metrics);
CorrelationResult posted_correlation(const nlohmann::ordered_json& rows,
                                     const std::vector<std::string>& metrics);
RadarResult posted_radar(const nlohmann::ordered_json& rows,
                         const std::vector<std::string>& metrics,
                         const std::optional<std::string>& group_by);
ScatterResult posted_scatter(const nlohmann::ordered_json& rows, const std::string& x_metric,
                             const std::string& y_metric,
                             const std::optional<std::string>& color_by);

}  // namespace axis::analytics
