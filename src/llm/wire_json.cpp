#include "llm/wire_json.h"

#include "llm/chat.h"

namespace axis::llm {

Json parse_reply_json(const std::string& text, const std::string& what) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) throw LlmError(502, "the model provider sent " + what + " that is not JSON");
  return j;
}

std::string string_at(const Json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Json arguments_object(const std::string& text) {
  Json j = Json::parse(text.empty() ? "{}" : text, nullptr, false);
  return j.is_object() ? j : Json::object();
}


std::string error_text(const std::string& body) {
  Json j = Json::parse(body, nullptr, false);
  if (j.is_object() && j.contains("error")) {
    const Json& e = j["error"];
    if (e.is_object() && e.contains("message") && e["message"].is_string()) {
      return e["message"].get<std::string>();
    }
    if (e.is_string()) return e.get<std::string>();
  }
  std::string excerpt = body.substr(0, 300);
  return excerpt.empty() ? "no details" : excerpt;
}

}  // namespace axis::llm
