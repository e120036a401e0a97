#include "app/cli_compat.h"

#include <gtest/gtest.h>

namespace axis::app {
namespace {

using Args = std::vector<std::string>;

TEST(CliCompat, AccessLogAloneMeansTrue) {
  EXPECT_EQ(uvicorn_compatible_args({"serve", "--access-log"}), (Args{"serve", "--access-log=true"}));
  EXPECT_EQ(uvicorn_compatible_args({"serve", "--access-log", "--workers", "4"}),
            (Args{"serve", "--access-log=true", "--workers", "4"}));
}

TEST(CliCompat, ExplicitValuesAndOtherFlagsAreKept) {
  EXPECT_EQ(uvicorn_compatible_args({"serve", "--access-log", "false", "--log-level", "info"}),
            (Args{"serve", "--access-log", "false", "--log-level", "info"}));
  EXPECT_EQ(uvicorn_compatible_args({"serve", "--access-log=off"}), (Args{"serve", "--access-log=off"}));
  EXPECT_EQ(uvicorn_compatible_args({"serve", "--no-access-log"}), (Args{"serve", "--access-log=false"}));
  EXPECT_EQ(uvicorn_compatible_args({}), Args{});
}

}  // namespace
}  // namespace axis::app
