// UploadService: what happens to a checked CSV once it is uploaded, imported from a database or
// loaded as an example — the loader of its kind stores it (one transaction: a refused file
// stores nothing), then the work its pages need next is queued on the background worker: an
// evaluation dataset's summary tables, or a monitoring dataset's first-visit answers and
// browsing reads, so the page's first visit finds them ready.
//
// Owned by the App; everything handed to the constructor must outlive it. Thread-safe. The
// store_* methods block while loading (run them on the blocking pool); the queued work runs
// later on the background worker and tolerates the dataset being deleted meanwhile.
#pragma once

#include <string>

#include "config/settings.h"
#include "ingest/csv_file.h"
#include "ingest/dataset_loader.h"
#include "monitoring/monitoring_loader.h"
#include "signals/signals_service.h"

namespace axis::analytics { class SummaryTables; }
namespace axis::browse { class BrowseCache; }
namespace axis::monitoring { class MonitoringAnswers; }
namespace axis::util { class BackgroundWorker; }

namespace axis::uploads {

// What the service needs; all borrowed.
struct UploadDeps {
  const datasets::DatasetCatalog& catalog;
  const config::Settings& settings;
  util::BackgroundWorker& background;
  analytics::SummaryTables& summaries;
  const monitoring::MonitoringAnswers& monitoring_answers;
  browse::BrowseCache& browse_cache;
};

class UploadService {
 public:
  explicit UploadService(UploadDeps deps) : deps_(deps) {}

  // An evaluation (or annotation) CSV; its summaries are built next. HttpError 400 as
  // ingest::DatasetLoader::load.
  ingest::LoadResult store_evaluation(const ingest::CsvFile& file, const std::string& name,
                                      const std::string& source) const;
  // Rows of AXIS's own SELECT stored as an evaluation dataset (ingest::DatasetLoader::load_select);
  // its summaries are built next.
  ingest::LoadResult store_evaluation_rows(const ingest::SelectSource& rows, const std::string& name,
                                           const std::string& source) const;
  // A monitoring CSV (monitoring_db's `columns` map applied); the Monitoring page's first
  // answers are computed next.
  monitoring::LoadResult store_monitoring(const ingest::CsvFile& file, const std::string& name,
                                          const std::string& source) const;
  // A human-signals CSV, with the view its replies show.
  signals::SignalsView store_signals(const ingest::CsvFile& file, const std::string& name) const;

  // Queues the summary tables of an evaluation dataset stored another way (an example).
  void summarise_later(const datasets::DatasetInfo& dataset) const;
  // Queues the first-visit answers of a monitoring dataset stored another way (an example).
  void warm_monitoring_later(const std::string& dataset_id) const;

 private:
  UploadDeps deps_;
};

}  // namespace axis::uploads
