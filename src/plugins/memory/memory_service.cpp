#include "plugins/memory/memory_service.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>
#include <mutex>
#include <set>

#include "plugins/memory/memory_views.h"
#include "plugins/memory/rules_csv.h"
#include "store/store.h"
#include "util/http_error.h"
#include "util/random_id.h"

namespace axis::plugins::memory {
namespace {

std::vector<MemoryRule> plain(const std::vector<PositionedRule>& rules) {
  std::vector<MemoryRule> out;
  out.reserve(rules.size());
  for (const auto& [position, rule] : rules) out.push_back(rule);
  return out;
}

// The current UTC time as Python's datetime.now(UTC).isoformat() writes it.
std::string utc_iso_now() {
  const auto now = std::chrono::system_clock::now();
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() % 1000000;
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lld+00:00", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(micros));
  return buf;
}

Json upload_reply(bool success, const std::vector<std::string>& columns, const Json& data,
                  const Json& filters, const Json& summary, const Json& message) {
  return {{"success", success}, {"format", "memory"},   {"row_count", data.size()},
          {"columns", columns}, {"data", data},         {"filters_available", filters},
          {"summary", summary}, {"message", message}};
}

}  // namespace

MemoryService::MemoryService(store::Store& store, MemoryConfig config, RulesListener listener)
    : store_(store), config_(std::move(config)), listener_(std::move(listener)) {
  auto conn = store_.connection();
  rules_ = load_rules(*conn);
}

std::vector<MemoryRule> MemoryService::rules() const {
  std::shared_lock lock(mutex_);
  return plain(rules_);
}

void MemoryService::committed(std::vector<PositionedRule> next) {
  rules_ = std::move(next);
  if (!listener_) return;
  try {
    listener_(plain(rules_));
  } catch (const std::exception& e) {
    spdlog::warn("memory: a rule-set listener failed: {}", e.what());
  }
}

std::size_t MemoryService::find(const std::string& id) const {
  for (std::size_t i = 0; i < rules_.size(); ++i)
    if (rules_[i].second.is("id", id)) return i;
  return std::string::npos;
}

Json MemoryService::replace_from_csv(const std::string& path) {
  const RulesCsv csv = read_rules_csv(path, kMaxRules);
  const std::vector<MemoryRule> empty;
  if (csv.rows.empty()) {
    return upload_reply(true, {}, Json::array(), Json::object(), summary_view(empty, config_),
                        "CSV was empty");
  }
  const std::set<std::string> columns(csv.header.begin(), csv.header.end());
  std::string missing;
  for (const auto& role : config_.required_roles) {
    const std::string& column = config_.column_for(role);
    if (columns.count(column)) continue;
    missing += (missing.empty() ? "" : ", ") + ("'" + column + "' (for role '" + role + "')");
  }
  if (!missing.empty()) {
    return upload_reply(false, csv.header, Json::array(), Json::object(),
                        summary_view(empty, config_), "Missing required columns: " + missing);
  }
  std::vector<MemoryRule> rules;
  rules.reserve(csv.rows.size());
  for (const auto& row : csv.rows) {
    Json fields = Json::object();
    for (const auto& [role, column] : config_.field_roles) {
      // The last column of a name wins, as in a Python dict; a short row reads "".
      std::string value;
      for (std::size_t i = 0; i < csv.header.size() && i < row.size(); ++i)
        if (csv.header[i] == column) value = row[i];
      fields[role] = value;
    }
    rules.push_back(normalised_rule(fields, config_));
  }
  {
    std::unique_lock lock(mutex_);
    auto conn = store_.connection();
    committed(replace_rules(*conn, rules));
  }
  return upload_reply(true, csv.header, records(rules), filters_available_view(rules, config_),
                      summary_view(rules, config_), nullptr);
}

MemoryRule MemoryService::create(const Json& body) {
  std::string missing;
  for (const auto& role : config_.required_roles) {
    if (role == "id" || role == "batch" || role == "status") continue;
    const auto it = body.find(role);
    if (it == body.end() || it->is_null()) missing += (missing.empty() ? "" : ", ") + role;
  }
  if (!missing.empty()) throw util::HttpError(400, "Missing required fields: " + missing);
  Json fields = body;
  fields["id"] = util::uuid4();
  fields["created_at"] = utc_iso_now();
  fields["batch"] = "manual";
  fields["status"] = "pending";
  const MemoryRule rule = normalised_rule(fields, config_);

  std::unique_lock lock(mutex_);
  if (rules_.size() >= kMaxRules)
    throw util::HttpError(413, "The rule set already holds the most rules allowed (" +
                                   std::to_string(kMaxRules) + ")");
  const std::int64_t position = rules_.empty() ? 0 : rules_.front().first - 1;
  auto conn = store_.connection();
  insert_rule(*conn, position, rule);
  auto next = rules_;
  next.insert(next.begin(), {position, rule});
  committed(std::move(next));
  return rule;
}

std::optional<MemoryRule> MemoryService::update(const std::string& id, const Json& body) {
  std::unique_lock lock(mutex_);
  const std::size_t index = find(id);
  if (index == std::string::npos) return std::nullopt;
  Json fields = rules_[index].second.record;
  for (const auto& [key, value] : body.items())
    if (!value.is_null() && is_role(key)) fields[key] = value;
  const MemoryRule rule = normalised_rule(fields, config_);
  auto conn = store_.connection();
  update_rule(*conn, rules_[index].first, rule);
  auto next = rules_;
  next[index].second = rule;
  committed(std::move(next));
  return rule;
}

bool MemoryService::remove(const std::string& id) {
  std::unique_lock lock(mutex_);
  const std::size_t index = find(id);
  if (index == std::string::npos) return false;
  auto conn = store_.connection();
  delete_rule(*conn, rules_[index].first);
  auto next = rules_;
  next.erase(next.begin() + static_cast<std::ptrdiff_t>(index));
  committed(std::move(next));
  return true;
}

}  // namespace axis::plugins::memory
