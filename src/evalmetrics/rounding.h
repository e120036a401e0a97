// Rounding as Python's round(x, n) does it for the metric values.
#pragma once

namespace axis::evalmetrics {

// `value` rounded to `places` decimals the way Python's round(value, places) rounds a float:
// the exact binary value is rounded half-to-even at that decimal, then read back as the
// nearest double (so round_places(0.12345, 4) is 0.1235 or 0.1234 exactly as Python says).
// Non-finite values are returned unchanged.
double round_places(double value, int places);

}  // namespace axis::evalmetrics
