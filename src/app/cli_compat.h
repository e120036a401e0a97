// The command line as the server's CLI reads it, after accepting the flag forms of the
// deployment guide's uvicorn command: `--access-log` without a value (= true) and
// `--no-access-log` (= false). `--workers N` and `--log-level <uvicorn level>` need no rewrite.
#pragma once

#include <string>
#include <vector>

namespace axis::app {

std::vector<std::string> uvicorn_compatible_args(std::vector<std::string> args);

}  // namespace axis::app
