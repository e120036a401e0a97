// The one way AXIS writes JSON text.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace axis::util {

// Compact JSON text of `value`: a nlohmann::json or ordered_json, or anything they can be made
// from (strings, numbers, vectors, maps). Invalid UTF-8 inside a string (stored text can hold
// anything) becomes U+FFFD instead of an exception.
template <class T>
std::string json_text(const T& value) {
  if constexpr (requires { typename T::error_handler_t; }) {
    return value.dump(-1, ' ', false, T::error_handler_t::replace);
  } else {
    return json_text(nlohmann::ordered_json(value));
  }
}

// The same for a JSON value written in place: json_text({{"success", true}}).
inline std::string json_text(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// The text, or JSON null when there is none.
inline nlohmann::ordered_json json_or_null(const std::optional<std::string>& text) {
  return text ? nlohmann::ordered_json(*text) : nlohmann::ordered_json(nullptr);
}

}  // namespace axis::util
