// Imports the bundled sample CSV files into the store, once: each file becomes the table
// sample_<name> and a row of the _datasets catalog. Files already imported are skipped, so a
// restart keeps whatever the store holds.
#pragma once

#include <string>

namespace axis::store { class Store; }

namespace axis::ingest {

// Returns the number of files imported now. A file that fails to import is logged and skipped;
// nothing already stored is touched. Blocking.
int load_bundled_samples(store::Store& store, const std::string& directory);

// "monitoring_sample.csv" -> "sample_monitoring": lower case, [a-z0-9_] only, "_sample" dropped.
std::string sample_table_name(const std::string& filename);

}  // namespace axis::ingest
