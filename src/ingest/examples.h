// The bundled example datasets: model, comparison, annotation, align.
#pragma once

#include <string>
#include <vector>

#include "ingest/dataset_loader.h"
#include "ingest/example_store.h"

namespace axis::ingest {

// Example names in the order the UI offers them.
const std::vector<std::string>& example_names();

// Stores the example `name` from `directory` on first use and returns it (later calls return the
// stored dataset, so loading an example twice does not duplicate it). Throws HttpError 404
// "Dataset not found. Available: [...]" for an unknown name or a missing file.
LoadResult load_example(ExampleStore& examples, const std::string& directory,
                        const std::string& name);

// On a store with no example datasets yet, stores the model and comparison examples so a new
// installation opens on real data. Failures are logged, never fatal. Blocking.
void load_starter_examples(ExampleStore& examples, const std::string& directory);

}  // namespace axis::ingest
