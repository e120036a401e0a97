#include "plugins/memory/memory_rules_store.h"

#include "store/appender.h"
#include "store/connection.h"
#include "store/store_error.h"
#include "store/transaction.h"

namespace axis::plugins::memory {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kTable = "_memory_rules";

// The role columns in table order (the roles' fixed order), quoted.
std::string role_columns() {
  std::string out;
  for (const auto& [role, column] : default_field_roles()) {
    (void)column;
    if (!out.empty()) out += ", ";
    out += "\"" + role + "\"";
  }
  return out;
}

std::vector<store::Value> role_values(const MemoryRule& rule) {
  std::vector<store::Value> values;
  for (const auto& [role, column] : default_field_roles()) {
    (void)column;
    const auto it = rule.record.find(role);
    values.emplace_back(it == rule.record.end()
                            ? std::string("\"\"")
                            : it->dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  return values;
}

}  // namespace

std::vector<PositionedRule> load_rules(store::Connection& conn) {
  std::vector<PositionedRule> out;
  conn.execute(std::string("SELECT position, ") + role_columns() + " FROM " + kTable +
               " ORDER BY position")
      .for_each_row([&](const std::vector<std::optional<std::string>>& row) {
        MemoryRule rule;
        std::size_t i = 1;
        for (const auto& [role, column] : default_field_roles()) {
          (void)column;
          const auto& text = row[i++];
          rule.record[role] = text ? Json::parse(*text, nullptr, false) : Json("");
          if (rule.record[role].is_discarded()) rule.record[role] = "";
        }
        out.emplace_back(std::stoll(row[0].value_or("0")), std::move(rule));
      });
  return out;
}

std::vector<PositionedRule> replace_rules(store::Connection& conn, const std::vector<MemoryRule>& rules) {
  std::vector<PositionedRule> out;
  store::in_transaction(conn, [&] {
    conn.execute(std::string("DELETE FROM ") + kTable);
    store::Appender appender(conn, kTable);
    std::int64_t position = 0;
    for (const auto& rule : rules) {
      std::vector<store::Value> row{position};
      for (auto& v : role_values(rule)) row.push_back(std::move(v));
      appender.append_row(row);
      out.emplace_back(position++, rule);
    }
    appender.flush();
  });
  return out;
}

void insert_rule(store::Connection& conn, std::int64_t position, const MemoryRule& rule) {
  std::vector<store::Value> values{position};
  for (auto& v : role_values(rule)) values.push_back(std::move(v));
  std::string marks = "?";
  for (std::size_t i = 1; i < values.size(); ++i) marks += ", ?";
  conn.query(std::string("INSERT INTO ") + kTable + " (position, " + role_columns() +
                 ") VALUES (" + marks + ")",
             values);
}

void update_rule(store::Connection& conn, std::int64_t position, const MemoryRule& rule) {
  std::string sets;
  for (const auto& [role, column] : default_field_roles()) {
    (void)column;
    if (!sets.empty()) sets += ", ";
    sets += "\"" + role + "\" = ?";
  }
  auto values = role_values(rule);
  values.emplace_back(position);
  conn.query(std::string("UPDATE ") + kTable + " SET " + sets + " WHERE position = ?", values);
}

void delete_rule(store::Connection& conn, std::int64_t position) {
  conn.query(std::string("DELETE FROM ") + kTable + " WHERE position = ?", {position});
}

}  // namespace axis::plugins::memory
