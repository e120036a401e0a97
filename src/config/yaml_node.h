// Internal to src/config: typed, interpolating access to a parsed YAML file. Every accessor that
// meets a value of the wrong shape throws ConfigError "<file>: key '<path>': <reason>", quoting
// the text as written in the file (before ${VAR} expansion, so no secret is ever quoted).
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace axis::config::detail {

class Env;

// What every node of one file shares. Outlives the nodes that point at it.
struct YamlContext {
  std::string file;                    // as shown in messages
  const Env* env = nullptr;            // for ${VAR} expansion
  std::vector<std::string>* warnings;  // unset ${VAR} names are reported here
};

class YamlNode {
 public:
  YamlNode(const YamlContext* ctx, YAML::Node node, std::string path);

  // True when the key exists and is not null (`key:` with nothing after it counts as absent).
  bool present() const;
  bool is_map() const { return present() && node_.IsMap(); }
  const std::string& path() const { return path_; }
  const YamlContext& context() const { return *ctx_; }

  // The child under `key` (absent when this node is not a map or has no such key).
  YamlNode operator[](const std::string& key) const;

  std::string as_string() const;
  bool as_bool() const;
  long long as_int() const;
  double as_double() const;
  std::vector<std::string> as_string_list() const;
  std::map<std::string, std::string> as_string_map() const;
  // Map entries in file order; throws unless this is a map.
  std::vector<std::pair<std::string, YamlNode>> entries() const;
  // Sequence items (paths "key[i]"); throws unless this is a sequence.
  std::vector<YamlNode> items() const;
  // Any value as JSON: quoted scalars stay strings, plain ones become null, bool, int, double
  // or string by their text. Scalars are expanded.
  nlohmann::json to_json() const;

  // Throws unless absent or a map.
  void require_map_or_absent() const;

  // Assigns `out` from the child `key` when it is present; wrong shapes throw.
  void read(const std::string& key, std::string& out) const;
  void read(const std::string& key, bool& out) const;
  void read(const std::string& key, int& out) const;
  void read(const std::string& key, long long& out) const;
  void read(const std::string& key, double& out) const;
  void read(const std::string& key, std::vector<std::string>& out) const;
  void read(const std::string& key, std::map<std::string, std::string>& out) const;

  // The child `key` as an integer (`fallback` when absent), limited to [lo, hi] with a warning
  // naming the file and key when it had to be changed.
  long long clamped(const std::string& key, long long fallback, long long lo, long long hi) const;

  // "<file>: key '<path>'", the prefix of every message about this node.
  std::string where() const;
  [[noreturn]] void fail(const std::string& reason) const;

 private:
  std::string kind() const;        // "a map", "a list", "a scalar" for messages
  std::string raw_scalar() const;  // throws unless a scalar
  std::string expanded() const;

  const YamlContext* ctx_;
  YAML::Node node_;
  std::string path_;
};

// Parses the file at `path`. nullopt when it does not exist; throws ConfigError naming the file
// and line on a syntax error or when it cannot be read. An empty file gives a null node.
std::optional<YAML::Node> load_yaml_file(const std::string& path);

// The section of a file that may wrap its content under one top-level key (`theme:` in
// theme.yaml): root[key] when root is a map holding `key`, else the root itself. Throws when
// the root is neither absent nor a map.
YamlNode section(const YamlContext* ctx, const YAML::Node& root, const std::string& key);

}  // namespace axis::config::detail
