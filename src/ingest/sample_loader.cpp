#include "ingest/sample_loader.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>

#include "store/store.h"
#include "store/store_error.h"

namespace axis::ingest {
namespace fs = std::filesystem;

std::string sample_table_name(const std::string& filename) {
  std::string stem = fs::path(filename).stem().string();
  std::string clean;
  for (char c : stem) {
    const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    clean.push_back((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') ? l : '_');
  }
  if (clean.ends_with("_sample")) clean.resize(clean.size() - 7);
  return "sample_" + clean;
}

int load_bundled_samples(store::Store& store, const std::string& directory) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) return 0;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".csv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  int imported = 0;
  auto conn = store.connection();
  for (const fs::path& file : files) {
    const std::string table = sample_table_name(file.filename().string());
    auto known = conn->query("SELECT count(*) FROM _datasets WHERE name = ?", {table}).scalar();
    if (known && *known != "0") continue;
    try {
      conn->execute("BEGIN TRANSACTION");
      // The table name is derived above from [a-z0-9_] only; the path is a bound value.
      conn->query("CREATE OR REPLACE TABLE \"" + table +
                      "\" AS SELECT * FROM read_csv(?, header = true, sample_size = -1)",
                  {file.string()});
      auto rows = conn->execute("SELECT count(*) FROM \"" + table + "\"").scalar();
      conn->query(
          "INSERT INTO _datasets (name, kind, source, table_name, row_count) VALUES (?, ?, ?, ?, ?)",
          {table, std::string("sample"), file.filename().string(), table,
           static_cast<std::int64_t>(rows ? std::stoll(*rows) : 0)});
      conn->execute("COMMIT");
      ++imported;
    } catch (const store::StoreError& e) {
      conn->execute("ROLLBACK");
      spdlog::warn("sample {} not imported: {}", file.filename().string(), e.what());
    }
  }
  if (imported > 0) spdlog::info("imported {} bundled sample files", imported);
  return imported;
}

}  // namespace axis::ingest
