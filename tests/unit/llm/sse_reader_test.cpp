#include "llm/sse_reader.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace axis::llm {
namespace {

using Events = std::vector<std::pair<std::string, std::string>>;

Events read_in_pieces(const std::string& text, std::size_t piece) {
  Events events;
  SseReader reader([&](const std::string& e, const std::string& d) { events.emplace_back(e, d); });
  for (std::size_t i = 0; i < text.size(); i += piece) reader.feed(std::string_view(text).substr(i, piece));
  reader.finish();
  return events;
}

TEST(SseReaderTest, EventsSurviveAnySplitAndLineEnding) {
  const std::string text =
      ": ping\r\nevent: message_start\r\ndata: {\"a\":1}\r\n\r\ndata: first\ndata: second\n\nevent: x\rdata: y\r\r";
  const Events want = {{"message_start", "{\"a\":1}"}, {"message", "first\nsecond"}, {"x", "y"}};
  for (std::size_t piece : {1u, 2u, 3u, 7u, 1000u}) EXPECT_EQ(read_in_pieces(text, piece), want) << piece;
}

TEST(SseReaderTest, AnEventWithoutTheFinalBlankLineIsDeliveredAtTheEnd) {
  EXPECT_EQ(read_in_pieces("data: [DONE]", 4), (Events{{"message", "[DONE]"}}));
  EXPECT_EQ(read_in_pieces(": only a comment\n\n", 4), Events{});
}

}  // namespace
}  // namespace axis::llm
