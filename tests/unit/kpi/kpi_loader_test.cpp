#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "kpi_fixture.h"
#include "util/http_error.h"

namespace axis::kpi {
namespace {

using testing::KpiFixture;
using Texts = std::vector<std::string>;

// The 400 message of a refused upload ("" when it was stored).
std::string refusal(KpiFixture& f, const std::string& csv) {
  try {
    f.load(csv);
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    return e.what();
  }
  return "";
}

TEST(KpiLoader, NormalisesHeadersConvertsValuesAndDropsRepeatedIds) {
  KpiFixture f;
  const auto r = f.load(
      " ID ,KPI Name,Numeric-Value,Created At,Source Name,Extra Col\n"
      "a1,resolution_rate,0.5,2024-05-01T10:00:00+02:00,bot,x\n"
      "a2,resolution_rate,,2024-05-01,bot,y\n"
      "a1,resolution_rate,0.9,2024-05-02,bot,z\n"
      ",csat, 4 ,2024-05-02 10:30,bot,\n"
      ",csat,nan,2024-05-03T00:00:00Z,bot,\n");
  const auto& d = r.dataset;
  EXPECT_EQ(d.kind, "kpi");
  EXPECT_EQ(d.format, "kpi");
  EXPECT_EQ(d.source, "upload");
  EXPECT_EQ(d.row_count, 4);
  Texts names, types;
  for (const auto& c : d.columns) {
    names.push_back(c.name);
    types.push_back(c.type);
  }
  EXPECT_EQ(names, (Texts{"id", "created_at", "source_name", "source_type", "kpi_name",
                          "kpi_category", "dataset_id", "numeric_value", "source_component",
                          "source_step", "environment", "segment", "tags", "metadata",
                          "extra_col"}));
  EXPECT_EQ(types[1], "TIMESTAMP");
  EXPECT_EQ(types[7], "DOUBLE");
  EXPECT_EQ(types[0], "VARCHAR");
  EXPECT_EQ(types[14], "VARCHAR");
  const std::string t = "\"" + d.table_name + "\"";
  EXPECT_EQ(f.column("SELECT id FROM " + t + " ORDER BY rowid"),
            (Texts{"a1", "a2", "NULL", "NULL"}));
  EXPECT_EQ(f.column("SELECT created_at FROM " + t + " ORDER BY rowid"),
            (Texts{"2024-05-01T08:00:00", "2024-05-01T00:00:00", "2024-05-02T10:30:00",
                   "2024-05-03T00:00:00"}));
  EXPECT_EQ(f.column("SELECT numeric_value FROM " + t + " ORDER BY rowid"),
            (Texts{"0.5", "NULL", "4", "NULL"}));
  EXPECT_EQ(f.column("SELECT extra_col FROM " + t + " ORDER BY rowid"),
            (Texts{"x", "y", "NULL", "NULL"}));
  EXPECT_EQ(r.message,
            "Loaded 4 KPI records (2 KPIs, 1 source, 2024-05-01 to 2024-05-03); 2 rows without "
            "a numeric_value (ignored by the KPI views); 1 row repeating an earlier id dropped "
            "(the first kept)");
}

TEST(KpiLoader, MissingColumnsAreNamed) {
  KpiFixture f;
  EXPECT_EQ(refusal(f, "kpi,value,created_at\nx,1,2024-01-01\n"),
            "Data does not appear to be in KPI format. Missing required columns: kpi_name, "
            "numeric_value. Found: kpi, value, created_at. Required: kpi_name, numeric_value, "
            "created_at");
  EXPECT_EQ(refusal(f, "kpi_name,numeric_value\nx,1\n"),
            "Data does not appear to be in KPI format. Missing required column: created_at. "
            "Found: kpi_name, numeric_value. Required: kpi_name, numeric_value, created_at");
}

TEST(KpiLoader, BadValuesAreRefusedWithTheirRow) {
  KpiFixture f;
  EXPECT_EQ(refusal(f, "kpi_name,numeric_value,created_at\n"
                       "a,1,2024-01-01\nb,abc,2024-01-01\nc,12%,2024-01-02\n"),
            "numeric_value is not a number in 2 rows; the first is data row 2 ('abc')");
  EXPECT_EQ(refusal(f, "kpi_name,numeric_value,created_at\n"
                       "a,1,2024-01-01\nb,2,yesterday\n"),
            "created_at is not a timestamp (expected ISO 8601 such as 2024-05-01, "
            "2024-05-01T13:45:00 or 2024-05-01T13:45:00+02:00) in 1 row; the first is data row "
            "2 ('yesterday')");
  EXPECT_EQ(refusal(f, "kpi_name,numeric_value,created_at\na,1,2024-02-30\n"),
            "created_at is not a timestamp (expected ISO 8601 such as 2024-05-01, "
            "2024-05-01T13:45:00 or 2024-05-01T13:45:00+02:00) in 1 row; the first is data row "
            "1 ('2024-02-30')");
  EXPECT_EQ(refusal(f, "kpi_name,numeric_value,created_at\na,1,2024-01-01\na,1,\n"),
            "created_at is empty in 1 row; the first is data row 2");
  EXPECT_EQ(refusal(f, "kpi_name,numeric_value,created_at\na,1,2024-01-01\n ,1,2024-01-01\n"),
            "kpi_name is empty in 1 row; the first is data row 2 (' ')");
  EXPECT_EQ(refusal(f, "kpi_name,numeric_value,created_at\n"),
            "CSV file has a header but no data rows");
  EXPECT_EQ(refusal(f, "KPI Name,kpi_name,numeric_value,created_at\na,b,1,2024-01-01\n"),
            "Columns 'KPI Name' and 'kpi_name' are the same column once header names are "
            "normalised (lower case, spaces and hyphens as underscores): 'kpi_name'");
  EXPECT_NE(refusal(f, "kpi_name,numeric_value,created_at\na,1,2024-01-01,extra\n").find(
                "CSV parsing error"),
            std::string::npos);
  // Nothing of the refused files was stored.
  EXPECT_TRUE(f.catalog().list().empty());
  EXPECT_EQ(f.column("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%ds_%' OR "
                     "table_name LIKE 'kpi_stage%'"),
            Texts{"0"});
}

// The folder of a one-row kpi_example.csv written by the fixture.
std::string example_dir(KpiFixture& f) {
  return std::filesystem::path(
             f.write("kpi_example.csv", "kpi_name,numeric_value,created_at\na,1,2024-01-01\n"))
      .parent_path()
      .string();
}

TEST(KpiLoader, ExampleIsStoredOnce) {
  KpiFixture f;
  const std::string dir = example_dir(f);
  ingest::ExampleStore examples(f.catalog());
  const auto first = load_kpi_example(examples, dir, "kpi");
  EXPECT_EQ(first.dataset.source, "example:kpi");
  EXPECT_EQ(first.dataset.row_count, 1);
  const auto again = load_kpi_example(examples, dir, "kpi");
  EXPECT_EQ(again.dataset.id, first.dataset.id);
  EXPECT_EQ(again.message, "Example 'kpi' with 1 row");
  EXPECT_EQ(f.catalog().list("kpi").size(), 1u);
  try {
    load_kpi_example(examples, dir, "monitoring");
    FAIL() << "an unknown example was loaded";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_STREQ(e.what(), "Dataset not found. Available: ['kpi']");
  }
}

TEST(KpiLoader, ExampleIsStoredOnceWhenFirstRequestsComeTogether) {
  KpiFixture f;
  const std::string dir = example_dir(f);
  ingest::ExampleStore examples(f.catalog());
  std::vector<std::thread> requests;
  std::vector<std::string> ids(8);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    requests.emplace_back([&, i] { ids[i] = load_kpi_example(examples, dir, "kpi").dataset.id; });
  }
  for (auto& r : requests) r.join();
  EXPECT_EQ(f.catalog().list("kpi").size(), 1u);
  for (const auto& id : ids) EXPECT_EQ(id, ids[0]);
}

}  // namespace
}  // namespace axis::kpi
