#include "config/env.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "config/config_error.h"
#include "util/text.h"

namespace axis::config::detail {

std::string trim(std::string_view text) { return std::string(util::trim(text)); }

std::string to_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string to_lower(std::string_view text) { return util::ascii_lower(text); }

std::optional<bool> parse_bool(std::string_view text) {
  const std::string v = to_lower(trim(text));
  if (v == "true" || v == "1" || v == "yes" || v == "on") return true;
  if (v == "false" || v == "0" || v == "no" || v == "off") return false;
  return std::nullopt;
}

std::optional<long long> parse_int(std::string_view text) {
  std::string v = trim(text);
  if (!v.empty() && v.front() == '+') v.erase(0, 1);
  if (v.empty()) return std::nullopt;
  long long out = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return out;
}

std::optional<double> parse_double(std::string_view text) {
  std::string v = trim(text);
  if (!v.empty() && v.front() == '+') v.erase(0, 1);
  if (v.empty()) return std::nullopt;
  double out = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(out)) return std::nullopt;
  return out;
}

void fail_key(const std::string& where, const std::string& key, const std::string& reason) {
  throw ConfigError(where + ": key '" + key + "': " + reason);
}

namespace {

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool is_name(std::string_view s) {
  if (s.empty() || !is_name_start(s.front())) return false;
  return std::all_of(s.begin(), s.end(), is_name_char);
}

[[noreturn]] void fail_line(const std::string& path, std::size_t line, const std::string& why) {
  throw ConfigError(path + ": line " + std::to_string(line) + ": " + why);
}

// Parses the value part of a .env line (after '='), starting at `rest`.
std::string parse_dotenv_value(std::string_view rest, const std::string& path, std::size_t line) {
  const std::string v = trim(rest);
  if (v.empty()) return {};
  const char quote = v.front();
  if (quote != '"' && quote != '\'') {
    // A bare value: a '#' preceded by whitespace starts a comment.
    std::size_t cut = v.size();
    for (std::size_t i = 1; i < v.size(); ++i) {
      if (v[i] == '#' && std::isspace(static_cast<unsigned char>(v[i - 1]))) {
        cut = i;
        break;
      }
    }
    return trim(std::string_view(v).substr(0, cut));
  }
  std::string out;
  std::size_t i = 1;
  for (; i < v.size() && v[i] != quote; ++i) {
    if (quote == '"' && v[i] == '\\' && i + 1 < v.size()) {
      const char next = v[++i];
      switch (next) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        default:
          out += '\\';
          out += next;
          break;
      }
    } else {
      out += v[i];
    }
  }
  if (i >= v.size()) fail_line(path, line, "unterminated quoted value");
  const std::string tail = trim(std::string_view(v).substr(i + 1));
  if (!tail.empty() && tail.front() != '#') {
    fail_line(path, line, "unexpected text after the closing quote");
  }
  return out;
}

}  // namespace

std::vector<DotenvEntry> parse_dotenv(std::string_view text, const std::string& display_path) {
  std::vector<DotenvEntry> entries;
  std::size_t line_no = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (line.rfind("export ", 0) == 0) line = trim(std::string_view(line).substr(7));
    const std::size_t eq = line.find('=');
    if (eq == std::string::npos) {
      if (is_name(line)) continue;  // a bare name assigns nothing
      fail_line(display_path, line_no, "expected KEY=VALUE");
    }
    const std::string name = trim(std::string_view(line).substr(0, eq));
    if (!is_name(name)) fail_line(display_path, line_no, "invalid variable name");
    entries.push_back(
        {name, parse_dotenv_value(std::string_view(line).substr(eq + 1), display_path, line_no)});
  }
  return entries;
}

Env::Env(const std::map<std::string, std::string>& process, const std::vector<DotenvEntry>& dotenv,
         const std::string& dotenv_path)
    : dotenv_path_(dotenv_path) {
  // An exact upper-case name wins over other spellings of the same variable.
  for (const auto& [name, value] : process) {
    const std::string key = to_upper(name);
    if (name == key || !vars_.count(key)) vars_[key] = Value{value, false};
  }
  for (const auto& entry : dotenv) {
    const std::string key = to_upper(entry.name);
    auto it = vars_.find(key);
    if (it == vars_.end()) {
      vars_.emplace(key, Value{entry.value, true});
    } else if (it->second.from_dotenv) {
      it->second.text = entry.value;  // a later line of the same file wins
    }
  }
}

std::optional<std::string> Env::get(std::string_view name) const {
  const auto it = vars_.find(to_upper(name));
  if (it == vars_.end()) return std::nullopt;
  return it->second.text;
}

std::optional<std::string> Env::non_empty(std::string_view name) const {
  auto v = get(name);
  if (v && v->empty()) return std::nullopt;
  return v;
}

std::string Env::str(std::string_view name, const std::string& fallback) const {
  return get(name).value_or(fallback);
}

void Env::fail_variable(std::string_view name, const std::string& expected) const {
  const auto it = vars_.find(to_upper(name));
  fail(name, it == vars_.end() ? Value{} : it->second, expected);
}

void Env::fail(std::string_view name, const Value& value, const std::string& expected) const {
  const std::string where = value.from_dotenv ? dotenv_path_ : std::string("environment");
  throw ConfigError(where + ": variable '" + to_upper(name) + "': expected " + expected +
                    ", got '" + value.text + "'");
}

bool Env::boolean(std::string_view name, bool fallback) const {
  const auto it = vars_.find(to_upper(name));
  if (it == vars_.end() || trim(it->second.text).empty()) return fallback;
  if (auto v = parse_bool(it->second.text)) return *v;
  fail(name, it->second, "a boolean (true/false/1/0/yes/no/on/off)");
}

long long Env::integer(std::string_view name, long long fallback) const {
  const auto it = vars_.find(to_upper(name));
  if (it == vars_.end() || trim(it->second.text).empty()) return fallback;
  if (auto v = parse_int(it->second.text)) return *v;
  fail(name, it->second, "an integer");
}

double Env::number(std::string_view name, double fallback) const {
  const auto it = vars_.find(to_upper(name));
  if (it == vars_.end() || trim(it->second.text).empty()) return fallback;
  if (auto v = parse_double(it->second.text)) return *v;
  fail(name, it->second, "a number");
}

std::vector<std::string> Env::names_with_prefix(std::string_view prefix) const {
  std::vector<std::string> out;
  const std::string p = to_upper(prefix);
  for (auto it = vars_.lower_bound(p); it != vars_.end() && it->first.rfind(p, 0) == 0; ++it) {
    out.push_back(it->first);
  }
  return out;
}

std::string interpolate(std::string_view text, const Env& env, std::vector<std::string>& unset) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = text.find("${", i);
    if (start == std::string_view::npos) break;
    const std::size_t close = text.find('}', start + 2);
    if (close == std::string_view::npos) break;
    const std::string_view body = text.substr(start + 2, close - start - 2);
    const std::size_t sep = body.find(":-");
    const std::string_view name = body.substr(0, sep);
    out.append(text.substr(i, start - i));
    if (!is_name(name)) {
      out.append(text.substr(start, close + 1 - start));  // not a reference: keep it
    } else if (sep != std::string_view::npos) {
      const auto value = env.non_empty(name);
      out += value ? *value : std::string(body.substr(sep + 2));
    } else if (const auto value = env.get(name)) {
      out += *value;
    } else {
      unset.emplace_back(name);
    }
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace axis::config::detail
