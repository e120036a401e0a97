#include "monitoring/monitoring_config.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace axis::monitoring {
namespace {

using nlohmann::json;

// Reads typed members of JSON objects into fields that already hold their defaults. A present
// value of the wrong type or out of range is dropped with a warning naming its key.
class Reader {
 public:
  explicit Reader(std::vector<std::string>& warnings) : warnings_(warnings) {}

  // The member `key` of `obj` when `obj` is an object that has it (and it is not null).
  static const json* member(const json& obj, const char* key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
  }

  // The object `key` of `obj`; a non-object is dropped (an empty object is returned).
  const json& object(const json& obj, const std::string& path, const char* key) {
    static const json empty = json::object();
    const json* v = member(obj, key);
    if (v == nullptr) return empty;
    if (v->is_object()) return *v;
    drop(path + key, "expected a map");
    return empty;
  }

  void flag(const json& obj, const std::string& path, const char* key, bool& out) {
    const json* v = member(obj, key);
    if (v == nullptr) return;
    if (v->is_boolean()) out = v->get<bool>();
    else drop(path + key, "expected true or false");
  }

  // A finite number; `positive` also requires it to be above 0.
  void number(const json& obj, const std::string& path, const char* key, double& out,
              bool positive) {
    const json* v = member(obj, key);
    if (v == nullptr) return;
    if (!v->is_number() || !std::isfinite(v->get<double>())) {
      drop(path + key, "expected a number");
    } else if (positive && v->get<double>() <= 0) {
      drop(path + key, "expected a number above 0");
    } else {
      out = v->get<double>();
    }
  }

  // A whole number of at least `min`; with `raise`, smaller ones become `min` instead.
  void whole(const json& obj, const std::string& path, const char* key, int& out, int min,
             bool raise) {
    const json* v = member(obj, key);
    if (v == nullptr) return;
    if (!v->is_number_integer() || v->get<long long>() > 1000000) {
      drop(path + key, "expected a whole number");
    } else if (v->get<long long>() < min && !raise) {
      drop(path + key, "expected at least " + std::to_string(min));
    } else {
      out = static_cast<int>(std::max<long long>(v->get<long long>(), min));
    }
  }

  void severity(const json& obj, const std::string& path, const char* key, std::string& out) {
    const json* v = member(obj, key);
    if (v == nullptr) return;
    for (const char* level : {"info", "warning", "error", "critical"}) {
      if (v->is_string() && v->get<std::string>() == level) {
        out = level;
        return;
      }
    }
    drop(path + key, "expected info, warning, error or critical");
  }

  void names(const json& obj, const std::string& path, const char* key,
             std::vector<std::string>& out) {
    const json* v = member(obj, key);
    if (v == nullptr) return;
    if (!v->is_array()) {
      drop(path + key, "expected a list of metric names");
      return;
    }
    out.clear();
    for (const json& item : *v) {
      if (item.is_string() && !item.get<std::string>().empty()) out.push_back(item.get<std::string>());
      else drop(path + key, "an item is not a metric name");
    }
  }

  Thresholds thresholds(const json& obj, const std::string& path, Thresholds base) {
    number(obj, path, "good", base.good, false);
    number(obj, path, "pass", base.pass, false);
    return base;
  }

  void drop(const std::string& key, const std::string& why) {
    warnings_.push_back("monitoring_db." + key + ": " + why + "; the default is used");
  }

 private:
  std::vector<std::string>& warnings_;
};

AnomalyDetection anomaly(Reader& r, const json& a) {
  AnomalyDetection out;
  const std::string p = "anomaly_detection.";
  r.flag(a, p, "enabled", out.enabled);
  r.whole(a, p, "min_data_points", out.min_data_points, 3, true);

  const json& z = r.object(a, p, "z_score");
  const std::string zp = p + "z_score.";
  r.flag(z, zp, "enabled", out.z_score.enabled);
  r.number(z, zp, "threshold", out.z_score.threshold, true);
  r.severity(z, zp, "severity", out.z_score.severity);
  // 0 = every point; otherwise at least 2.
  if (const json* w = Reader::member(z, "lookback_window"); w && w->is_number_integer() && *w == 0) {
    out.z_score.lookback_window = 0;
  } else {
    r.whole(z, zp, "lookback_window", out.z_score.lookback_window, 2, false);
  }
  r.names(z, zp, "metrics", out.z_score.metrics);

  const json& ma = r.object(a, p, "moving_average");
  const std::string mp = p + "moving_average.";
  r.flag(ma, mp, "enabled", out.moving_average.enabled);
  r.whole(ma, mp, "window_size", out.moving_average.window_size, 2, false);
  r.number(ma, mp, "deviation_threshold", out.moving_average.deviation_threshold, true);
  r.severity(ma, mp, "severity", out.moving_average.severity);

  const json& roc = r.object(a, p, "rate_of_change");
  const std::string rp = p + "rate_of_change.";
  r.flag(roc, rp, "enabled", out.rate_of_change.enabled);
  r.number(roc, rp, "threshold", out.rate_of_change.threshold, true);
  r.severity(roc, rp, "severity", out.rate_of_change.severity);
  return out;
}

}  // namespace

const Thresholds& MonitoringConfig::thresholds_for(const std::string& source_name) const {
  auto it = per_source.find(source_name);
  return it == per_source.end() ? thresholds : it->second;
}

MonitoringConfig parse_monitoring_config_json(const std::string& extras_json) {
  MonitoringConfig out;
  const json extras = json::parse(extras_json.empty() ? "{}" : extras_json, nullptr, false);
  if (extras.is_discarded() || !extras.is_object()) {
    out.warnings.push_back("monitoring_db: the extra settings are not a map; defaults are used");
    return out;
  }
  Reader r(out.warnings);
  const json& t = r.object(extras, "", "thresholds");
  out.thresholds = r.thresholds(r.object(t, "thresholds.", "default"), "thresholds.default.", {});
  const json& per_source = r.object(t, "thresholds.", "per_source");
  for (const auto& [source, value] : per_source.items()) {
    const std::string path = "thresholds.per_source." + source;
    if (!value.is_object()) {
      r.drop(path, "expected a map");
      continue;
    }
    out.per_source[source] = r.thresholds(value, path + ".", out.thresholds);
  }
  out.anomaly_detection = anomaly(r, r.object(extras, "", "anomaly_detection"));
  return out;
}

MonitoringConfig parse_monitoring_config(const config::SourceSettings& source) {
  return parse_monitoring_config_json(source.raw_yaml_json);
}

}  // namespace axis::monitoring
