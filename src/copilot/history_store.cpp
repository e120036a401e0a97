#include "copilot/history_store.h"

#include "store/store.h"
#include "store/store_error.h"

namespace axis::copilot {

std::vector<llm::ChatMessage> HistoryStore::recent(const std::string& session_id, int max_messages) const {
  auto conn = store_.connection();
  auto rows = conn->query("SELECT role, content FROM (SELECT role, content, seq FROM _copilot_messages"
                          " WHERE session_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq",
                          {session_id, static_cast<std::int64_t>(max_messages)})
                  .rows();
  std::vector<llm::ChatMessage> out;
  for (const auto& r : rows) out.push_back({r[0].value_or("user"), r[1].value_or(""), {}, ""});
  // A conversation sent to a model starts with a question.
  while (!out.empty() && out.front().role != "user") out.erase(out.begin());
  return out;
}

std::vector<StoredMessage> HistoryStore::all(const std::string& session_id) const {
  auto conn = store_.connection();
  auto rows = conn->query("SELECT role, content, strftime(created_at, '%Y-%m-%dT%H:%M:%S') FROM"
                          " _copilot_messages WHERE session_id = ? ORDER BY seq",
                          {session_id})
                  .rows();
  std::vector<StoredMessage> out;
  for (const auto& r : rows) out.push_back({r[0].value_or(""), r[1].value_or(""), r[2].value_or("")});
  return out;
}

void HistoryStore::append_turn(const std::string& session_id, const std::string& question,
                               const std::string& answer) const {
  auto conn = store_.connection();
  // Two answers of one session finishing at once may pick the same seq; the loser retries.
  for (int attempt = 0;; ++attempt) {
    try {
      conn->query("INSERT INTO _copilot_messages (session_id, seq, role, content)"
                  " SELECT ?, n + 1, 'user', ? FROM (SELECT coalesce(max(seq), 0) AS n FROM"
                  " _copilot_messages WHERE session_id = ?)"
                  " UNION ALL SELECT ?, n + 2, 'assistant', ? FROM (SELECT coalesce(max(seq), 0) AS n"
                  " FROM _copilot_messages WHERE session_id = ?)",
                  {session_id, question, session_id, session_id, answer, session_id});
      return;
    } catch (const store::StoreError&) {
      if (attempt >= 3) throw;
    }
  }
}

long long HistoryStore::clear(const std::string& session_id) const {
  auto conn = store_.connection();
  return conn->query("DELETE FROM _copilot_messages WHERE session_id = ?", {session_id}).rows_changed();
}

bool valid_session_id(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  for (unsigned char c : id) {
    if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':')) return false;
  }
  return true;
}

}  // namespace axis::copilot
