#include "app/cli_compat.h"

#include <algorithm>
#include <array>

namespace axis::app {
namespace {

bool is_switch_value(const std::string& s) {
  static constexpr std::array<const char*, 6> kValues = {"true", "false", "1", "0", "on", "off"};
  return std::find(kValues.begin(), kValues.end(), s) != kValues.end();
}

}  // namespace

std::vector<std::string> uvicorn_compatible_args(std::vector<std::string> args) {
  std::vector<std::string> out;
  out.reserve(args.size());
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--no-access-log") {
      out.push_back("--access-log=false");
    } else if (args[i] == "--access-log" && (i + 1 == args.size() || !is_switch_value(args[i + 1]))) {
      out.push_back("--access-log=true");
    } else {
      out.push_back(args[i]);
    }
  }
  return out;
}

}  // namespace axis::app
