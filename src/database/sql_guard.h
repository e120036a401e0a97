// The check user SQL passes before it reaches a source database (spec storage.md §4 "User
// SQL"): one statement, not starting with a writing command. It is a first filter only: the
// statement also runs in a READ ONLY transaction with a statement timeout, which stops what
// the keyword check cannot see (a function that writes, a query that never ends).
#pragma once

#include <string>

namespace axis::database {

// The statement without trailing semicolons and whitespace. Throws util::HttpError 422
// (unsafe SQL) when it is empty, holds another ';' (even inside a literal), or starts with
// INSERT, UPDATE, DELETE, DROP, ALTER, TRUNCATE, CREATE, COPY, GRANT, REVOKE, VACUUM, CALL,
// DO, SET, RESET, LOCK, MERGE, BEGIN, COMMIT or ROLLBACK (any case, after leading spaces,
// comments and parentheses).
std::string checked_select(const std::string& sql);

}  // namespace axis::database
