#include "pg/pg_connection.h"

#include <libpq-fe.h>

namespace axis::pg {
namespace {

PGconn* as_conn(void* p) { return static_cast<PGconn*>(p); }

std::string trimmed(const char* message) {
  std::string s = message ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

void check_no_nul(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) {
    throw std::invalid_argument("text for PostgreSQL contains a NUL byte");
  }
}

}  // namespace

std::unique_ptr<PgConnection> PgConnection::connect(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) throw PgError("out of memory while connecting to PostgreSQL");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    throw PgError("cannot connect to PostgreSQL: " + message);
  }
  return std::unique_ptr<PgConnection>(new PgConnection(conn));
}

PgConnection::PgConnection(void* conn) : conn_(conn) {}

PgConnection::~PgConnection() { PQfinish(as_conn(conn_)); }

void PgConnection::fail(void* result, const std::string& what) {
  auto* res = static_cast<PGresult*>(result);
  std::string message, state;
  if (res != nullptr) {
    message = trimmed(PQresultErrorMessage(res));
    const char* code = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    state = code ? code : "";
    PQclear(res);
  }
  if (message.empty()) message = trimmed(PQerrorMessage(as_conn(conn_)));
  throw PgError(what + ": " + message, state);
}

void PgConnection::execute(const std::string& sql) {
  PGresult* res = PQexec(as_conn(conn_), sql.c_str());
  const ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(res, "PostgreSQL command failed");
  PQclear(res);
}

PgResult PgConnection::query(const std::string& sql,
                             const std::vector<std::optional<std::string>>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  PGresult* res = PQexecParams(as_conn(conn_), sql.c_str(), static_cast<int>(values.size()),
                               nullptr, values.data(), nullptr, nullptr, 0);
  if (res == nullptr || PQresultStatus(res) != PGRES_TUPLES_OK) fail(res, "PostgreSQL query failed");
  PgResult out;
  const int columns = PQnfields(res), rows = PQntuples(res);
  for (int c = 0; c < columns; ++c) {
    out.columns.emplace_back(PQfname(res, c));
    out.types.push_back(PQftype(res, c));
  }
  out.rows.reserve(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    auto& row = out.rows.emplace_back();
    row.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(res, r, c)) row.emplace_back(std::nullopt);
      else row.emplace_back(std::string(PQgetvalue(res, r, c), PQgetlength(res, r, c)));
    }
  }
  PQclear(res);
  return out;
}

PgConnection::CopyCount PgConnection::copy_out(const std::string& copy_sql,
                                               const std::function<void(std::string_view)>& sink) {
  PGconn* conn = as_conn(conn_);
  PGresult* res = PQexec(conn, copy_sql.c_str());
  if (res == nullptr || PQresultStatus(res) != PGRES_COPY_OUT) fail(res, "PostgreSQL COPY failed");
  PQclear(res);
  std::int64_t bytes = 0;
  for (;;) {
    char* buffer = nullptr;
    const int n = PQgetCopyData(conn, &buffer, 0);
    if (n > 0) {
      try {
        sink(std::string_view(buffer, static_cast<std::size_t>(n)));
      } catch (...) {
        PQfreemem(buffer);
        cancel();
        while (PGresult* rest = PQgetResult(conn)) PQclear(rest);  // drain, keep the connection usable
        throw;
      }
      PQfreemem(buffer);
      bytes += n;
      continue;
    }
    if (n == -2) fail(nullptr, "PostgreSQL COPY failed");
    break;  // -1: the COPY is over; its final status follows
  }
  PGresult* done = PQgetResult(conn);
  if (done == nullptr || PQresultStatus(done) != PGRES_COMMAND_OK) fail(done, "PostgreSQL COPY failed");
  const std::string rows = PQcmdTuples(done);
  PQclear(done);
  while (PGresult* rest = PQgetResult(conn)) PQclear(rest);
  return {bytes, rows.empty() ? 0 : std::stoll(rows)};
}

void PgConnection::cancel() {
  std::lock_guard lock(cancel_mutex_);
  PGcancel* handle = PQgetCancel(as_conn(conn_));
  if (handle == nullptr) return;
  char error[256];
  PQcancel(handle, error, sizeof error);
  PQfreeCancel(handle);
}

std::string PgConnection::server_version() const {
  const int v = PQserverVersion(as_conn(conn_));
  return std::to_string(v / 10000) + "." + std::to_string(v % 10000);
}

std::string quote_ident(std::string_view name) {
  check_no_nul(name);
  std::string out = "\"";
  for (char ch : name) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + '"';
}

std::string quote_literal(std::string_view text) {
  check_no_nul(text);
  std::string out = "'";
  for (char ch : text) {
    if (ch == '\'') out += '\'';
    out += ch;
  }
  return out + '\'';
}

}  // namespace axis::pg
