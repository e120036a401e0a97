#include "http/sse_event.h"

namespace axis::http {
namespace {

// The text with every line break removed: event names and ids are single lines.
std::string one_line(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '\n' && c != '\r') out += c;
  }
  return out;
}

}  // namespace

std::string sse_event(std::string_view event, std::string_view data, std::string_view id) {
  std::string out;
  if (!event.empty()) out += "event: " + one_line(event) + "\n";
  if (!id.empty()) out += "id: " + one_line(id) + "\n";
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = data.find_first_of("\r\n", start);
    out += "data: ";
    out += data.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    out += "\n";
    if (end == std::string_view::npos) break;
    start = end + (data[end] == '\r' && end + 1 < data.size() && data[end + 1] == '\n' ? 2 : 1);
  }
  return out + "\n";
}

std::string sse_comment(std::string_view text) { return ": " + one_line(text) + "\n\n"; }

}  // namespace axis::http
