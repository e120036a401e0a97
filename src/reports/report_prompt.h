// The report's prompt: a system message (analyst persona, the mode's focus, the report type's
// Markdown skeleton and length) and a user message (a metadata block and the issues grouped by
// metric, with a few examples each). Pure functions; unit-tested.
#pragma once

#include <string>

#include "reports/issue_extractor.h"

namespace axis::reports {

struct ReportPrompt {
  std::string system;
  std::string user;
};

ReportPrompt report_prompt(const ReportRequest& request, const Extraction& extraction);

// The issues as text: per metric (at most 20) its average (3 decimals), count and up to three
// examples with their id, score and shortened context.
std::string issues_text(const Json& issues);

}  // namespace axis::reports
