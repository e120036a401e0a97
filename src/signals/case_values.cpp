#include "signals/case_values.h"

#include "store/sql_text.h"

namespace axis::signals {
namespace {

enum class Kind { boolean, integer, real, json, text };

Kind kind_of(const std::string& type) {
  if (type == "BOOLEAN") return Kind::boolean;
  if (type == "TINYINT" || type == "SMALLINT" || type == "INTEGER" || type == "BIGINT" ||
      type == "HUGEINT" || type == "UTINYINT" || type == "USMALLINT" || type == "UINTEGER" ||
      type == "UBIGINT" || type == "UHUGEINT") {
    return Kind::integer;
  }
  if (type == "DOUBLE" || type == "FLOAT" || type.rfind("DECIMAL", 0) == 0) return Kind::real;
  if (type == "JSON") return Kind::json;
  return Kind::text;
}

// JavaScript's String.prototype.trim() removes these (WhiteSpace and LineTerminator).
const std::string kJsSpace =
    "'\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'";

std::string js_trim(const std::string& text) { return "trim(" + text + ", " + kJsSpace + ")"; }

// One item of a JSON array (a JSON value `item`) as the page printed it, or NULL to leave out.
std::string json_item_sql(const std::string& item) {
  return "CASE json_type(" + item + ") WHEN 'NULL' THEN NULL"
         " WHEN 'VARCHAR' THEN nullif(json_extract_string(" + item + ", '$'), '')"
         " WHEN 'DOUBLE' THEN " + store::js_number_text("CAST(" + item + " AS DOUBLE)") +
         " ELSE CAST(" + item + " AS VARCHAR) END";
}

std::string text_values_sql(const std::string& text) {
  const std::string trimmed = js_trim(text);
  const std::string json_like = "json_valid(" + trimmed + ")";
  return "CASE WHEN " + text + " IS NULL OR " + text + " = '' THEN CAST([] AS VARCHAR[])"
         " WHEN starts_with(" + trimmed + ", '[') AND " + json_like +
         " THEN list_filter(list_transform(json_extract(" + trimmed + ", '$[*]'),"
         " lambda _axis_i: " + json_item_sql("_axis_i") + "), lambda _axis_v: _axis_v IS NOT NULL)"
         " WHEN starts_with(" + trimmed + ", '{') AND " + json_like +
         " THEN [CAST(json(" + trimmed + ") AS VARCHAR)]"
         " ELSE [" + text + "] END";
}

}  // namespace

std::string case_values_sql(const std::string& column, const std::string& type) {
  switch (kind_of(type)) {
    case Kind::boolean:
      return "CASE WHEN " + column + " IS NULL THEN CAST([] AS VARCHAR[]) WHEN " + column +
             " THEN ['true'] ELSE ['false'] END";
    case Kind::integer:
      return "CASE WHEN " + column + " IS NULL THEN CAST([] AS VARCHAR[]) ELSE [CAST(" + column +
             " AS VARCHAR)] END";
    case Kind::real: {
      const std::string number = "CAST(" + column + " AS DOUBLE)";
      return "CASE WHEN " + column + " IS NULL OR NOT isfinite(" + number +
             ") THEN CAST([] AS VARCHAR[]) ELSE [" + store::js_number_text(number) + "] END";
    }
    case Kind::json:
    case Kind::text:
      return text_values_sql("CAST(" + column + " AS VARCHAR)");
  }
  return "CAST([] AS VARCHAR[])";
}

std::string case_truthy_sql(const std::string& column, const std::string& type) {
  switch (kind_of(type)) {
    case Kind::boolean:
      return "coalesce(" + column + ", false)";
    case Kind::integer:
      return "coalesce(" + column + " <> 0, false)";
    case Kind::real:
      return "coalesce(isfinite(CAST(" + column + " AS DOUBLE)) AND " + column + " <> 0, false)";
    case Kind::json:
      return "false";
    case Kind::text:
      return "coalesce(lower(" + js_trim("CAST(" + column + " AS VARCHAR)") +
             ") IN ('true', 'yes', '1'), false)";
  }
  return "false";
}

std::string case_order_sql(const std::string& column, const std::string& type, bool descending) {
  const Kind kind = kind_of(type);
  const bool textual = kind == Kind::json || kind == Kind::text;
  // Empty values (a non-finite number reached the page as null) sort last and keep table order
  // among themselves, so their key is NULL too.
  const std::string key =
      textual             ? "icu_sort_key(nullif(CAST(" + column + " AS VARCHAR), ''), 'en@colnumeric=yes')"
      : kind == Kind::real ? "CASE WHEN isfinite(CAST(" + column + " AS DOUBLE)) THEN " + column + " END"
                           : column;
  return "(" + key + ") IS NULL, " + key + (descending ? " DESC" : " ASC") + ", rowid";
}

std::string name_order_sql(const std::string& name) {
  return "icu_sort_key(" + name + ", 'en'), " + name;
}

}  // namespace axis::signals
