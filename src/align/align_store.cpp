#include "align/align_store.h"

#include "store/appender.h"
#include "store/store.h"
#include "store/store_error.h"
#include "store/transaction.h"
#include "util/random_id.h"

namespace axis::align {
namespace {

using Row = std::vector<std::optional<std::string>>;

const char* const kConfigColumns =
    "id, name, config_json, metrics_json, strftime(created_at, '%Y-%m-%dT%H:%M:%S'),"
    " strftime(updated_at, '%Y-%m-%dT%H:%M:%S')";
const char* const kRunColumns =
    "id, strftime(created_at, '%Y-%m-%dT%H:%M:%S'), name, model, provider, total_samples, metrics_json";

SavedConfig config_of(const Row& r) {
  return {r[0].value_or(""), r[1].value_or(""), r[2].value_or("{}"), r[3], r[4].value_or(""), r[5].value_or("")};
}

RunSummary run_of(const Row& r) {
  return {r[0].value_or(""), r[1].value_or(""), r[2], r[3].value_or(""), r[4].value_or(""),
          std::stoll(r[5].value_or("0")), r[6].value_or("{}")};
}

store::Value text_or_null(const std::optional<std::string>& v) {
  return v ? store::Value(*v) : store::Value(std::monostate{});
}

}  // namespace

std::string AlignStore::save_config(const std::string& name, const std::string& config_json,
                                    const std::optional<std::string>& metrics_json) const {
  const std::string id = util::uuid4();
  auto conn = store_.connection();
  conn->query("INSERT INTO _align_configs (id, name, config_json, metrics_json) VALUES (?, ?, ?, ?)",
              {id, name, config_json, text_or_null(metrics_json)});
  return id;
}

std::vector<SavedConfig> AlignStore::configs() const {
  auto conn = store_.connection();
  std::vector<SavedConfig> out;
  conn->query(std::string("SELECT ") + kConfigColumns + " FROM _align_configs ORDER BY created_at DESC, id", {})
      .for_each_row([&](const Row& r) { out.push_back(config_of(r)); });
  return out;
}

std::optional<SavedConfig> AlignStore::config(const std::string& id) const {
  auto conn = store_.connection();
  const auto rows = conn->query(std::string("SELECT ") + kConfigColumns + " FROM _align_configs WHERE id = ?", {id}).rows();
  if (rows.empty()) return std::nullopt;
  return config_of(rows.front());
}

bool AlignStore::delete_config(const std::string& id) const {
  auto conn = store_.connection();
  return conn->query("DELETE FROM _align_configs WHERE id = ?", {id}).rows_changed() > 0;
}

std::int64_t AlignStore::config_count() const {
  auto conn = store_.connection();
  return std::stoll(conn->execute("SELECT count(*) FROM _align_configs").scalar().value_or("0"));
}

std::int64_t AlignStore::replace_labels(const std::string& dataset_key,
                                        const std::map<std::string, HumanLabel>& labels) const {
  auto conn = store_.connection();
  store::in_transaction(*conn, [&] {
    conn->query("DELETE FROM _align_labels WHERE dataset_key = ?", {dataset_key});
    auto insert = conn->prepare("INSERT INTO _align_labels (dataset_key, record_id, score, notes) VALUES (?, ?, ?, ?)");
    for (const auto& [id, label] : labels) {
      insert.bind({dataset_key, id, static_cast<std::int64_t>(label.score), text_or_null(label.notes)});
      insert.execute();
    }
  });
  return static_cast<std::int64_t>(labels.size());
}

std::map<std::string, HumanLabel> AlignStore::labels(const std::string& dataset_key) const {
  auto conn = store_.connection();
  std::map<std::string, HumanLabel> out;
  conn->query("SELECT record_id, score, notes FROM _align_labels WHERE dataset_key = ?", {dataset_key})
      .for_each_row([&](const Row& r) { out[r[0].value_or("")] = {std::stoi(r[1].value_or("0")), r[2]}; });
  return out;
}

std::string AlignStore::save_run(const NewRun& run) const {
  const std::string id = util::uuid4();
  auto conn = store_.connection();
  store::in_transaction(*conn, [&] {
    const auto count = static_cast<std::int64_t>(run.results ? run.results->size() : 0);
    conn->query("INSERT INTO _align_runs (id, name, model, provider, total_samples, judge_config_json,"
                " metrics_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                {id, text_or_null(run.name), run.model, run.provider, count, run.judge_config_json,
                 run.metrics_json});
    if (!run.results) return;
    store::Appender appender(*conn, "_align_run_results");
    std::int64_t seq = 0;
    for (const auto& r : *run.results) {
      appender.append_row({id, seq++, r.record_id, r.query, r.actual_output, text_or_null(r.expected_output),
                           static_cast<std::int64_t>(r.human_score), static_cast<std::int64_t>(r.llm_score),
                           r.llm_reasoning});
    }
    appender.flush();
  });
  return id;
}

std::vector<RunSummary> AlignStore::runs() const {
  auto conn = store_.connection();
  std::vector<RunSummary> out;
  conn->query(std::string("SELECT ") + kRunColumns + " FROM _align_runs ORDER BY created_at DESC, id", {})
      .for_each_row([&](const Row& r) { out.push_back(run_of(r)); });
  return out;
}

std::optional<RunDetail> AlignStore::run(const std::string& id) const {
  auto conn = store_.connection();
  const auto rows = conn->query(std::string("SELECT ") + kRunColumns + ", judge_config_json FROM _align_runs WHERE id = ?",
                                {id}).rows();
  if (rows.empty()) return std::nullopt;
  RunDetail out{run_of(rows.front()), rows.front()[7].value_or("{}"), {}};
  conn->query("SELECT record_id, query, actual_output, expected_output, human_score, llm_score, llm_reasoning"
              " FROM _align_run_results WHERE run_id = ? ORDER BY seq",
              {id})
      .for_each_row([&](const Row& r) {
        AlignmentResult a;
        a.record_id = r[0].value_or("");
        a.query = r[1].value_or("");
        a.actual_output = r[2].value_or("");
        a.expected_output = r[3];
        a.human_score = std::stoi(r[4].value_or("0"));
        a.llm_score = std::stoi(r[5].value_or("0"));
        a.llm_reasoning = r[6].value_or("");
        out.results.push_back(std::move(a));
      });
  return out;
}

}  // namespace axis::align
