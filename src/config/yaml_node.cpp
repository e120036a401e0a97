#include "config/yaml_node.h"

#include <climits>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "config/config_error.h"
#include "config/env.h"

namespace axis::config::detail {

YamlNode::YamlNode(const YamlContext* ctx, YAML::Node node, std::string path)
    : ctx_(ctx), node_(std::move(node)), path_(std::move(path)) {}

bool YamlNode::present() const { return node_.IsDefined() && !node_.IsNull(); }

YamlNode YamlNode::operator[](const std::string& key) const {
  const std::string child_path = path_.empty() ? key : path_ + "." + key;
  if (!present() || !node_.IsMap())
    return YamlNode(ctx_, YAML::Node(YAML::NodeType::Undefined), child_path);
  const YAML::Node& self = node_;
  return YamlNode(ctx_, self[key], child_path);
}

std::string YamlNode::where() const { return ctx_->file + ": key '" + path_ + "'"; }

long long YamlNode::clamped(const std::string& key, long long fallback, long long lo,
                            long long hi) const {
  const YamlNode n = (*this)[key];
  const long long value = n.present() ? n.as_int() : fallback;
  const long long out = value < lo ? lo : (value > hi ? hi : value);
  if (out != value) {
    ctx_->warnings->push_back(n.where() + ": " + std::to_string(value) + " is out of range " +
                              std::to_string(lo) + ".." + std::to_string(hi) + ", using " +
                              std::to_string(out));
  }
  return out;
}

void YamlNode::fail(const std::string& reason) const {
  std::string why = reason;
  if (node_.IsDefined() && node_.Mark().line >= 0) {
    why += " (line " + std::to_string(node_.Mark().line + 1) + ")";
  }
  fail_key(ctx_->file, path_, why);
}

std::string YamlNode::kind() const {
  if (node_.IsMap()) return "a map";
  if (node_.IsSequence()) return "a list";
  return "'" + node_.Scalar() + "'";
}

std::string YamlNode::raw_scalar() const {
  if (!node_.IsScalar()) fail("expected a single value, got " + kind());
  return node_.Scalar();
}

std::string YamlNode::expanded() const {
  std::vector<std::string> unset;
  std::string value = interpolate(raw_scalar(), *ctx_->env, unset);
  for (const auto& name : unset) {
    ctx_->warnings->push_back(ctx_->file + ": key '" + path_ + "': ${" + name +
                              "} is not set; using an empty value");
  }
  return value;
}

std::string YamlNode::as_string() const { return expanded(); }

bool YamlNode::as_bool() const {
  if (auto v = parse_bool(expanded())) return *v;
  fail("expected a boolean (true/false/yes/no/on/off/1/0), got " + kind());
}

long long YamlNode::as_int() const {
  if (auto v = parse_int(expanded())) return *v;
  fail("expected an integer, got " + kind());
}

double YamlNode::as_double() const {
  if (auto v = parse_double(expanded())) return *v;
  fail("expected a number, got " + kind());
}

std::vector<std::string> YamlNode::as_string_list() const {
  std::vector<std::string> out;
  for (const auto& item : items()) out.push_back(item.as_string());
  return out;
}

std::map<std::string, std::string> YamlNode::as_string_map() const {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : entries()) {
    if (value.present()) out[key] = value.as_string();
  }
  return out;
}

std::vector<std::pair<std::string, YamlNode>> YamlNode::entries() const {
  if (!node_.IsMap()) fail("expected a map, got " + kind());
  std::vector<std::pair<std::string, YamlNode>> out;
  for (const auto& kv : node_) {
    if (!kv.first.IsScalar()) fail("expected a map with plain keys");
    const std::string key = kv.first.Scalar();
    out.emplace_back(key, YamlNode(ctx_, kv.second, path_.empty() ? key : path_ + "." + key));
  }
  return out;
}

std::vector<YamlNode> YamlNode::items() const {
  if (!node_.IsSequence()) fail("expected a list, got " + kind());
  std::vector<YamlNode> out;
  for (std::size_t i = 0; i < node_.size(); ++i) {
    out.emplace_back(ctx_, node_[i], path_ + "[" + std::to_string(i) + "]");
  }
  return out;
}

nlohmann::json YamlNode::to_json() const {
  if (!present()) return nullptr;
  if (node_.IsMap()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, value] : entries()) out[key] = value.to_json();
    return out;
  }
  if (node_.IsSequence()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : items()) out.push_back(item.to_json());
    return out;
  }
  const std::string text = expanded();
  if (node_.Tag() == "!") return text;  // quoted in the file: always a string
  const std::string lower = to_lower(text);
  if (lower == "true") return true;
  if (lower == "false") return false;
  if (auto i = parse_int(text)) return *i;
  if (auto d = parse_double(text)) return *d;
  return text;
}

void YamlNode::require_map_or_absent() const {
  if (present() && !node_.IsMap()) fail("expected a map, got " + kind());
}

void YamlNode::read(const std::string& key, std::string& out) const {
  if (const auto n = (*this)[key]; n.present()) out = n.as_string();
}
void YamlNode::read(const std::string& key, bool& out) const {
  if (const auto n = (*this)[key]; n.present()) out = n.as_bool();
}
void YamlNode::read(const std::string& key, int& out) const {
  const auto n = (*this)[key];
  if (!n.present()) return;
  const long long v = n.as_int();
  if (v < INT_MIN || v > INT_MAX) n.fail("integer out of range, got " + n.kind());
  out = static_cast<int>(v);
}
void YamlNode::read(const std::string& key, long long& out) const {
  if (const auto n = (*this)[key]; n.present()) out = n.as_int();
}
void YamlNode::read(const std::string& key, double& out) const {
  if (const auto n = (*this)[key]; n.present()) out = n.as_double();
}
void YamlNode::read(const std::string& key, std::vector<std::string>& out) const {
  if (const auto n = (*this)[key]; n.present()) out = n.as_string_list();
}
void YamlNode::read(const std::string& key, std::map<std::string, std::string>& out) const {
  if (const auto n = (*this)[key]; n.present()) out = n.as_string_map();
}

std::optional<YAML::Node> load_yaml_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path, ec)) {
    throw ConfigError(path + ": cannot be read");
  }
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return YAML::Load(text.str());
  } catch (const YAML::Exception& e) {
    throw ConfigError(path + ": invalid YAML at line " + std::to_string(e.mark.line + 1) +
                      ", column " + std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
}

YamlNode section(const YamlContext* ctx, const YAML::Node& root, const std::string& key) {
  YamlNode top(ctx, root, "");
  top.require_map_or_absent();
  if (top[key].present()) return top[key];
  return top;
}

}  // namespace axis::config::detail
