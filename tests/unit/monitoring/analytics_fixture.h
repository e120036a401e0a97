// Stored monitoring datasets for the analytics, alerts and browsing tests, laid out as the
// monitoring upload leaves them: a ds_<id> table and its _datasets entry (kind "monitoring").
//
// Long dataset (metric_name + metric_score rows), 14 rows:
//   id  timestamp (UTC)   env  source cat             metric     score latency errors
//   r1  2026-01-05 10:15  prod alpha  SCORE           relevance  .9    100     false
//   r1  2026-01-05 10:15  prod alpha  SCORE           coherence  .6    100     false
//   r2  2026-01-05 10:45  prod alpha  SCORE           relevance  .4    200     false
//   r2  2026-01-05 10:45  prod alpha  SCORE           coherence  .8    200     false
//   r3  2026-01-05 11:30  dev  beta   SCORE           relevance  .7    300     true
//   r3  2026-01-05 11:30  dev  beta   SCORE           coherence  .2    300     true
//   r4  2026-01-11 23:59  dev  beta   SCORE           relevance  .5    1000    false
//   r4  2026-01-11 23:59  dev  beta   SCORE           coherence  null  1000    false
//   r5  2026-01-12 00:00  prod alpha  (null)          relevance  1.0   400     false
//   c1  2026-01-06 09:00  prod alpha  CLASSIFICATION  sentiment  null  null    (explanation positive)
//   c2  2026-01-06 12:00  prod alpha  Classification  sentiment  null  null    (explanation negative)
//   c3  2026-01-07 09:00  prod beta   CLASSIFICATION  sentiment  null  null    (no explanation,
//                                                                              output positive)
//   a1  2026-01-06 08:00  prod alpha  ANALYSIS        summary    null  null    signals {"topic":..}
//   a2  2026-01-08 08:00  dev  beta   ANALYSIS        summary    null  null    signals not JSON
//
// Wide dataset (relevance_score, accuracy_score columns), 3 rows:
//   w1 2026-01-05 10:00 prod alpha latency 100 errors false relevance .8 accuracy .6
//   w2 2026-01-05 11:00 prod alpha latency 200 errors false relevance .4 accuracy null
//   w3 2026-01-06 10:00 dev  beta  latency 300 errors true  relevance .9 accuracy .3
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::monitoring::testing {

class AnalyticsFixture {
 public:
  AnalyticsFixture() : store_({":memory:", "", 0, 4}), catalog_(store_) {}

  store::Store& store() { return store_; }
  datasets::DatasetCatalog& catalog() { return catalog_; }

  // Creates ds_<id> from `select_sql` and catalogues it (columns read from the schema).
  void add(const std::string& id, const std::string& select_sql,
           const std::string& kind = "monitoring") {
    auto conn = store_.connection();
    conn->execute("CREATE TABLE ds_" + id + " AS " + select_sql);
    datasets::DatasetInfo info;
    info.id = id;
    info.name = id + ".csv";
    info.kind = kind;
    info.format = kind;
    info.table_name = "ds_" + id;
    info.source = "upload";
    datasets::insert_catalog_entry(*conn, info);
  }

  void add_long(const std::string& id = "long") {
    add(id,
        "SELECT d AS dataset_id, CAST(t AS TIMESTAMP) AS timestamp, env AS environment,"
        " src AS source_name, 'comp' AS source_component, 'agent' AS source_type,"
        " 'model-x' AS model_name, 'eval-1' AS evaluation_name, 'question ' || d AS query,"
        " out AS actual_output, cat AS metric_category, expl AS explanation, sig AS signals,"
        " CAST(lat AS DOUBLE) AS latency, err AS has_errors, m AS metric_name,"
        " CAST(s AS DOUBLE) AS metric_score FROM (VALUES"
        " (1, 'r1', '2026-01-05 10:15:00', 'prod', 'alpha', 'o1', 'SCORE', 'fine', '{}', 100, false, 'relevance', 0.9),"
        " (2, 'r1', '2026-01-05 10:15:00', 'prod', 'alpha', 'o1', 'SCORE', 'fine', '{}', 100, false, 'coherence', 0.6),"
        " (3, 'r2', '2026-01-05 10:45:00', 'prod', 'alpha', 'o2', 'SCORE', 'fine', '{}', 200, false, 'relevance', 0.4),"
        " (4, 'r2', '2026-01-05 10:45:00', 'prod', 'alpha', 'o2', 'SCORE', 'fine', '{}', 200, false, 'coherence', 0.8),"
        " (5, 'r3', '2026-01-05 11:30:00', 'dev', 'beta', 'o3', 'SCORE', 'fine', '{}', 300, true, 'relevance', 0.7),"
        " (6, 'r3', '2026-01-05 11:30:00', 'dev', 'beta', 'o3', 'SCORE', 'fine', '{}', 300, true, 'coherence', 0.2),"
        " (7, 'r4', '2026-01-11 23:59:00', 'dev', 'beta', 'o4', 'SCORE', 'fine', '{}', 1000, false, 'relevance', 0.5),"
        " (8, 'r4', '2026-01-11 23:59:00', 'dev', 'beta', 'o4', 'SCORE', 'fine', '{}', 1000, false, 'coherence', NULL),"
        " (9, 'r5', '2026-01-12 00:00:00', 'prod', 'alpha', 'o5', NULL, 'fine', '{}', 400, false, 'relevance', 1.0),"
        " (10, 'c1', '2026-01-06 09:00:00', 'prod', 'alpha', 'o10', 'CLASSIFICATION', 'positive', '{}', NULL, false, 'sentiment', NULL),"
        " (11, 'c2', '2026-01-06 12:00:00', 'prod', 'alpha', 'o11', 'Classification', 'negative', '{}', NULL, false, 'sentiment', NULL),"
        " (12, 'c3', '2026-01-07 09:00:00', 'prod', 'beta', 'positive', 'CLASSIFICATION', NULL, '{}', NULL, false, 'sentiment', NULL),"
        " (13, 'a1', '2026-01-06 08:00:00', 'prod', 'alpha', 'o13', 'ANALYSIS', 'looked', '{\"topic\": \"billing\"}', NULL, false, 'summary', NULL),"
        " (14, 'a2', '2026-01-08 08:00:00', 'dev', 'beta', 'o14', 'ANALYSIS', 'looked', 'not json', NULL, false, 'summary', NULL)"
        ") v(o, d, t, env, src, out, cat, expl, sig, lat, err, m, s) ORDER BY o");
  }

  void add_wide(const std::string& id = "wide") {
    add(id,
        "SELECT d AS dataset_id, CAST(t AS TIMESTAMP) AS timestamp, env AS environment,"
        " src AS source_name, CAST(NULL AS VARCHAR) AS source_component,"
        " CAST(NULL AS VARCHAR) AS source_type, CAST(NULL AS VARCHAR) AS model_name,"
        " CAST(NULL AS VARCHAR) AS evaluation_name, 'q' AS query, 'o' AS actual_output,"
        " CAST(NULL AS VARCHAR) AS metric_category, CAST(NULL AS VARCHAR) AS explanation,"
        " CAST(NULL AS VARCHAR) AS signals, CAST(lat AS DOUBLE) AS latency, err AS has_errors,"
        " CAST(r AS DOUBLE) AS relevance_score, CAST(a AS DOUBLE) AS accuracy_score FROM (VALUES"
        " (1, 'w1', '2026-01-05 10:00:00', 'prod', 'alpha', 100, false, 0.8, 0.6),"
        " (2, 'w2', '2026-01-05 11:00:00', 'prod', 'alpha', 200, false, 0.4, NULL),"
        " (3, 'w3', '2026-01-06 10:00:00', 'dev', 'beta', 300, true, 0.9, 0.3)"
        ") v(o, d, t, env, src, lat, err, r, a) ORDER BY o");
  }

 private:
  store::Store store_;
  datasets::DatasetCatalog catalog_;
};

inline nlohmann::json parse(const std::string& text) { return nlohmann::json::parse(text); }

// The HTTP status `f` ends with: its HttpError's, or 200 when it returns.
inline int status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const util::HttpError& e) {
    return e.status();
  }
  return 200;
}

}  // namespace axis::monitoring::testing
