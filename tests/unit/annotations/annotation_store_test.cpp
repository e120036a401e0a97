#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "annotations/annotation_store.h"
#include "datasets/catalog.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::annotations {
namespace {

namespace fs = std::filesystem;

class AnnotationStoreTest : public ::testing::Test {
 protected:
  // A catalog row and its rows table, as an upload would leave them. `columns_json` lists
  // the table's columns; `create_sql` creates and fills "ds_<id>".
  void add_dataset(const std::string& id, const std::string& name, const std::string& columns_json,
                   const std::string& create_sql) {
    auto conn = store_.connection();
    conn->execute(create_sql);
    conn->query(
        "INSERT INTO _datasets (id, name, kind, format, table_name, row_count, columns_json, source) "
        "VALUES (?, ?, 'evaluation', 'tree_format', ?, 0, ?, 'upload')",
        {id, name, "ds_" + id, columns_json});
  }

  void add_support_dataset() {
    add_dataset("a1", "support.csv",
                R"([{"name":"dataset_id","type":"VARCHAR"},{"name":"query","type":"VARCHAR"},)"
                R"({"name":"metric_name","type":"VARCHAR"},{"name":"metric_score","type":"DOUBLE"}])",
                "CREATE TABLE ds_a1 AS SELECT * FROM (VALUES "
                "('c2', 'Where, exactly?', 'faithfulness', 0.5), "
                "('c1', 'Say \"hi\"\nplease', 'faithfulness', 0.9), "
                "('c2', 'ignored second row', 'relevance', 0.7), "
                "('c3', 'plain', 'faithfulness', 0.1)) v(dataset_id, query, metric_name, metric_score)");
  }

  Annotation put(const std::string& case_id, AnnotationPatch patch, const std::string& ds = "a1") {
    return annotations_.upsert(ds, case_id, patch).annotation;
  }

  std::string export_text(const std::string& dataset_id) {
    const fs::path file = fs::temp_directory_path() /
                          ("axis-annotation-export-" + std::to_string(::getpid()) + ".csv");
    exported_name_ = annotations_.export_csv(dataset_id, file.string());
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    fs::remove(file);
    return text.str();
  }

  store::Store store_{{":memory:", "", 0, 2}};
  datasets::DatasetCatalog catalog_{store_};
  AnnotationStore annotations_{catalog_};
  std::string exported_name_;
};

int status_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const util::HttpError& e) {
    return e.status();
  }
  return 200;
}

TEST_F(AnnotationStoreTest, UpsertCreatesThenPatchKeepsFieldsNotSent) {
  add_support_dataset();
  AnnotationPatch first;
  first.judgment = std::optional<std::string>("accept");
  first.critique = "Grounded";
  first.tags = std::vector<std::string>{"accurate"};
  const Annotation created = put("c1", first);
  EXPECT_EQ(created.case_id, "c1");
  EXPECT_EQ(created.judgment.value(), "accept");
  EXPECT_EQ(created.critique, "Grounded");
  EXPECT_FALSE(created.flagged);
  EXPECT_EQ(created.updated_at.size(), 20u);  // 2026-01-01T00:00:00Z

  AnnotationPatch second;
  second.flagged = true;
  second.rating = std::optional<double>(7.5);
  const Annotation updated = put("c1", second);
  EXPECT_EQ(updated.judgment.value(), "accept");
  EXPECT_EQ(updated.critique, "Grounded");
  EXPECT_EQ(updated.tags, std::vector<std::string>{"accurate"});
  EXPECT_TRUE(updated.flagged);
  EXPECT_EQ(updated.rating.value(), 7.5);

  AnnotationPatch clear;
  clear.judgment = std::optional<std::string>();
  EXPECT_FALSE(put("c1", clear).judgment.has_value());
  EXPECT_EQ(annotations_.list("a1").annotations.size(), 1u);
}

TEST_F(AnnotationStoreTest, UnknownCaseOrDatasetIs404AndStoresNothing) {
  add_support_dataset();
  AnnotationPatch p;
  p.flagged = true;
  EXPECT_EQ(status_of([&] { put("c9", p); }), 404);
  EXPECT_EQ(status_of([&] { put("c1", p, "nope"); }), 404);
  EXPECT_EQ(status_of([&] { annotations_.remove("a1", "c9"); }), 404);
  EXPECT_EQ(status_of([&] { annotations_.list(""); }), 422);
  EXPECT_TRUE(annotations_.list("a1").annotations.empty());
  try {
    put("c9", p);
  } catch (const util::HttpError& e) {
    EXPECT_STREQ(e.what(), "Case 'c9' not found");
  }
}

TEST_F(AnnotationStoreTest, ProgressCountsCasesAndJudgments) {
  add_support_dataset();
  EXPECT_EQ(annotations_.progress("a1").total, 3);
  AnnotationPatch accept, reject, rate, flag;
  accept.judgment = std::optional<std::string>("accept");
  reject.judgment = std::optional<std::string>("reject");
  reject.flagged = true;
  rate.rating = std::optional<double>(3);
  put("c1", accept);
  put("c2", reject);
  put("c3", rate);
  Progress p = annotations_.progress("a1");
  EXPECT_EQ(p.total, 3);
  EXPECT_EQ(p.annotated, 3);
  EXPECT_EQ(p.accepted, 1);
  EXPECT_EQ(p.rejected, 1);
  EXPECT_EQ(p.rated, 1);
  EXPECT_EQ(p.flagged, 1);

  p = annotations_.remove("a1", "c2");
  EXPECT_EQ(annotations_.remove("a1", "c2").annotated, 2);
  EXPECT_EQ(p.annotated, 2);
  EXPECT_EQ(p.rejected, 0);
  EXPECT_EQ(p.flagged, 0);
}

TEST_F(AnnotationStoreTest, AnnotationsBelongToOneDataset) {
  add_support_dataset();
  add_dataset("b2", "other.csv", R"([{"name":"dataset_id","type":"VARCHAR"}])",
              "CREATE TABLE ds_b2 AS SELECT 'c1' AS dataset_id");
  AnnotationPatch p;
  p.critique = "only in a1";
  put("c1", p);
  EXPECT_EQ(annotations_.list("a1").annotations.size(), 1u);
  EXPECT_TRUE(annotations_.list("b2").annotations.empty());
  EXPECT_EQ(annotations_.progress("b2").total, 1);
}

TEST_F(AnnotationStoreTest, SqlLookingCaseIdsAreData) {
  const std::string hostile = "x' OR '1'='1";
  add_dataset("h1", "hostile.csv", R"([{"name":"dataset_id","type":"VARCHAR"}])",
              "CREATE TABLE ds_h1 AS SELECT 'x'' OR ''1''=''1' AS dataset_id UNION ALL SELECT 'y'");
  AnnotationPatch p;
  p.critique = "'); DROP TABLE _annotations; --";
  EXPECT_EQ(put(hostile, p, "h1").critique, "'); DROP TABLE _annotations; --");
  EXPECT_EQ(status_of([&] { put("x' OR 1=1 --", p, "h1"); }), 404);
  EXPECT_EQ(annotations_.list("h1").annotations.at(0).case_id, hostile);
}

TEST_F(AnnotationStoreTest, NumericCaseIdsAreMatchedAsText) {
  add_dataset("n1", "numbers.csv", R"([{"name":"dataset_id","type":"BIGINT"}])",
              "CREATE TABLE ds_n1 AS SELECT * FROM (VALUES (10), (11), (10)) v(dataset_id)");
  AnnotationPatch p;
  p.flagged = true;
  EXPECT_TRUE(put("11", p, "n1").flagged);
  EXPECT_EQ(annotations_.progress("n1").total, 2);
  EXPECT_EQ(export_text("n1"),
            "dataset_id,judgment,critique,user_tags,annotation_flagged\n"
            "10,,\"\",[],false\n"
            "11,,\"\",[],true\n");
}

TEST_F(AnnotationStoreTest, ExportHasFirstRowPerCaseInFileOrderWithAnnotations) {
  add_support_dataset();
  AnnotationPatch a;
  a.judgment = std::optional<std::string>("reject");
  a.critique = "Wrong, and \"confident\"";
  a.tags = std::vector<std::string>{"hallucination", "needs, review"};
  put("c1", a);
  AnnotationPatch r;
  r.rating = std::optional<double>(4);
  r.flagged = true;
  put("c3", r);
  AnnotationPatch half;
  half.rating = std::optional<double>(2.5);
  put("c2", half);
  EXPECT_EQ(export_text("a1"),
            "dataset_id,query,metric_name,metric_score,judgment,critique,user_tags,annotation_flagged\n"
            "c2,\"Where, exactly?\",faithfulness,0.5,2.5,\"\",[],false\n"
            "c1,\"Say \"\"hi\"\"\nplease\",faithfulness,0.9,reject,\"Wrong, and \"\"confident\"\"\","
            "\"[\"\"hallucination\"\",\"\"needs, review\"\"]\",false\n"
            "c3,plain,faithfulness,0.1,4,\"\",[],true\n");
  EXPECT_EQ(exported_name_, "support.csv");
}

TEST_F(AnnotationStoreTest, FileAnnotationsAreImportedOnceAndReplacedInExport) {
  add_dataset("f1", "annotated.csv",
              R"([{"name":"dataset_id","type":"VARCHAR"},{"name":"judgment","type":"VARCHAR"},)"
              R"({"name":"critique","type":"VARCHAR"},{"name":"user_tags","type":"VARCHAR"},)"
              R"({"name":"annotation_flagged","type":"BOOLEAN"}])",
              "CREATE TABLE ds_f1 AS SELECT * FROM (VALUES "
              "('r1', '1', 'fine', '[\"ok\"]', false), ('r2', 'reject', NULL, 'a, b', true), "
              "('r3', '4', NULL, NULL, NULL), ('r4', NULL, NULL, NULL, NULL), "
              "('r1', 'reject', 'second row is ignored', NULL, NULL)) "
              "v(dataset_id, judgment, critique, user_tags, annotation_flagged)");
  auto list = annotations_.list("f1").annotations;
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].case_id, "r1");
  EXPECT_EQ(list[0].judgment.value(), "accept");
  EXPECT_EQ(list[0].critique, "fine");
  EXPECT_EQ(list[0].tags, std::vector<std::string>{"ok"});
  EXPECT_EQ(list[1].judgment.value(), "reject");
  EXPECT_EQ(list[1].tags, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(list[1].flagged);
  EXPECT_FALSE(list[2].judgment.has_value());
  EXPECT_EQ(list[2].rating.value(), 4.0);
  const Progress p = annotations_.progress("f1");
  EXPECT_EQ(p.total, 4);
  EXPECT_EQ(p.annotated, 3);
  EXPECT_EQ(p.rated, 1);

  EXPECT_EQ(annotations_.remove("f1", "r1").annotated, 2);
  EXPECT_EQ(annotations_.list("f1").annotations.size(), 2u);  // not imported again
  EXPECT_EQ(export_text("f1"),
            "dataset_id,judgment,critique,user_tags,annotation_flagged\n"
            "r1,,\"\",[],false\n"
            "r2,reject,\"\",\"[\"\"a\"\",\"\"b\"\"]\",true\n"
            "r3,4,\"\",[],false\n"
            "r4,,\"\",[],false\n");
}

TEST_F(AnnotationStoreTest, DatasetWithoutCaseColumnIsRejected) {
  add_dataset("x1", "no-ids.csv", R"([{"name":"query","type":"VARCHAR"}])",
              "CREATE TABLE ds_x1 AS SELECT 'q' AS query");
  AnnotationPatch p;
  EXPECT_EQ(status_of([&] { put("q", p, "x1"); }), 400);
  EXPECT_EQ(status_of([&] { annotations_.progress("x1"); }), 400);
}

}  // namespace
}  // namespace axis::annotations
