#include "monitoring/timestamps.h"

namespace axis::monitoring {
namespace {

// `sql` with `re` replaced by `with` (DuckDB regexp_replace; the patterns are our constants).
std::string replace(const std::string& sql, const char* re, const char* with) {
  return "regexp_replace(" + sql + ", '" + re + "', '" + with + "')";
}

}  // namespace

std::string utc_timestamp_sql(const std::string& text) {
  const std::string t = "trim(" + text + ")";
  const std::string number = "CAST(" + t + " AS DOUBLE)";
  // Date and time separated by one space ('T', 't' or spaces before).
  const std::string spaced = replace(t, R"(^(\d{4}-\d{1,2}-\d{1,2})[Tt ]\s*)", R"(\1 )");
  // A zone after the time of day: DuckDB's TIMESTAMP cast would drop it, so such text goes
  // through TIMESTAMPTZ, whose reader wants seconds, a numeric offset or Z right after the
  // time, and a zone name (UTC, GMT, Europe/Paris...) after one space.
  std::string zoned = replace(spaced, R"(^(\S+ \d{1,2}:\d{2})([^:\d]))", R"(\1:00\2)");
  zoned = replace(zoned, R"(^(\S+ [\d:.]+)\s*([+-]|[zZ]$))", R"(\1\2)");
  zoned = replace(zoned, R"((\d)z$)", R"(\1Z)");
  zoned = replace(zoned, R"(^(\S+ [\d:.]+)\s*([A-Za-z]{2}))", R"(\1 \2)");
  return "(CASE WHEN regexp_full_match(" + t + R"(, '\d{9,11}(\.\d+)?'))" +
         " THEN make_timestamp(CAST(round(" + number + " * 1000000) AS BIGINT))" +
         " WHEN regexp_full_match(" + t + R"(, '\d{12,13}(\.\d+)?'))" +
         " THEN make_timestamp(CAST(round(" + number + " * 1000) AS BIGINT))" +
         " WHEN NOT regexp_matches(" + t + R"(, '^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)'))" +
         " THEN CAST(NULL AS TIMESTAMP)" +
         " WHEN regexp_matches(" + spaced + R"(, '^\S+ \d{1,2}:\d{2}(:\d{2}(\.\d*)?)?\s*[A-Za-z+-]'))" +
         " THEN make_timestamp(epoch_us(TRY_CAST(" + zoned + " AS TIMESTAMPTZ)))" +
         " ELSE TRY_CAST(" + spaced + " AS TIMESTAMP) END)";
}

std::string unreadable_timestamp_sql(const std::string& text) {
  return "(nullif(trim(" + text + "), '') IS NOT NULL AND " + utc_timestamp_sql(text) + " IS NULL)";
}

std::string now_utc_sql() { return "make_timestamp(epoch_us(now()))"; }

}  // namespace axis::monitoring
