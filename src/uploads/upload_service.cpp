#include "uploads/upload_service.h"

#include <spdlog/spdlog.h>

#include "analytics/eval_dataset.h"
#include "analytics/summary_tables.h"
#include "browse/browse_service.h"
#include "monitoring/monitoring_answers.h"
#include "util/background_worker.h"
#include "util/http_error.h"

namespace axis::uploads {

ingest::LoadResult UploadService::store_evaluation(const ingest::CsvFile& file,
                                                   const std::string& name,
                                                   const std::string& source) const {
  auto result = ingest::DatasetLoader(deps_.catalog).load({file, name, source, ""});
  summarise_later(result.dataset);
  return result;
}

ingest::LoadResult UploadService::store_evaluation_rows(const ingest::SelectSource& rows,
                                                        const std::string& name,
                                                        const std::string& source) const {
  auto result = ingest::DatasetLoader(deps_.catalog).load_select(rows, name, source);
  summarise_later(result.dataset);
  return result;
}

monitoring::LoadResult UploadService::store_monitoring(const ingest::CsvFile& file,
                                                       const std::string& name,
                                                       const std::string& source) const {
  auto result = monitoring::MonitoringLoader(deps_.catalog)
                    .load({file, name, source, deps_.settings.monitoring_db.columns});
  warm_monitoring_later(result.dataset.id);
  return result;
}

signals::SignalsView UploadService::store_signals(const ingest::CsvFile& file,
                                                  const std::string& name) const {
  return signals::SignalsService(deps_.catalog, deps_.settings).upload(file, name);
}

void UploadService::summarise_later(const datasets::DatasetInfo& dataset) const {
  deps_.background.post("summaries of dataset " + dataset.id, [deps = deps_, id = dataset.id] {
    try {
      const auto ds = analytics::EvalDataset::open_any(deps.catalog, id);
      if (ds.is_metric_rows()) deps.summaries.ensure(ds);
    } catch (const util::HttpError& e) {
      spdlog::debug("no summaries for dataset {}: {}", id, e.what());  // e.g. deleted meanwhile
    }
  });
}

void UploadService::warm_monitoring_later(const std::string& dataset_id) const {
  deps_.background.post("first Monitoring page of dataset " + dataset_id, [deps = deps_, dataset_id] {
    deps.monitoring_answers.warm(dataset_id, deps.settings.monitoring_db.visible_metrics);
    // The page's store-browsing reads: the dataset's metadata and its newest rows.
    try {
      const browse::BrowseService browse(deps.catalog, deps.browse_cache);
      browse.metadata("monitoring", dataset_id);
      browse::BrowseQuery newest;
      newest.page = 1;
      newest.page_size = 20;
      newest.sort_by = "timestamp";
      newest.sort_dir = "desc";
      browse.page("monitoring", dataset_id, newest);
    } catch (const std::exception& e) {
      spdlog::debug("warm-up of the browsing of dataset {} stopped: {}", dataset_id, e.what());
    }
  });
}

}  // namespace axis::uploads
