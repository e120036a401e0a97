#include "sync/sync_target.h"

#include "util/text.h"

namespace axis::sync {
namespace {


SyncTarget split(const std::string& name, const std::string& kind, const std::string& format,
                 const std::string& view, const config::SourceSettings& source) {
  return {name, kind, format, true, name + "_dataset", name + "_results", view, &source};
}

}  // namespace

bool SyncTarget::syncable() const {
  return source != nullptr && source->configured() && source->has_sync_queries();
}

std::vector<SyncTarget> sync_targets(const config::Settings& settings) {
  return {split("monitoring", "monitoring", "monitoring", "monitoring_data", settings.monitoring_db),
          split("human_signals", "human_signals", "hitl_feedback", "human_signals_raw",
                settings.human_signals_db),
          split("eval", "evaluation", "flat_format", "eval_data", settings.eval_db),
          {"kpi", "kpi", "kpi", false, "", "", "kpi_data", &settings.kpi_db}};
}

const SyncTarget* find_target(const std::vector<SyncTarget>& targets, const std::string& name) {
  for (const auto& t : targets) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

}  // namespace axis::sync
