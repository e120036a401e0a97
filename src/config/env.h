// Internal to src/config: the merged environment (process env over .env), value parsing shared
// with the YAML reader, the .env parser and ${VAR} interpolation.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/title_case.h"

namespace axis::config::detail {

// Strict scalar parsers. They return nullopt on anything but a whole, well-formed value
// (surrounding whitespace allowed). Booleans: true/false/1/0/yes/no/on/off, any case.
std::optional<bool> parse_bool(std::string_view text);
std::optional<long long> parse_int(std::string_view text);
std::optional<double> parse_double(std::string_view text);

std::string trim(std::string_view text);
std::string to_upper(std::string_view text);
std::string to_lower(std::string_view text);
// "risk_score" / "risk-score" -> "Risk Score" (shared with the rest of the server).
using util::title_case;

// One KEY=VALUE assignment of a .env file, in file order.
struct DotenvEntry {
  std::string name, value;
};

// Parses .env text: blank lines and '#' comments are skipped, an optional "export " prefix is
// dropped, values may be single-quoted (literal), double-quoted (\n \t \" \\ escapes) or bare
// (trimmed, a " #" starts a comment). A bare name without '=' is ignored. Throws ConfigError
// naming `display_path` and the line for anything else.
std::vector<DotenvEntry> parse_dotenv(std::string_view text, const std::string& display_path);

// The environment the loader reads: process variables first, .env entries only where the
// process has no variable of that name. Names are case-insensitive.
class Env {
 public:
  Env(const std::map<std::string, std::string>& process, const std::vector<DotenvEntry>& dotenv,
      const std::string& dotenv_path);

  // The raw value, or nullopt when the variable is not set at all.
  std::optional<std::string> get(std::string_view name) const;
  // The value when set and non-empty.
  std::optional<std::string> non_empty(std::string_view name) const;
  std::string str(std::string_view name, const std::string& fallback) const;

  // Typed reads. An unset or empty variable gives `fallback`; a malformed one throws
  // ConfigError naming the variable and where it came from.
  bool boolean(std::string_view name, bool fallback) const;
  long long integer(std::string_view name, long long fallback) const;
  double number(std::string_view name, double fallback) const;

  // Throws ConfigError "<where>: variable '<NAME>': expected <expected>, got '<value>'" for a
  // set variable whose value the caller rejected.
  [[noreturn]] void fail_variable(std::string_view name, const std::string& expected) const;

  // Upper-cased names of all variables starting with `prefix` (upper case), sorted.
  std::vector<std::string> names_with_prefix(std::string_view prefix) const;

 private:
  struct Value {
    std::string text;
    bool from_dotenv = false;
  };
  [[noreturn]] void fail(std::string_view name, const Value& value,
                         const std::string& expected) const;

  std::string dotenv_path_;
  std::map<std::string, Value> vars_;
};

// Expands ${NAME} and ${NAME:-default} in `text` from `env`. ${NAME:-default} uses the default
// when NAME is unset or empty. An unset ${NAME} becomes empty and its name is appended to
// `unset` (never its value). Text that is not a well-formed reference is kept as is.
std::string interpolate(std::string_view text, const Env& env, std::vector<std::string>& unset);

// "<where>: key '<key>': <reason>" as a ConfigError.
[[noreturn]] void fail_key(const std::string& where, const std::string& key,
                           const std::string& reason);

}  // namespace axis::config::detail
