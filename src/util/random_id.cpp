#include "util/random_id.h"

#include <cstdint>
#include <random>

namespace axis::util {

std::string random_hex_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  for (int half = 0; half < 2; ++half) {
    const std::uint64_t bits = rng();
    for (int i = 0; i < 16; ++i) id[half * 16 + i] = kHex[(bits >> (i * 4)) & 0xF];
  }
  return id;
}

}  // namespace axis::util
