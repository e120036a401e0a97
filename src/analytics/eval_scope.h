// What every evaluation endpoint is asked about: a dataset and, optionally, one experiment.
#pragma once

#include <optional>
#include <string>

namespace axis::analytics {

struct EvalScope {
  std::string dataset_id;                      // empty: the newest evaluation dataset
  std::optional<std::string> evaluation_name;  // only this experiment's rows ("Default" = blank)
};

}  // namespace axis::analytics
