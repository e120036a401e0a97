// The replies of the database import wizard's reads (docs/api.md `database`), rendered from
// the typed results of database/source_browser.h. Cells are typed by their PostgreSQL column:
// integers and finite decimals as JSON numbers, booleans as true/false, the rest as text.
#pragma once

#include <string>
#include <vector>

#include "database/source_browser.h"

namespace axis::api {

std::string tables_reply(const std::vector<database::SourceTable>& tables);  // {success, tables}
std::string schema_reply(const database::SourceSchema& schema);  // {success, columns, sample_values}
std::string values_reply(const std::vector<std::string>& values);  // {success, values}
std::string rows_reply(const database::SourceRows& rows);          // {success, data, row_count}

}  // namespace axis::api
