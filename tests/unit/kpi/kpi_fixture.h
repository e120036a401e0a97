// An in-memory store and a temp folder for the KPI tests: CSV text is written to a file and
// loaded the way an upload is.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "datasets/catalog.h"
#include "kpi/kpi_loader.h"
#include "store/store.h"

namespace axis::kpi::testing {

class KpiFixture {
 public:
  KpiFixture() : store_({":memory:", "", 0, 4}), catalog_(store_) {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("axis-kpi-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
  }
  ~KpiFixture() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  store::Store& store() { return store_; }
  datasets::DatasetCatalog& catalog() { return catalog_; }

  std::string write(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  KpiLoadResult load(const std::string& csv, const std::string& name = "kpis.csv") {
    return load_kpi_csv(catalog_,
                        {ingest::inspect_csv(write(name, csv), ingest::CsvLimits{}), name, "upload"});
  }

  // The first column of a query, as text ("NULL" for NULL).
  std::vector<std::string> column(const std::string& sql) {
    std::vector<std::string> out;
    auto conn = store_.connection();
    conn->execute(sql).for_each_row(
        [&](const auto& row) { out.push_back(row[0].value_or("NULL")); });
    return out;
  }

 private:
  store::Store store_;
  datasets::DatasetCatalog catalog_;
  std::filesystem::path dir_;
};

}  // namespace axis::kpi::testing
