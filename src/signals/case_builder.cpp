#include "signals/case_builder.h"

#include <nlohmann/json.hpp>

#include <set>

#include "config/env.h"
#include "datasets/catalog.h"
#include "signals/case_fields.h"
#include "signals/signal_cells.h"
#include "signals/signal_expand.h"
#include "util/json_text.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;

constexpr RawColumn kTextColumns[] = {RawColumn::evaluation_metadata, RawColumn::actual_reference,
                                      RawColumn::additional_output};

// A JSON value as the store value of a column of `sql_type` (see ValueKinds::sql_type).
store::Value to_value(const Json& v, const std::string& sql_type) {
  if (v.is_null()) return std::monostate{};
  if (sql_type == "BOOLEAN" && v.is_boolean()) return v.get<bool>();
  if (sql_type == "BIGINT" && v.is_number_integer()) return v.get<std::int64_t>();
  if (sql_type == "DOUBLE" && v.is_number()) return v.get<double>();
  if (v.is_string()) return v.get<std::string>();
  return util::json_text(v);
}

store::Value text_or_null(const std::optional<std::string>& cell) {
  if (!cell) return std::monostate{};
  return *cell;
}

// A JSON-like cell as text: its value re-written as JSON when it parses, else the text.
store::Value structured_text(const std::optional<std::string>& cell) {
  if (!cell) return std::monostate{};
  if (auto parsed = parse_structured(*cell)) return python_json_text(*parsed);
  return *cell;
}

}  // namespace

CaseBuilder::CaseBuilder(const RawLayout& layout, const MetricSchema& schema)
    : layout_(layout), schema_(schema) {
  add_column("Case_ID", "VARCHAR");
  for (RawColumn field : kSourceFields) {
    if (layout.has(field)) add_column(raw_column_name(field), "VARCHAR");
  }
  add_column("Slack_URL", "VARCHAR");
  add_column("Agent_Name", "VARCHAR");
  add_column("Business", "VARCHAR");
  add_column("Full_Conversation", "JSON");
  add_column("Message_Count", "BIGINT");
  add_column("Timestamp", "VARCHAR");
  for (RawColumn column : kTextColumns) {
    if (layout.has(column)) add_column(raw_column_name(column), "VARCHAR");
  }
  if (layout.has(RawColumn::additional_input)) add_column("additional_input", "VARCHAR");
  for (const auto& key : schema.metadata_keys) {
    if (add_column(key, schema.metadata_kinds.at(key).sql_type())) signal_index_[key] = columns_.size() - 1;
  }
  for (const auto& [name, kinds] : schema.signal_columns) {
    if (add_column(name, kinds.sql_type())) signal_index_[name] = columns_.size() - 1;
  }
}

bool CaseBuilder::add_column(const std::string& name, const std::string& sql_type) {
  if (name.empty() || name.find('\0') != std::string::npos) return false;
  const std::string folded = config::detail::to_lower(name);
  for (const auto& c : columns_) {
    if (config::detail::to_lower(c.name) == folded) return false;
  }
  index_[name] = columns_.size();
  columns_.push_back({name, sql_type});
  return true;
}

std::string CaseBuilder::create_sql(const std::string& table) const {
  std::string sql = "CREATE TABLE " + datasets::quote_ident(table) + " (";
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    sql += (i == 0 ? "" : ", ") + datasets::quote_ident(columns_[i].name) + " " + columns_[i].sql_type;
  }
  return sql + ")";
}

std::vector<store::Value> CaseBuilder::build(const std::vector<RawRow>& rows) const {
  std::vector<store::Value> out(columns_.size());
  if (rows.empty()) return out;
  auto set = [&](const std::string& name, store::Value value) {
    auto it = index_.find(name);
    if (it != index_.end()) out[it->second] = std::move(value);
  };
  const RawRow& first = rows.front();
  set("Case_ID", text_or_null(first[RawColumn::dataset_id]));
  for (RawColumn field : kSourceFields) set(raw_column_name(field), text_or_null(first[field]));

  const auto extra = first[RawColumn::additional_input]
                         ? parse_structured(*first[RawColumn::additional_input])
                         : std::nullopt;
  store::Value agent = text_or_null(first[RawColumn::source_name]);
  if (extra && extra->is_object()) {
    if (auto url = extra->find("message_url"); url != extra->end()) set("Slack_URL", to_value(*url, "VARCHAR"));
    if (auto sender = extra->find("sender"); sender != extra->end() && !sender->is_null()) {
      agent = to_value(*sender, "VARCHAR");
    }
  }
  set("Agent_Name", agent);
  if (extra) set("additional_input", python_json_text(*extra));

  const Json messages = conversation_messages(first[RawColumn::conversation]);
  std::string business = "Unknown";
  if (!messages.empty() && messages[0].is_object()) {
    auto content = messages[0].find("content");
    if (content != messages[0].end() && content->is_string()) business = case_label(content->get<std::string>());
  }
  set("Business", business);
  set("Full_Conversation", util::json_text(messages));
  set("Message_Count", message_count(first[RawColumn::conversation_stats]));
  set("Timestamp", text_or_null(first[RawColumn::timestamp]));
  for (RawColumn column : kTextColumns) set(raw_column_name(column), structured_text(first[column]));

  std::set<std::string> promoted;
  for (const RawRow& row : rows) {
    const auto metric = metric_of(row);
    if (!metric || schema_.visible_metrics.count(*metric) == 0) continue;
    const auto& cell = row[RawColumn::signals];
    const auto parsed = cell ? parse_structured(*cell) : std::nullopt;
    if (!parsed || !parsed->is_object()) continue;
    const Json signals = expand_signals(*parsed);
    for (const auto& [key, value] : signals.items()) {
      const bool metadata = schema_.metadata_keys.count(key) != 0;
      const std::string name = metadata ? key : *metric + "__" + key;
      auto it = signal_index_.find(name);
      if (it == signal_index_.end()) continue;
      if (metadata) {
        // The first non-null value of a metadata key wins.
        if (value.is_null() || promoted.count(key) != 0) continue;
        promoted.insert(key);
      }
      out[it->second] = to_value(cell_value(value), columns_[it->second].sql_type);
    }
  }
  return out;
}

}  // namespace axis::signals
