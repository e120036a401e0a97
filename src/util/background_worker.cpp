#include "util/background_worker.h"

#include <spdlog/spdlog.h>

#include <exception>

namespace axis::util {

BackgroundWorker::BackgroundWorker() : thread_([this] { loop(); }) {}

BackgroundWorker::~BackgroundWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  wake_.notify_all();
  thread_.join();
}

void BackgroundWorker::post(std::string name, std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    jobs_.emplace_back(std::move(name), std::move(job));
  }
  wake_.notify_one();
}

void BackgroundWorker::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return stopping_ || (jobs_.empty() && !running_job_); });
}

void BackgroundWorker::loop() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (stopping_) break;
    auto [name, job] = std::move(jobs_.front());
    jobs_.pop_front();
    running_job_ = true;
    lock.unlock();
    try {
      job();
    } catch (const std::exception& e) {
      spdlog::error("background job '{}' failed: {}", name, e.what());
    } catch (...) {
      spdlog::error("background job '{}' failed", name);
    }
    lock.lock();
    running_job_ = false;
    if (jobs_.empty()) idle_.notify_all();
  }
  idle_.notify_all();
}

}  // namespace axis::util
