#include <gtest/gtest.h>

#include <thread>

#include "health/health_monitor.h"
#include "store/store.h"

namespace axis::health {
namespace {

using namespace std::chrono_literals;

TEST(HealthMonitor, WritableStoreIsHealthy) {
  store::Store store({":memory:", "", 0, 2});
  HealthMonitor monitor(&store, {}, 50ms, 1h);
  HealthSnapshot snap = monitor.snapshot();
  EXPECT_TRUE(snap.store_enabled);
  EXPECT_TRUE(snap.store.open);
  EXPECT_TRUE(snap.store.writable) << snap.store.error;
  EXPECT_TRUE(snap.healthy());
}

TEST(HealthMonitor, StoreThatCannotBeWrittenTurnsUnhealthyWithReason) {
  store::Store store({":memory:", "", 0, 2});
  HealthMonitor monitor(&store, {}, 20ms, 1h);
  ASSERT_TRUE(monitor.snapshot().healthy());
  {
    auto conn = store.connection();
    conn->execute("DROP TABLE _store_metadata");
  }
  HealthSnapshot snap;
  for (int i = 0; i < 100 && (snap = monitor.snapshot()).healthy(); ++i) std::this_thread::sleep_for(10ms);
  EXPECT_FALSE(snap.healthy());
  EXPECT_FALSE(snap.store.writable);
  EXPECT_NE(snap.store.error.find("_store_metadata"), std::string::npos) << snap.store.error;
}

TEST(HealthMonitor, DisabledStoreIsNotAFailure) {
  HealthMonitor monitor(nullptr, {}, 20ms, 1h);
  EXPECT_FALSE(monitor.snapshot().store_enabled);
  EXPECT_TRUE(monitor.snapshot().healthy());
}

TEST(HealthMonitor, UnreachableSourceIsReportedDownWithoutFailingTheService) {
  // Port 1 on loopback refuses connections immediately.
  HealthMonitor monitor(nullptr, {{"eval_db", "postgresql://u:secret@127.0.0.1:1/db"}}, 20ms, 1h);
  HealthSnapshot snap = monitor.snapshot();
  ASSERT_EQ(snap.sources.count("eval_db"), 1u);
  EXPECT_EQ(snap.sources["eval_db"].status, "down");
  EXPECT_EQ(snap.sources["eval_db"].detail, "no response");
  EXPECT_TRUE(snap.healthy());
}

}  // namespace
}  // namespace axis::health
