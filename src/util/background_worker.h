// BackgroundWorker: one thread that runs posted jobs in order, for work a request starts but
// need not wait for (e.g. building a new dataset's summaries). Jobs must catch their own
// errors; one that throws is logged and dropped. Destruction drops jobs not yet started and
// waits for the running one.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace axis::util {

class BackgroundWorker {
 public:
  BackgroundWorker();
  ~BackgroundWorker();
  BackgroundWorker(const BackgroundWorker&) = delete;
  BackgroundWorker& operator=(const BackgroundWorker&) = delete;

  // Queues a job; `name` appears in the log if it fails.
  void post(std::string name, std::function<void()> job);
  // Blocks until every job posted so far has run (for tests and orderly shutdown).
  void wait_idle();

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::deque<std::pair<std::string, std::function<void()>>> jobs_;
  bool running_job_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace axis::util
