#include "evalmetrics/rounding.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace axis::evalmetrics {

double round_places(double value, int places) {
  if (!std::isfinite(value)) return value;
  // printf's %.Nf rounds the exact binary value correctly (half-to-even on ties of the exact
  // value), which is what Python's float rounding does through its own dtoa.
  char text[400];
  std::snprintf(text, sizeof text, "%.*f", places, value);
  return std::strtod(text, nullptr);
}

}  // namespace axis::evalmetrics
