#include "util/ip_range.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace axis::util {
namespace {

// The address as 16 bytes (IPv4 mapped into ::ffff:0:0/96), and whether it was IPv4.
std::optional<std::pair<std::array<unsigned char, 16>, bool>> address_bytes(std::string_view text) {
  const std::string s(text);
  std::array<unsigned char, 16> out{};
  unsigned char v4[4];
  if (inet_pton(AF_INET, s.c_str(), v4) == 1) {
    out[10] = 0xff;
    out[11] = 0xff;
    std::memcpy(out.data() + 12, v4, 4);
    return std::pair{out, true};
  }
  if (inet_pton(AF_INET6, s.c_str(), out.data()) == 1) return std::pair{out, false};
  return std::nullopt;
}

}  // namespace

std::optional<IpRange> IpRange::parse(std::string_view text) {
  const auto slash = text.find('/');
  const auto address = address_bytes(text.substr(0, slash));
  if (!address) return std::nullopt;
  IpRange r;
  r.bytes_ = address->first;
  const int max_bits = address->second ? 32 : 128;
  int bits = max_bits;
  if (slash != std::string_view::npos) {
    const auto digits = text.substr(slash + 1);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (ec != std::errc() || end != digits.data() + digits.size() || bits < 0 || bits > max_bits) {
      return std::nullopt;
    }
  }
  r.prefix_bits_ = address->second ? 96 + bits : bits;
  return r;
}

bool IpRange::contains(std::string_view address) const {
  const auto peer = address_bytes(address);
  if (!peer) return false;
  const auto& b = peer->first;
  int bits = prefix_bits_;
  for (std::size_t i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
    const unsigned char mask = bits >= 8 ? 0xff : static_cast<unsigned char>(0xff << (8 - bits));
    if ((b[i] & mask) != (bytes_[i] & mask)) return false;
  }
  return true;
}

}  // namespace axis::util
