// IpRange: an IPv4 or IPv6 address or CIDR range ("10.0.0.0/8", "::1", "fd00::/8"), for
// deciding which peers are trusted proxies. IPv4-mapped IPv6 peers (::ffff:a.b.c.d) match IPv4
// ranges.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace axis::util {

class IpRange {
 public:
  // nullopt when `text` is not an address or a CIDR range.
  static std::optional<IpRange> parse(std::string_view text);
  bool contains(std::string_view address) const;

 private:
  std::array<unsigned char, 16> bytes_{};  // IPv4 stored as IPv4-mapped IPv6
  int prefix_bits_ = 128;
};

}  // namespace axis::util
