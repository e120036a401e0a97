#include <gtest/gtest.h>

#include "http/encoding.h"
#include "util/text.h"

namespace axis::http {
namespace {

TEST(Encoding, PercentDecodingHandlesEscapesAndRejectsBrokenOnes) {
  EXPECT_EQ(util::percent_decode("a%20b%2Fc").value(), "a b/c");
  EXPECT_EQ(util::percent_decode("a+b", true).value(), "a b");
  EXPECT_EQ(util::percent_decode("a+b").value(), "a+b");
  EXPECT_FALSE(util::percent_decode("bad%2").has_value());
  EXPECT_FALSE(util::percent_decode("bad%zz").has_value());
}

TEST(Encoding, QueryStringKeepsOrderAndRepeats) {
  auto q = util::parse_query("metric=a&bins=20&metric=b%20c&flag");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0], (std::pair<std::string, std::string>{"metric", "a"}));
  EXPECT_EQ(q[2].second, "b c");
  EXPECT_EQ(q[3], (std::pair<std::string, std::string>{"flag", ""}));
}

TEST(Encoding, Utf8ValidationRejectsMalformedSequences) {
  EXPECT_TRUE(util::is_valid_utf8("plain ascii"));
  EXPECT_TRUE(util::is_valid_utf8("caf\xC3\xA9 \xF0\x9F\x98\x80"));
  EXPECT_FALSE(util::is_valid_utf8("\xFF\xFE"));
  EXPECT_FALSE(util::is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(util::is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(util::is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(util::is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST(Encoding, GzipAcceptanceHonoursQZero) {
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("deflate, br"));
  EXPECT_FALSE(accepts_gzip(""));
}

TEST(Encoding, GzipRoundTripsAndShrinksRepetitiveText) {
  std::string text;
  for (int i = 0; i < 500; ++i) text += "{\"metric\":\"faithfulness\",\"score\":0.5},";
  const std::string packed = gzip_compress(text);
  EXPECT_LT(packed.size(), text.size() / 10);
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(packed[1]), 0x8b);
  EXPECT_EQ(gzip_decompress(packed), text);
  EXPECT_THROW(gzip_decompress("not gzip"), std::runtime_error);
}

}  // namespace
}  // namespace axis::http
