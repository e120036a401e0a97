#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "signals/python_literal.h"
#include "signals/signal_cells.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;

std::string parsed(std::string_view text) {
  auto v = parse_structured(text);
  return v ? v->dump() : "<none>";
}

TEST(SignalCells, JsonObjectsAndArraysKeepKeyOrder) {
  EXPECT_EQ(parsed(R"({"b": 1, "a": [true, null, 2.5]})"), R"({"b":1,"a":[true,null,2.5]})");
  EXPECT_EQ(parsed(" [1, 2] "), "[1,2]");
}

TEST(SignalCells, JsonScalarsAndBlankCellsAreNotStructured) {
  EXPECT_EQ(parsed("42"), "<none>");
  EXPECT_EQ(parsed(R"("{\"a\": 1}")"), "<none>");  // a JSON string is not decoded again
  EXPECT_EQ(parsed(""), "<none>");
  EXPECT_EQ(parsed("   "), "<none>");
  EXPECT_EQ(parsed("resolved"), "<none>");
  EXPECT_EQ(parsed("{broken"), "<none>");
}

TEST(SignalCells, PythonLiteralDicts) {
  EXPECT_EQ(parsed("{'is_escalated': True, 'reason': None, 'n': -3, 'x': 1.5e2, 'ok': False}"),
            R"({"is_escalated":true,"reason":null,"n":-3,"x":150.0,"ok":false})");
  EXPECT_EQ(parsed("{'tags': ['a', \"b\"], 'pair': (1, 2), 'one': (1,), 'empty': ()}"),
            R"({"tags":["a","b"],"pair":[1,2],"one":[1],"empty":[]})");
  EXPECT_EQ(parsed("{3: 'int key', None: 0, True: 1, 2.5: 2,}"),
            R"({"3":"int key","null":0,"true":1,"2.5":2})");
}

TEST(SignalCells, PythonStringEscapesAndPrefixes) {
  EXPECT_EQ(parsed(R"({'q': 'it\'s "fine"\n\t\x41\u00e9\U0001F600'})"),
            "{\"q\":\"it's \\\"fine\\\"\\n\\tA\xC3\xA9\xF0\x9F\x98\x80\"}");
  EXPECT_EQ(parsed(R"({'raw': r'\d+', 'joined': 'ab' "cd", 'u': u'x'})"),
            R"({"raw":"\\d+","joined":"abcd","u":"x"})");
  EXPECT_EQ(parsed(R"({'lone': '\ud800'})"), "{\"lone\":\"\xEF\xBF\xBD\"}");
  EXPECT_EQ(parsed(R"({'pair': '\ud83d\ude00'})"), "{\"pair\":\"\xF0\x9F\x98\x80\"}");
}

TEST(SignalCells, PythonNumbers) {
  EXPECT_EQ(parsed("[0x1F, 0o17, 0b101, 1_000, .5, 5., -0.25, +7]"),
            "[31,15,5,1000,0.5,5.0,-0.25,7]");
}

TEST(SignalCells, WhatIsNotALiteralIsRejected) {
  EXPECT_EQ(parsed("{'a': true}"), "<none>");           // JSON words are not Python names
  EXPECT_EQ(parsed("{'a': float('nan')}"), "<none>");   // no calls
  EXPECT_EQ(parsed("{'a': b'bytes'}"), "<none>");
  EXPECT_EQ(parsed("{'a': 1j}"), "<none>");
  EXPECT_EQ(parsed("{'a': 1} trailing"), "<none>");
  EXPECT_EQ(parsed("{'a': 'unterminated}"), "<none>");
  EXPECT_EQ(parsed("{['list']: 1}"), "<none>");          // unhashable key
  EXPECT_EQ(parsed(std::string(300, '[') + std::string(300, ']')), "<none>");
  EXPECT_FALSE(parse_python_literal("'just a string'")->is_structured());
}

TEST(SignalCells, PythonJsonTextUsesSpacedSeparators) {
  const Json v = Json::parse(R"({"b": [1, 2.5, "x"], "a": {"k": null, "t": true}, "é": "ü"})");
  EXPECT_EQ(python_json_text(v), "{\"b\": [1, 2.5, \"x\"], \"a\": {\"k\": null, \"t\": true}, \"\xC3\xA9\": \"\xC3\xBC\"}");
  EXPECT_EQ(python_json_text(Json::array()), "[]");
  EXPECT_EQ(python_json_text(Json("a\"b")), R"("a\"b")");
}

}  // namespace
}  // namespace axis::signals
