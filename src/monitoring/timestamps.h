// Timestamps of uploaded monitoring rows, parsed by DuckDB into UTC. Accepted forms: ISO 8601
// with 'T' or a space, optional fractional seconds, and an optional zone (Z, UTC, GMT, +hh,
// +hh:mm, +hhmm; none means UTC); a date alone (YYYY-MM-DD, midnight UTC); epoch seconds (up to
// 11 digits) or milliseconds (12-13 digits), optionally with a fraction.
#pragma once

#include <string>

namespace axis::monitoring {

// A DuckDB expression turning the VARCHAR expression `text` into a TIMESTAMP holding UTC; NULL
// when the text is empty or in none of the accepted forms. `text` is AXIS's own SQL (e.g. a
// quoted column name) and appears several times.
std::string utc_timestamp_sql(const std::string& text);

// A DuckDB condition: `text` holds something (not blank) that utc_timestamp_sql cannot read.
std::string unreadable_timestamp_sql(const std::string& text);

// The current time as a UTC TIMESTAMP (the same value for every row of a statement).
std::string now_utc_sql();

}  // namespace axis::monitoring
