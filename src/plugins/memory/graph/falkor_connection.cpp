#include "plugins/memory/graph/falkor_connection.h"

#include <hiredis/hiredis.h>

#include <sys/time.h>

namespace axis::plugins::memory::graph {
namespace {

timeval to_timeval(std::chrono::milliseconds ms) {
  return {static_cast<time_t>(ms.count() / 1000), static_cast<suseconds_t>((ms.count() % 1000) * 1000)};
}

Resp convert(const redisReply* r) {
  Resp out;
  switch (r->type) {
    case REDIS_REPLY_INTEGER:
      out.kind = Resp::Kind::integer;
      out.integer = r->integer;
      break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
      out.kind = Resp::Kind::string;
      out.text.assign(r->str, r->len);
      break;
    case REDIS_REPLY_ARRAY:
      out.kind = Resp::Kind::array;
      for (std::size_t i = 0; i < r->elements; ++i) out.items.push_back(convert(r->element[i]));
      break;
    default:
      break;  // nil
  }
  return out;
}

std::string cypher_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

struct FalkorConnection::Context {
  redisContext* ctx = nullptr;
  ~Context() { if (ctx) redisFree(ctx); }
};

std::string cypher_params_header(const CypherParams& params) {
  if (params.empty()) return "";
  std::string out = "CYPHER";
  for (const auto& [name, value] : params) {
    out += " " + name + "=";
    if (const auto* s = std::get_if<std::string>(&value)) out += cypher_string(*s);
    else out += std::to_string(std::get<std::int64_t>(value));
  }
  return out + " ";
}

FalkorConnection::FalkorConnection(FalkorOptions options) : options_(std::move(options)) {}
FalkorConnection::~FalkorConnection() = default;

void FalkorConnection::reset() {
  std::lock_guard lock(mutex_);
  ctx_.reset();
}

void FalkorConnection::connect() {
  auto fresh = std::make_unique<Context>();
  fresh->ctx = redisConnectWithTimeout(options_.host.c_str(), options_.port,
                                       to_timeval(options_.connect_timeout));
  if (fresh->ctx == nullptr) throw FalkorError("cannot allocate a connection");
  if (fresh->ctx->err) {
    throw FalkorError("cannot connect to " + options_.host + ":" + std::to_string(options_.port) +
                      ": " + fresh->ctx->errstr);
  }
  redisSetTimeout(fresh->ctx, to_timeval(options_.command_timeout));
  ctx_ = std::move(fresh);
  if (!options_.password.empty()) command({"AUTH", options_.password});
}

Resp FalkorConnection::command(const std::vector<std::string>& args) {
  if (!ctx_) connect();
  std::vector<const char*> argv;
  std::vector<std::size_t> lens;
  for (const auto& a : args) {
    argv.push_back(a.data());
    lens.push_back(a.size());
  }
  auto* reply = static_cast<redisReply*>(
      redisCommandArgv(ctx_->ctx, static_cast<int>(args.size()), argv.data(), lens.data()));
  if (reply == nullptr) {
    const std::string why = ctx_->ctx->errstr;
    ctx_.reset();
    throw FalkorError("FalkorDB connection lost: " + why);
  }
  const bool failed = reply->type == REDIS_REPLY_ERROR;
  const std::string error = failed ? std::string(reply->str, reply->len) : "";
  Resp out = failed ? Resp{} : convert(reply);
  freeReplyObject(reply);
  if (failed) {
    // A refused AUTH leaves the connection unusable; a query error does not, but a fresh
    // connection costs little and keeps one rule.
    ctx_.reset();
    throw FalkorError(args[0] == "AUTH" ? "FalkorDB refused the password (AUTH): " + error
                                        : "FalkorDB error: " + error);
  }
  return out;
}

Resp FalkorConnection::ro_query(const std::string& query, const CypherParams& params) {
  std::lock_guard lock(mutex_);
  return command({"GRAPH.RO_QUERY", options_.graph, cypher_params_header(params) + query});
}

}  // namespace axis::plugins::memory::graph
