// Posted rows for the analytics service tests: each JSON text is written to a temporary file
// (removed with the fixture) and handed to AnalyticsService as PostedRows, as the handler does.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "analytics/analytics_service.h"
#include "analytics/summary_tables.h"
#include "eval_fixture.h"
#include "util/random_id.h"
#include "util/scoped_path.h"

namespace axis::analytics::testing {

// A text in a temporary file, removed with the object.
class PostedFile {
 public:
  explicit PostedFile(const std::string& text)
      : file_((std::filesystem::temp_directory_path() /
               ("axis-posted-" + util::random_hex_id() + ".json")).string()) {
    std::ofstream(file_.path(), std::ios::binary) << text;
  }
  const std::string& path() const { return file_.path(); }

 private:
  util::ScopedPath file_;
};

class PostedRowsFixture : public ::testing::Test {
 protected:
  // The rows `json` (a JSON array) as the service's input.
  AnalyticsRows posted(const std::string& json) {
    files_.push_back(std::make_unique<PostedFile>(json));
    return PostedRows{files_.back()->path()};
  }

  AnalyticsService service(std::size_t max_columns = 2000) {
    return AnalyticsService(fixture_.catalog(), summaries_, max_columns);
  }

  EvalFixture fixture_;
  SummaryTables summaries_{fixture_.store()};
  std::vector<std::unique_ptr<PostedFile>> files_;
};

}  // namespace axis::analytics::testing
