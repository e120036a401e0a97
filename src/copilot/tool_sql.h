// Small helpers the data tools share: quoting, reading rows and numbers, Python-style floats.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "store/value.h"
#include "util/text.h"

namespace axis::store { class Connection; }

namespace axis::copilot {

using util::python_float;

using Json = nlohmann::ordered_json;

std::string quoted(const std::string& column);
// The rows of a SELECT as a JSON array of objects.
Json rows_json(store::Connection& conn, const std::string& sql, const std::vector<store::Value>& values);
// The single row of a SELECT as text cells.
std::vector<std::optional<std::string>> one_row(store::Connection& conn, const std::string& sql,
                                                const std::vector<store::Value>& values);
std::optional<double> number(const std::optional<std::string>& cell);
long long count_of(const std::optional<std::string>& cell);
double round_to(double value, int digits);
// A number rounded to `digits` decimals (JSON null for nullopt).
Json rounded(std::optional<double> value, int digits = 4);
// A tool argument as text: strings as they are, other values as JSON, `absent` when missing
// or null.
std::string text_arg(const Json& args, const char* key, const std::string& absent = "");
// A condition: the column's text contains `needle`, ignoring case (needle bound as ?).
std::string contains_ci(const std::string& column);

}  // namespace axis::copilot
