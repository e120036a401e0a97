// HistoryStore: the copilot's conversations, one per session id, kept in the store's
// _copilot_messages table (questions and final answers; tool traffic is not kept).
// Thread-safe; each call takes its own connection.
#pragma once

#include <string>
#include <vector>

#include "llm/chat.h"

namespace axis::store { class Store; }

namespace axis::copilot {

struct StoredMessage {
  std::string role;  // user | assistant
  std::string content;
  std::string created_at;
};

class HistoryStore {
 public:
  explicit HistoryStore(store::Store& store) : store_(store) {}

  // The newest `max_messages` messages of a session, oldest first, as chat turns.
  std::vector<llm::ChatMessage> recent(const std::string& session_id, int max_messages = 20) const;
  std::vector<StoredMessage> all(const std::string& session_id) const;
  // Appends a question and its answer together.
  void append_turn(const std::string& session_id, const std::string& question, const std::string& answer) const;
  // Removes a session; returns the number of messages removed.
  long long clear(const std::string& session_id) const;

 private:
  store::Store& store_;
};

// A session id a client may choose: 1–128 letters, digits, '-', '_', '.' or ':'.
bool valid_session_id(const std::string& id);

}  // namespace axis::copilot
