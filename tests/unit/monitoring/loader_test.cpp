#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include "datasets/catalog.h"
#include "monitoring/monitoring_loader.h"
#include "store/connection.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::monitoring {
namespace {

using Rows = std::vector<std::vector<std::optional<std::string>>>;

class MonitoringLoaderTest : public ::testing::Test {
 protected:
  MonitoringLoaderTest() : store_({":memory:", "", 0, 4}), catalog_(store_) {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("axis-monitoring-load-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
  }
  ~MonitoringLoaderTest() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  LoadResult load(const std::string& csv, const std::map<std::string, std::string>& yaml = {}) {
    const auto path = dir_ / "upload.csv";
    std::ofstream(path, std::ios::binary) << csv;
    return MonitoringLoader(catalog_).load(
        {ingest::inspect_csv(path.string(), ingest::CsvLimits{}), "upload.csv", "upload", yaml});
  }

  // The 400 message of a refused load (and that nothing was stored).
  std::string refusal(const std::string& csv) {
    try {
      load(csv);
    } catch (const util::HttpError& e) {
      EXPECT_EQ(e.status(), 400);
      EXPECT_TRUE(catalog_.list().empty());
      EXPECT_EQ(count_tables(), 0);
      return e.what();
    }
    ADD_FAILURE() << "the load was not refused";
    return "";
  }

  Rows rows(const LoadResult& r, const std::string& select) {
    auto conn = store_.connection();
    return conn->execute("SELECT " + select + " FROM " + datasets::quote_ident(r.dataset.table_name) +
                         " ORDER BY rowid")
        .rows();
  }

  std::int64_t count_tables() {
    auto conn = store_.connection();
    return std::stoll(*conn->execute("SELECT count(*) FROM duckdb_tables() WHERE starts_with(table_name, 'ds_')").scalar());
  }

  std::vector<std::string> column_names(const LoadResult& r) {
    std::vector<std::string> out;
    for (const auto& c : r.dataset.columns) out.push_back(c.name + ":" + c.type);
    return out;
  }

  store::Store store_;
  datasets::DatasetCatalog catalog_;
  std::filesystem::path dir_;
};

std::optional<std::string> s(const char* v) { return std::string(v); }
const std::optional<std::string> null;

TEST_F(MonitoringLoaderTest, long_format_with_aliases_is_stored_in_the_monitoring_layout) {
  const LoadResult r = load(
      "Record ID,Time,Agent Name,Latency-MS,Error,metric_name,metric_score,metric_category,"
      "explanation,trace_id\n"
      "r1,2025-06-01T10:00:00Z,gpt-4o,120,false,faithfulness,0.9,SCORE,grounded,t-1\n"
      "r1,2025-06-01T10:00:00Z,gpt-4o,120,false,intent,,CLASSIFICATION,billing,t-1\n"
      "r2,2025-06-01T11:30:00Z,gpt-4o,95.5,TRUE,faithfulness,0.25,,made up,t-2\n");
  EXPECT_EQ(r.dataset.kind, "monitoring");
  EXPECT_EQ(r.dataset.format, "monitoring");
  EXPECT_EQ(r.dataset.source, "upload");
  EXPECT_EQ(r.dataset.row_count, 3);
  EXPECT_EQ(r.message, "Processed 3 monitoring records");
  EXPECT_TRUE(r.warnings.empty());
  EXPECT_EQ(r.metric_columns, std::vector<std::string>{"metric_score"});
  EXPECT_EQ(column_names(r),
            (std::vector<std::string>{
                "dataset_id:VARCHAR", "timestamp:TIMESTAMP", "environment:VARCHAR",
                "source_name:VARCHAR", "source_component:VARCHAR", "source_type:VARCHAR",
                "model_name:VARCHAR", "evaluation_name:VARCHAR", "query:VARCHAR",
                "actual_output:VARCHAR", "metric_category:VARCHAR", "explanation:VARCHAR",
                "signals:VARCHAR", "latency:DOUBLE", "has_errors:BOOLEAN", "metric_name:VARCHAR",
                "metric_score:DOUBLE", "trace_id:VARCHAR"}));
  EXPECT_EQ(rows(r, "dataset_id, CAST(timestamp AS VARCHAR), model_name, latency, has_errors, metric_name, "
                    "metric_score, metric_category, explanation, environment, trace_id"),
            (Rows{{s("r1"), s("2025-06-01 10:00:00"), s("gpt-4o"), s("120"), s("false"),
                   s("faithfulness"), s("0.9"), s("SCORE"), s("grounded"), null, s("t-1")},
                  {s("r1"), s("2025-06-01 10:00:00"), s("gpt-4o"), s("120"), s("false"),
                   s("intent"), null, s("CLASSIFICATION"), s("billing"), null, s("t-1")},
                  {s("r2"), s("2025-06-01 11:30:00"), s("gpt-4o"), s("95.5"), s("true"),
                   s("faithfulness"), s("0.25"), null, s("made up"), null, s("t-2")}}));
}

TEST_F(MonitoringLoaderTest, wide_format_metric_columns_are_the_score_columns_in_file_order) {
  const LoadResult r = load(
      "id,relevance_score,note,coherence_score,metric_score\n"
      "a,0.5,first,0.75,1\n"
      "b,1,second,0,0.5\n");
  EXPECT_EQ(r.metric_columns, (std::vector<std::string>{"relevance_score", "coherence_score"}));
  EXPECT_EQ(rows(r, "dataset_id, relevance_score, note, coherence_score, metric_score"),
            (Rows{{s("a"), s("0.5"), s("first"), s("0.75"), s("1")},
                  {s("b"), s("1"), s("second"), s("0"), s("0.5")}}));
}

TEST_F(MonitoringLoaderTest, timestamps_in_mixed_formats_and_zones_become_utc) {
  const LoadResult r = load(
      "dataset_id,timestamp\n"
      "zulu,2025-03-01T10:00:00Z\n"
      "offset_colon,2025-03-01 10:00:00+02:00\n"
      "offset_compact,2025-03-01T10:00:00-0530\n"
      "offset_hours,2025-03-01T23:30:00-03\n"
      "naive_is_utc,2025-03-01T10:00:00\n"
      "fraction,2025-03-01T10:00:00.250+01:00\n"
      "date_only,2025-03-01\n"
      "epoch_s,1740823200\n"
      "epoch_ms,1740823200500\n"
      "named_zone,2025-03-01 10:00:00 UTC\n"
      "no_seconds,2025-03-01T10:00+01:00\n"
      "blank,\n");
  EXPECT_EQ(rows(r, "dataset_id, CAST(timestamp AS VARCHAR)"),
            (Rows{{s("zulu"), s("2025-03-01 10:00:00")},
                  {s("offset_colon"), s("2025-03-01 08:00:00")},
                  {s("offset_compact"), s("2025-03-01 15:30:00")},
                  {s("offset_hours"), s("2025-03-02 02:30:00")},
                  {s("naive_is_utc"), s("2025-03-01 10:00:00")},
                  {s("fraction"), s("2025-03-01 09:00:00.25")},
                  {s("date_only"), s("2025-03-01 00:00:00")},
                  {s("epoch_s"), s("2025-03-01 10:00:00")},
                  {s("epoch_ms"), s("2025-03-01 10:00:00.5")},
                  {s("named_zone"), s("2025-03-01 10:00:00")},
                  {s("no_seconds"), s("2025-03-01 09:00:00")},
                  {s("blank"), null}}));
}

TEST_F(MonitoringLoaderTest, an_unreadable_timestamp_refuses_the_file_naming_value_row_and_column) {
  EXPECT_EQ(refusal("dataset_id,Created At\n"
                    "a,2025-03-01T10:00:00Z\n"
                    "b,\n"
                    "c,03/01/2025 10:00\n"
                    "d,yesterday\n"),
            "Unreadable timestamp '03/01/2025 10:00' in data row 3 (column 'Created At'): use ISO "
            "8601 (2024-05-01T13:45:00Z, 2024-05-01 13:45:00+02:00; no zone means UTC), a date "
            "(2024-05-01) or epoch seconds or milliseconds");
  EXPECT_NE(refusal("dataset_id,timestamp\na,2025-02-30\n").find("'2025-02-30' in data row 1"),
            std::string::npos);
  EXPECT_NE(refusal("dataset_id,timestamp\na,12345\n").find("'12345'"), std::string::npos);
}

TEST_F(MonitoringLoaderTest, without_a_timestamp_column_every_row_gets_the_upload_time) {
  using namespace std::chrono;
  const auto before = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
  const LoadResult r = load("dataset_id,latency\na,1\nb,2\n");
  const auto after = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
  const Rows t = rows(r, "CAST(floor(epoch(timestamp)) AS BIGINT)");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0][0], t[1][0]);
  EXPECT_GE(std::stoll(*t[0][0]), before);
  EXPECT_LE(std::stoll(*t[0][0]), after);
}

TEST_F(MonitoringLoaderTest, non_numeric_latency_and_scores_are_stored_as_null_and_counted) {
  const LoadResult r = load(
      "dataset_id,latency_ms,helpfulness_score,tone_score\n"
      "a,fast,0.5,0.1\n"
      "b,250,n/a,0.2\n"
      "c, 300 ,high,inf\n"
      "d,,,\n");
  EXPECT_EQ(rows(r, "latency, helpfulness_score, tone_score"),
            (Rows{{null, s("0.5"), s("0.1")},
                  {s("250"), null, s("0.2")},
                  {s("300"), null, null},
                  {null, null, null}}));
  const std::string warning =
      "4 non-numeric values stored as null in columns latency (1), helpfulness_score (2), tone_score (1)";
  EXPECT_EQ(r.warnings, std::vector<std::string>{warning});
  EXPECT_EQ(r.message, "Processed 4 monitoring records; " + warning);

  const LoadResult one = load("id,latency\na,slow\nb,1\n");
  EXPECT_EQ(one.warnings, std::vector<std::string>{"1 non-numeric value stored as null in column latency"});
}

TEST_F(MonitoringLoaderTest, a_byte_order_mark_crlf_line_ends_and_quoted_line_breaks_are_read) {
  const LoadResult r = load("\xEF\xBB\xBF\"Dataset ID\",query\r\na,\"two\r\nlines, quoted\"\r\nb,plain\r\n");
  EXPECT_EQ(rows(r, "dataset_id, query"),
            (Rows{{s("a"), s("two\r\nlines, quoted")}, {s("b"), s("plain")}}));
}

TEST_F(MonitoringLoaderTest, has_errors_reads_true_false_yes_no_one_zero_in_any_case) {
  const LoadResult r = load("dataset_id,has_errors\na,TRUE\nb,no\nc,1\nd,0\ne,Yes\nf,False\ng,maybe\nh,\n");
  EXPECT_EQ(rows(r, "has_errors"), (Rows{{s("true")}, {s("false")}, {s("true")}, {s("false")},
                                         {s("true")}, {s("false")}, {null}, {null}}));
}

TEST_F(MonitoringLoaderTest, the_yaml_columns_map_renames_before_the_aliases) {
  const LoadResult r = load("Conversation,Bot,when\nc1,Juniper,2025-01-01\n",
                            {{"Conversation", "dataset_id"}, {"Bot", "source_name"}, {"when", "timestamp"}});
  EXPECT_EQ(rows(r, "dataset_id, source_name, CAST(timestamp AS VARCHAR)"),
            (Rows{{s("c1"), s("Juniper"), s("2025-01-01 00:00:00")}}));
}

TEST_F(MonitoringLoaderTest, a_file_without_an_id_column_is_refused_naming_its_columns) {
  EXPECT_EQ(refusal("Query,Response,latency\nq,a,1\n"),
            "Data does not appear to be monitoring format. Required column: dataset_id (or id, "
            "record_id). Columns found: Query, Response, latency");
}

TEST_F(MonitoringLoaderTest, a_header_without_rows_is_an_empty_dataset) {
  EXPECT_EQ(refusal("dataset_id,timestamp,latency\n"), "Empty dataset");
  EXPECT_EQ(refusal("dataset_id,timestamp,latency"), "Empty dataset");
}

TEST_F(MonitoringLoaderTest, broken_csv_is_refused_and_stores_nothing) {
  EXPECT_EQ(refusal(""), "Empty CSV file");
  EXPECT_EQ(refusal("dataset_id,latency\na,1\nb\nc,3,4\n"),
            "CSV parsing error: some rows do not have the 2 fields of the header row");
  EXPECT_NE(refusal("dataset_id,query\na,\"unterminated\nb,x\n").find("CSV parsing error"),
            std::string::npos);
  EXPECT_NE(refusal("dataset_id,query\na,caf\xe9\n").find("CSV parsing error"), std::string::npos);
  EXPECT_EQ(refusal("dataset_id,Latency,latency\na,1,2\n"),
            "Duplicate column names after normalising the header: latency");
}

TEST_F(MonitoringLoaderTest, a_refused_file_leaves_earlier_datasets_intact) {
  const LoadResult first = load("dataset_id,latency\na,1\n");
  EXPECT_THROW(load("dataset_id,timestamp\na,not a time\n"), util::HttpError);
  const auto all = catalog_.list("monitoring");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].id, first.dataset.id);
  EXPECT_EQ(rows(first, "dataset_id, latency"), (Rows{{s("a"), s("1")}}));
  EXPECT_EQ(count_tables(), 1);
}

}  // namespace
}  // namespace axis::monitoring
