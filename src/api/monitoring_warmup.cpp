#include "api/monitoring_warmup.h"

#include <spdlog/spdlog.h>

#include "app/app.h"
#include "app/background_worker.h"
#include "browse/browse_service.h"
#include "monitoring/monitoring_answers.h"

namespace axis::api {

void warm_monitoring_answers(app::App& app, const std::string& dataset_id) {
  app.background().post("first Monitoring page of dataset " + dataset_id, [&app, dataset_id] {
    app.monitoring_answers().warm(dataset_id, app.settings().monitoring_db.visible_metrics);
    // The page's store-browsing reads: the dataset's metadata and its newest rows.
    try {
      const browse::BrowseService browse(app.catalog(), app.browse_cache());
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

}  // namespace axis::api
