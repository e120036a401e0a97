// Server-Sent Events framing (the text/event-stream format): one event is optional `event:`
// and `id:` lines, then one `data:` line per line of its data, then a blank line. A comment
// line (": ...") keeps an idle stream open through proxies.
#pragma once

#include <string>
#include <string_view>

namespace axis::http {

// An event; `data` may hold newlines (\n, \r\n or \r): each line becomes its own data line, so
// the client's EventSource joins them back with \n. Empty `event` = the default "message".
std::string sse_event(std::string_view event, std::string_view data, std::string_view id = {});

// A comment line, e.g. sse_comment("ping") → ": ping\n\n".
std::string sse_comment(std::string_view text);

}  // namespace axis::http
