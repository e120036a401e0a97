#include "ingest/examples.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <map>

#include "util/http_error.h"

namespace axis::ingest {
namespace {

struct Example {
  std::string file, title, kind;
};

const std::map<std::string, Example>& examples() {
  static const std::map<std::string, Example> all = {
      {"model", {"example_model.csv", "Example model", ""}},
      {"comparison", {"example_model_comparison.csv", "Model comparison", ""}},
      {"annotation", {"annotation_sample.csv", "Annotation sample", "annotation"}},
      {"align", {"caliber_hq.csv", "Caliber HQ sample", "calibration"}},
  };
  return all;
}

std::string available() {
  std::string list;
  for (const auto& name : example_names()) list += (list.empty() ? "'" : ", '") + name + "'";
  return "[" + list + "]";
}

}  // namespace

const std::vector<std::string>& example_names() {
  static const std::vector<std::string> names = {"model", "comparison", "annotation", "align"};
  return names;
}

LoadResult load_example(ExampleStore& store, const std::string& directory,
                        const std::string& name) {
  auto it = examples().find(name);
  const std::string path = it == examples().end() ? "" : directory + "/" + it->second.file;
  if (path.empty() || !std::filesystem::is_regular_file(path)) {
    throw util::HttpError(404, "Dataset not found. Available: " + available());
  }
  const std::string source = "example:" + name;
  return store.stored<LoadResult>(
      source,
      [&](const datasets::DatasetInfo& existing) {
        return LoadResult{existing, "Example '" + name + "' with " +
                                        std::to_string(existing.row_count) + " rows"};
      },
      [&] {
        return DatasetLoader(store.catalog())
            .load({inspect_csv(path, CsvLimits{}), it->second.title, source, it->second.kind});
      });
}

void load_starter_examples(ExampleStore& store, const std::string& directory) {
  for (const char* name : {"comparison", "model"}) {
    if (store.catalog().find_by_source(std::string("example:") + name)) continue;
    try {
      auto loaded = load_example(store, directory, name);
      spdlog::info("stored example dataset '{}' ({} rows)", name, loaded.dataset.row_count);
    } catch (const std::exception& e) {
      spdlog::warn("example dataset '{}' not stored: {}", name, e.what());
    }
  }
}

}  // namespace axis::ingest
