#include "sync/sync_engine.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <condition_variable>
#include <atomic>

#include "datasets/catalog.h"
#include "store/connection.h"
#include "store/store.h"
#include "sync/generation.h"
#include "sync/table_read.h"
#include "util/random_id.h"
#include "util/scoped_path.h"

namespace axis::sync {
namespace {

using Clock = std::chrono::system_clock;

std::string iso_now() {
  const std::time_t t = Clock::to_time_t(Clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// An exclusive, non-blocking flock held for the lifetime of the object.
class FileLock {
 public:
  explicit FileLock(const std::string& path) : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ < 0) throw std::runtime_error("cannot open the sync lock file " + path);
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      throw std::runtime_error("another process is syncing this store (" + path + " is locked)");
    }
  }
  ~FileLock() { ::close(fd_); }  // closing releases the lock
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

}  // namespace

// The engine's state and work; SyncEngine forwards to it.
struct SyncEngine::Impl {
  Impl(store::Store& store, const config::Settings& settings, std::string lock_path,
       std::string tmp_root, std::function<void()> after_commit);
  ~Impl();

  Start start(const std::string& name, bool full);
  bool start_all(bool full);
  DatasetStatus run(const std::string& name, bool full);
  bool reset_watermarks(const std::string& name);
  void start_background();
  std::vector<DatasetReport> reports() const;
  DatasetStatus status(const std::string& name) const;
  bool split(const std::string& name) const;

  void sync(const SyncTarget& target, bool full);
  void launch(const SyncTarget& target, bool full);  // runs a claimed sync on a thread
  bool claim(const SyncTarget& target);               // not syncing → syncing
  // Runs `job` on a new thread; threads that have finished are joined first. Needs mutex_.
  void spawn_locked(std::function<void()> job);
  void scheduler_loop();
  void finish_threads();
  void remove_leftovers();

  // Shows a sync's progress in its status from construction ("reading") to destruction.
  class ProgressShown {
   public:
    ProgressShown(Impl& impl, std::string name, std::shared_ptr<CopyProgress> progress)
        : impl_(impl), name_(std::move(name)) {
      std::lock_guard lock(impl_.mutex_);
      impl_.progress_[name_] = std::move(progress);
      impl_.status_[name_].phase = "reading";
    }
    ~ProgressShown() {
      std::lock_guard lock(impl_.mutex_);
      impl_.progress_.erase(name_);
      impl_.status_[name_].phase.reset();
    }
    ProgressShown(const ProgressShown&) = delete;
    ProgressShown& operator=(const ProgressShown&) = delete;
    void phase(const char* name) const {
      std::lock_guard lock(impl_.mutex_);
      impl_.status_[name_].phase = name;
    }

   private:
    Impl& impl_;
    std::string name_;
  };

  struct Worker {
    std::thread thread;
    std::shared_ptr<std::atomic<bool>> done;
  };

  std::mutex run_mutex_;  // held for the whole of one sync
  store::Store& store_;
  const config::Settings& settings_;
  std::string lock_path_, tmp_root_;
  std::function<void()> after_commit_;
  std::vector<SyncTarget> targets_;
  mutable std::mutex mutex_;
  std::map<std::string, DatasetStatus> status_;
  std::map<std::string, std::shared_ptr<CopyProgress>> progress_;  // of the syncs reading now
  std::mutex commit_mutex_;  // one generation commit at a time
  std::vector<Worker> threads_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread scheduler_;
};

SyncEngine::Impl::Impl(store::Store& store, const config::Settings& settings,
                       std::string lock_path, std::string tmp_root,
                       std::function<void()> after_commit)
    : store_(store),
      settings_(settings),
      lock_path_(std::move(lock_path)),
      tmp_root_(std::move(tmp_root)),
      after_commit_(std::move(after_commit)),
      targets_(sync_targets(settings)) {
  for (const auto& t : targets_) status_[t.name] = {};
  remove_leftovers();
}

void SyncEngine::Impl::remove_leftovers() {
  // A process killed during a sync leaves its CSV folder and staging tables behind; the live
  // tables were never touched (the commit is one transaction).
  std::error_code ec;
  if (std::filesystem::is_directory(tmp_root_, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(tmp_root_, ec)) {
      if (entry.path().filename().string().rfind("sync-", 0) == 0) {
        std::filesystem::remove_all(entry.path(), ec);
      }
    }
  }
  auto conn = store_.connection();
  for (const auto& t : targets_) {
    for (const std::string& table : {t.dataset_table, t.results_table, t.table}) {
      if (!table.empty()) conn->execute("DROP TABLE IF EXISTS " + datasets::quote_ident(table + "_staging"));
    }
  }
}

SyncEngine::Impl::~Impl() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (scheduler_.joinable()) scheduler_.join();
  finish_threads();
}

void SyncEngine::Impl::finish_threads() {
  std::vector<Worker> threads;
  {
    std::lock_guard lock(mutex_);
    threads.swap(threads_);
  }
  for (auto& w : threads) w.thread.join();
}

void SyncEngine::Impl::spawn_locked(std::function<void()> job) {
  for (auto it = threads_.begin(); it != threads_.end();) {
    if (it->done->load()) {
      it->thread.join();
      it = threads_.erase(it);
    } else {
      ++it;
    }
  }
  auto done = std::make_shared<std::atomic<bool>>(false);
  threads_.push_back({std::thread([job = std::move(job), done] {
                        job();
                        done->store(true);
                      }),
                      done});
}

bool SyncEngine::Impl::split(const std::string& name) const {
  const SyncTarget* t = find_target(targets_, name);
  return t != nullptr && t->split;
}

bool SyncEngine::Impl::claim(const SyncTarget& target) {
  std::lock_guard lock(mutex_);
  DatasetStatus& s = status_[target.name];
  if (s.state == "syncing") return false;
  s.state = "syncing";
  s.error.reset();
  return true;
}

void SyncEngine::Impl::launch(const SyncTarget& target, bool full) {
  std::lock_guard lock(mutex_);
  spawn_locked([this, &target, full] { sync(target, full); });
}

SyncEngine::Start SyncEngine::Impl::start(const std::string& name, bool full) {
  const SyncTarget* target = find_target(targets_, name);
  if (target == nullptr) return Start::unknown;
  if (!claim(*target)) return Start::busy;
  launch(*target, full);
  return Start::started;
}

bool SyncEngine::Impl::start_all(bool full) {
  std::vector<const SyncTarget*> chosen;
  {
    std::lock_guard lock(mutex_);
    for (const auto& t : targets_) {
      if (status_[t.name].state == "syncing") return false;
    }
    for (const auto& t : targets_) {
      if (!t.syncable()) continue;
      status_[t.name].state = "syncing";
      status_[t.name].error.reset();
      chosen.push_back(&t);
    }
  }
  for (const SyncTarget* t : chosen) launch(*t, full);
  return true;
}

DatasetStatus SyncEngine::Impl::run(const std::string& name, bool full) {
  const SyncTarget* target = find_target(targets_, name);
  if (target == nullptr) throw std::invalid_argument("unknown dataset '" + name + "'");
  if (!claim(*target)) throw std::runtime_error(name + " is already syncing");
  sync(*target, full);
  return status(name);
}

bool SyncEngine::Impl::reset_watermarks(const std::string& name) {
  const SyncTarget* target = find_target(targets_, name);
  if (target == nullptr || !target->split) return false;
  clear_watermarks(store_, *target);
  return true;
}

void SyncEngine::Impl::sync(const SyncTarget& target, bool full) {
  const auto started = std::chrono::steady_clock::now();
  bool incremental = false;
  try {
    if (!target.syncable()) {
      throw std::runtime_error(target.source->name + " is not enabled or not configured (url or "
                               "host, and its queries)");
    }
    // One sync at a time: the file lock keeps other processes out, this mutex the other
    // datasets' syncs of this process (a second flock on the file would fail, not wait).
    std::lock_guard serial(run_mutex_);
    FileLock lock(lock_path_);
    const util::ScopedPath tmp(tmp_root_ + "/sync-" + util::random_hex_id());  // the CSV files
    std::filesystem::create_directories(tmp.path());
    const config::SourceSettings& source = *target.source;
    std::optional<std::string> dataset_mark, results_mark;
    if (target.split && !source.incremental_column.empty()) {
      auto conn = store_.connection();
      if (relation_exists(*conn, target.dataset_table) && relation_exists(*conn, target.results_table)) {
        dataset_mark = read_watermark(*conn, target.dataset_table);
        results_mark = read_watermark(*conn, target.results_table);
      }
    }
    incremental = !full && dataset_mark && results_mark;
    if (!incremental) dataset_mark.reset(), results_mark.reset();
    const auto progress = std::make_shared<CopyProgress>();
    const ProgressShown shown(*this, target.name, progress);
    const ReadOptions options{config::connection_url(source), tmp.path(),
                              settings_.store.sync_workers, settings_.store.max_sync_rows,
                              source.query_timeout, progress.get()};
    std::vector<TableRead> reads;
    if (target.split) {
      // Both halves at once; if one fails, the other's staging is dropped too.
      auto dataset = std::async(std::launch::async, [&] {
        return read_table(store_, target, target.dataset_table, source.dataset_query, dataset_mark, options);
      });
      std::exception_ptr failed;
      try {
        // The results are staged by the commit, in memory: they are only read to build the
        // joined table and the waiting results.
        reads.push_back(read_table(store_, target, target.results_table, source.results_query,
                                   results_mark, options, false));
      } catch (...) {
        failed = std::current_exception();
      }
      try {
        reads.insert(reads.begin(), dataset.get());
      } catch (...) {
        if (!failed) failed = std::current_exception();
      }
      if (failed) {
        auto conn = store_.connection();
        for (const auto& r : reads) conn->execute("DROP TABLE IF EXISTS " + datasets::quote_ident(r.staging));
        std::rethrow_exception(failed);
      }
    } else {
      reads.push_back(read_table(store_, target, target.table, source.query, std::nullopt, options));
    }
    shown.phase("loading");
    Committed committed;
    const auto read_done = std::chrono::steady_clock::now();
    {
      std::lock_guard commit(commit_mutex_);
      committed = commit_generation(store_, target, !incremental, std::move(reads),
                                    settings_.store.max_sync_rows);
    }
    spdlog::info("sync {}: committed in {:.1f} s", target.name,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - read_done).count());
    if (after_commit_) after_commit_();
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    spdlog::info("sync {}: {} ({} rows, {:.1f} s)", target.name, incremental ? "incremental" : "full",
                 committed.rows, secs);
    std::lock_guard guard(mutex_);
    DatasetStatus& s = status_[target.name];
    s.state = "ready";
    s.rows = committed.rows;
    s.last_sync = iso_now();
    s.truncated = committed.truncated;
    s.sync_type = incremental ? "incremental" : "full";
    if (incremental) {
      s.last_incremental = s.last_sync;
      s.incremental_rows = std::max<std::int64_t>(committed.rows - committed.before, 0);
    }
  } catch (const std::exception& e) {
    spdlog::warn("sync {} failed: {}", target.name, e.what());
    // A failed incremental sync clears both watermarks: the next one is a full rebuild.
    if (incremental) {
      try {
        clear_watermarks(store_, target);
      } catch (const std::exception& clear) {
        spdlog::warn("sync {}: watermarks not cleared: {}", target.name, clear.what());
      }
    }
    std::lock_guard guard(mutex_);
    DatasetStatus& s = status_[target.name];
    s.state = "error";
    s.error = e.what();
  }
}

void SyncEngine::Impl::start_background() {
  if (settings_.store.sync_mode == "startup") {
    std::lock_guard lock(mutex_);
    for (const auto& t : targets_) {
      if (!t.syncable() || !(t.source->auto_load || t.source->auto_connect)) continue;
      if (status_[t.name].state == "syncing") continue;
      status_[t.name].state = "syncing";
      spawn_locked([this, &t] { sync(t, false); });
    }
  }
  scheduler_ = std::thread([this] { scheduler_loop(); });
}

void SyncEngine::Impl::scheduler_loop() {
  using namespace std::chrono;
  std::map<std::string, steady_clock::time_point> last_run;
  for (const auto& t : targets_) last_run[t.name] = steady_clock::now();
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto next = steady_clock::now() + seconds(60);
    std::vector<const SyncTarget*> due;
    for (const auto& t : targets_) {
      const int minutes = t.source->refresh_interval_minutes;
      if (minutes <= 0 || !t.syncable()) continue;
      const auto at = last_run[t.name] + std::chrono::minutes(minutes);
      if (at <= steady_clock::now()) due.push_back(&t);
      else next = std::min(next, at);
    }
    for (const SyncTarget* t : due) {
      last_run[t->name] = steady_clock::now();
      if (status_[t->name].state == "syncing") continue;
      status_[t->name].state = "syncing";
      status_[t->name].error.reset();
      spawn_locked([this, t] { sync(*t, false); });
    }
    if (due.empty()) wake_.wait_until(lock, next, [this] { return stopping_; });
  }
}

DatasetStatus SyncEngine::Impl::status(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto it = status_.find(name);
  if (it == status_.end()) return DatasetStatus{};
  DatasetStatus s = it->second;
  if (s.state != "syncing") return s;
  if (!s.phase) s.phase = "waiting";  // claimed, behind another dataset's sync
  if (const auto p = progress_.find(name); p != progress_.end()) {
    s.rows_read = p->second->rows;
    s.bytes_read = p->second->bytes;
  }
  return s;
}

std::vector<DatasetReport> SyncEngine::Impl::reports() const {
  std::vector<DatasetReport> out;
  auto conn = store_.connection();
  for (const auto& t : targets_) {
    DatasetReport r{t.table, status(t.name), t.source->refresh_interval_minutes, std::nullopt, {}};
    if (!t.source->incremental_column.empty()) r.incremental_column = t.source->incremental_column;
    if (t.split) {
      r.watermarks = {{t.dataset_table, read_watermark(*conn, t.dataset_table)},
                      {t.results_table, read_watermark(*conn, t.results_table)}};
    }
    out.push_back(std::move(r));
  }
  return out;
}

SyncEngine::SyncEngine(store::Store& store, const config::Settings& settings,
                       std::string lock_path, std::string tmp_root,
                       std::function<void()> after_commit)
    : impl_(std::make_unique<Impl>(store, settings, std::move(lock_path), std::move(tmp_root),
                                   std::move(after_commit))) {}

SyncEngine::~SyncEngine() = default;

SyncEngine::Start SyncEngine::start(const std::string& name, bool full) {
  return impl_->start(name, full);
}
bool SyncEngine::start_all(bool full) { return impl_->start_all(full); }
DatasetStatus SyncEngine::run(const std::string& name, bool full) { return impl_->run(name, full); }
bool SyncEngine::reset_watermarks(const std::string& name) { return impl_->reset_watermarks(name); }
void SyncEngine::start_background() { impl_->start_background(); }
std::vector<DatasetReport> SyncEngine::reports() const { return impl_->reports(); }
DatasetStatus SyncEngine::status(const std::string& name) const { return impl_->status(name); }
bool SyncEngine::known(const std::string& name) const {
  return find_target(impl_->targets_, name) != nullptr;
}
bool SyncEngine::split(const std::string& name) const { return impl_->split(name); }

}  // namespace axis::sync
