// SSE framing: data lines per line of data (any line break), single-line names and ids, comments.
#include <gtest/gtest.h>

#include "http/sse_event.h"

namespace axis::http {
namespace {

TEST(SseEvent, OneLineOfData) {
  EXPECT_EQ(sse_event("thought", R"({"content":"Looking at the data"})"),
            "event: thought\ndata: {\"content\":\"Looking at the data\"}\n\n");
  EXPECT_EQ(sse_event("", "hello"), "data: hello\n\n");
  EXPECT_EQ(sse_event("done", ""), "event: done\ndata: \n\n");
}

TEST(SseEvent, EveryLineBreakStartsADataLine) {
  EXPECT_EQ(sse_event("token", "a\nb\r\nc\rd"), "event: token\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
  EXPECT_EQ(sse_event("token", "end\n"), "event: token\ndata: end\ndata: \n\n");
}

TEST(SseEvent, NamesIdsAndCommentsStayOnOneLine) {
  EXPECT_EQ(sse_event("bad\nname", "x", "7\r\n"), "event: badname\nid: 7\ndata: x\n\n");
  EXPECT_EQ(sse_comment("ping"), ": ping\n\n");
  EXPECT_EQ(sse_comment("a\nb"), ": ab\n\n");
}

}  // namespace
}  // namespace axis::http
