// SourceDirectory: the agents the data speaks of (spec plugins.md §4). It reads the distinct
// source_name values of the newest monitoring, human-signals and KPI datasets and groups them
// by registered agent (agents.yaml): a value belongs to the agent whose name or one of whose
// trace_names equals it. Registered agents come first, in registry order, then the values no
// agent claims, by code point. Only sources present in the data are listed.
// Thread-safe; list() blocks on one leased store connection.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/settings.h"

namespace axis::datasets { class DatasetCatalog; }

namespace axis::sources {

// Rows naming the source: monitoring rows, human-signals cases, KPI rows.
struct SourceRows {
  std::int64_t monitoring = 0, human_signals = 0, kpi = 0;
};

struct DataSource {
  std::string id;                          // the agent's name, else the stored value
  const config::AgentEntry* agent = nullptr;  // the registry entry, when one claims it
  std::vector<std::string> source_names;   // the stored values it covers, agent order first
  SourceRows rows;
};

// The most distinct values read from one dataset (the most frequent first).
inline constexpr std::int64_t kMaxSourceValues = 1000;

class SourceDirectory {
 public:
  SourceDirectory(const datasets::DatasetCatalog& catalog,
                  const std::vector<config::AgentEntry>& agents)
      : catalog_(catalog), agents_(agents) {}

  std::vector<DataSource> list() const;

 private:
  const datasets::DatasetCatalog& catalog_;
  const std::vector<config::AgentEntry>& agents_;
};

}  // namespace axis::sources
