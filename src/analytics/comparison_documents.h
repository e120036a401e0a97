// The JSON and Markdown files of the comparison export (ComparisonService::export_cases): the
// head (experiments, filters, metric comparison) rendered here, the case rows written by one
// DuckDB COPY into a side file and appended in fixed-size pieces. Not thread-safe per call
// (one request's connection and files).
#pragma once

#include <string>

#include "analytics/compared_cases.h"
#include "analytics/comparison_service.h"

namespace axis::store { class Connection; }

namespace axis::analytics {

// Writes the document of `format` (json or markdown) to `path`. `list` is the case list with
// its search and winner conditions; `comparison` the metric comparison of the same pair.
void write_comparison_document(store::Connection& conn, const CaseListSql& list,
                               const CompareCasesQuery& query, const ModelComparison& comparison,
                               ExportFormat format, const std::string& path);

// Text for a Markdown table cell: '\' and '|' escaped with '\', CR LF / LF / CR as <br>.
std::string markdown_cell(const std::string& text);

}  // namespace axis::analytics
