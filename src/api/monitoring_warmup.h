// Answers the Monitoring page asks for first, computed in the background right after a
// monitoring dataset is stored, so the first visit finds them ready: the summary, the trends
// at each granularity, the latency distribution, the metric breakdown, alerts, the
// classification breakdown, the first insights page, and the store browsing metadata and first
// records page. They are computed by the services the routes call (MonitoringAnswers::warm, the
// browse service) with the parameters of a first visit, into the same caches, so a request for
// one of them while it is being computed waits for it.
#pragma once

#include <string>

namespace axis::app { class App; }

namespace axis::api {

void warm_monitoring_answers(app::App& app, const std::string& dataset_id);

}  // namespace axis::api
