// A stored two-experiment tree dataset for the analytics service tests, laid out as an upload
// leaves it: a catalog row in _datasets and its rows table ds_<id>.
//
//   quality (category, root) ← accuracy (component, weight 0.6), style (metric, weight 0.4)
//   scores (quality, accuracy, style):
//     exp_a: c1 .8 .9 .6 | c2 .5 .4 .7 | c3 .3 .2 .5 | c4 .7 .7 .7 | c5 .1 .2 .0
//     exp_b: c1 .9 1. .8 | c2 .3 .2 .4 | c3 .2 .0 .9 | c4 .7 .7 .7
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::analytics::testing {

inline constexpr const char* kTreeColumns =
    R"([{"name":"dataset_id","type":"VARCHAR"},{"name":"evaluation_name","type":"VARCHAR"},)"
    R"({"name":"query","type":"VARCHAR"},{"name":"actual_output","type":"VARCHAR"},)"
    R"({"name":"expected_output","type":"VARCHAR"},{"name":"metric_name","type":"VARCHAR"},)"
    R"({"name":"metric_score","type":"DOUBLE"},{"name":"metric_type","type":"VARCHAR"},)"
    R"({"name":"parent","type":"VARCHAR"},{"name":"weight","type":"DOUBLE"},)"
    R"({"name":"explanation","type":"VARCHAR"},{"name":"critique","type":"VARCHAR"},)"
    R"({"name":"evaluation_metadata","type":"VARCHAR"},{"name":"data_metadata","type":"VARCHAR"}])";

// Runs `call`, which must throw util::HttpError 400 with `message`.
inline void expect_400(const std::function<void()>& call, const std::string& message) {
  try {
    call();
    FAIL() << "no error";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(std::string(e.what()), message);
  }
}

class EvalFixture {
 public:
  EvalFixture() : store_({":memory:", "", 0, 4}), catalog_(store_) {}

  store::Store& store() { return store_; }
  datasets::DatasetCatalog& catalog() { return catalog_; }

  // Registers a dataset whose table is created by `create_sql` (which must create ds_<id>).
  void add_dataset(const std::string& id, const std::string& columns_json,
                   const std::string& create_sql, const std::string& format = "tree_format") {
    auto conn = store_.connection();
    conn->execute(create_sql);
    conn->query(
        "INSERT INTO _datasets (id, name, kind, format, table_name, row_count, columns_json, "
        "source) VALUES (?, ?, 'evaluation', ?, ?, 0, ?, 'upload')",
        {id, id + ".csv", format, "ds_" + id, columns_json});
  }

  // The dataset described at the top of this file, as id "tree".
  void add_tree_dataset(const std::string& id = "tree") {
    add_dataset(id, kTreeColumns,
                "CREATE TABLE ds_" + id + " AS SELECT c AS dataset_id, e AS evaluation_name,"
                " 'Question ' || c || '?' AS query, 'Answer ' || c || ' ' || e AS actual_output,"
                " 'Expected ' || c AS expected_output, m AS metric_name,"
                " s::DOUBLE AS metric_score, t AS metric_type, p AS parent, w::DOUBLE AS weight,"
                " m || ' of ' || c || ' in ' || e AS explanation, '' AS critique,"
                " '{}' AS evaluation_metadata, '{}' AS data_metadata FROM (" + rows() + ")");
  }

 private:
  static std::string rows() {
    const char* experiments[] = {"exp_a", "exp_b"};
    const char* cases[2][5] = {{"c1", "c2", "c3", "c4", "c5"}, {"c1", "c2", "c3", "c4", nullptr}};
    const double scores[2][5][3] = {
        {{.8, .9, .6}, {.5, .4, .7}, {.3, .2, .5}, {.7, .7, .7}, {.1, .2, .0}},
        {{.9, 1.0, .8}, {.3, .2, .4}, {.2, .0, .9}, {.7, .7, .7}, {0, 0, 0}}};
    const char* metrics[3][4] = {{"quality", "category", "NULL", "NULL"},
                                 {"accuracy", "component", "'quality'", "0.6"},
                                 {"style", "metric", "'quality'", "0.4"}};
    std::string sql;
    int order = 0;
    for (int e = 0; e < 2; ++e) {
      for (int c = 0; c < 5 && cases[e][c]; ++c) {
        for (int m = 0; m < 3; ++m) {
          sql += sql.empty() ? "SELECT * FROM (VALUES " : ", ";
          sql += "(" + std::to_string(order++) + ", '" + cases[e][c] + "', '" + experiments[e] +
                 "', '" + metrics[m][0] + "', " + std::to_string(scores[e][c][m]) + ", '" +
                 metrics[m][1] + "', " + metrics[m][2] + ", " + metrics[m][3] + ")";
        }
      }
    }
    return sql + ") v(o, c, e, m, s, t, p, w) ORDER BY o";
  }

  store::Store store_;
  datasets::DatasetCatalog catalog_;
};

}  // namespace axis::analytics::testing
