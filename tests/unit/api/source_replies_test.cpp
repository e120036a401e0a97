#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "api/source_replies.h"

namespace axis::api {
namespace {

using database::CellKind;

TEST(SourceReplies, CellsAreTypedByTheirColumn) {
  database::SourceRows rows;
  rows.columns = {"id", "score", "ok", "name"};
  rows.kinds = {CellKind::integer, CellKind::decimal, CellKind::boolean, CellKind::text};
  rows.rows = {{"42", "0.25", "t", "a"}, {std::nullopt, "NaN", "f", "007"}};
  EXPECT_EQ(nlohmann::json::parse(rows_reply(rows)), nlohmann::json::parse(R"({"success":true,
      "data":[{"id":42,"score":0.25,"ok":true,"name":"a"},
              {"id":null,"score":"NaN","ok":false,"name":"007"}],"row_count":2})"));
}

TEST(SourceReplies, SchemaListsColumnsAndSampleValuesByColumn) {
  database::SourceSchema schema;
  schema.columns = {{"id", "integer", false}, {"note", "text", true}};
  schema.sample.columns = {"id", "note"};
  schema.sample.kinds = {CellKind::integer, CellKind::text};
  schema.sample.rows = {{"1", "x"}, {"2", std::nullopt}};
  EXPECT_EQ(nlohmann::json::parse(schema_reply(schema)), nlohmann::json::parse(R"({"success":true,
      "columns":[{"name":"id","data_type":"integer","nullable":false},
                 {"name":"note","data_type":"text","nullable":true}],
      "sample_values":{"id":[1,2],"note":["x",null]}})"));
}

TEST(SourceReplies, TablesKeepSchemaNameAndEstimate) {
  EXPECT_EQ(tables_reply({{"public", "t", 12}}),
            R"({"success":true,"tables":[{"schema_name":"public","name":"t","row_count_estimate":12}]})");
}

}  // namespace
}  // namespace axis::api
