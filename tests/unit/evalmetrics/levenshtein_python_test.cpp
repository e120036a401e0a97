// levenshtein_ratio and the lower-casing under it, compared value by value with python3's own
// difflib and str.lower() on generated inputs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "evalmetrics/sequence_ratio.h"
#include "evalmetrics/unicode_text.h"

namespace axis::evalmetrics {
namespace {

namespace fs = std::filesystem;

// Writes `input` as JSON to a temp file, runs `python3 -c script file` and returns its output
// lines. Fails the test (with the reason) when python3 is missing or the script fails.
std::vector<std::string> lev_run_python(const std::string& script, const nlohmann::json& input) {
  if (std::system("command -v python3 >/dev/null 2>&1") != 0) {
    ADD_FAILURE() << "python3 is not installed: these tests compare with python3's difflib and "
                     "str.lower(), so python3 must be on PATH";
    return {};
  }
  const fs::path path = fs::temp_directory_path() /
                        ("axis-evalmetrics-" + std::to_string(::getpid()) + "-" +
                         std::to_string(std::rand()) + ".json");
  std::ofstream(path, std::ios::binary) << input.dump();
  const std::string command = "python3 -c '" + script + "' '" + path.string() + "'";
  std::vector<std::string> lines;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    std::string line;
    for (int c = std::fgetc(pipe); c != EOF; c = std::fgetc(pipe)) {
      if (c == '\n') {
        lines.push_back(line);
        line.clear();
      } else {
        line.push_back(static_cast<char>(c));
      }
    }
    const int status = ::pclose(pipe);
    EXPECT_EQ(status, 0) << "python3 failed: " << command;
  } else {
    ADD_FAILURE() << "cannot run python3";
  }
  fs::remove(path);
  return lines;
}

// A UTF-8 string of the code points.
std::string lev_utf8(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

// The code points of lower_utf8_into(text), in decimal, space-separated (as the scripts print).
std::string lev_lowered_codes(const std::string& text) {
  std::u32string lowered;
  lower_utf8_into(text, lowered);
  std::string out;
  for (char32_t x : lowered) out += (out.empty() ? "" : " ") + std::to_string(x);
  return out;
}

class LevPairGenerator {
 public:
  explicit LevPairGenerator(unsigned seed) : rng_(seed) {}

  std::size_t below(std::size_t n) { return n ? rng_() % n : 0; }

  std::u32string text(const std::u32string& alphabet, std::size_t length) {
    std::u32string out;
    for (std::size_t i = 0; i < length; ++i) out.push_back(alphabet[below(alphabet.size())]);
    return out;
  }

  // A copy of `text` with a few deletions, insertions from `alphabet` and swapped neighbours.
  std::u32string mutate(std::u32string text, const std::u32string& alphabet) {
    const std::size_t edits = 1 + below(text.size() / 4 + 1);
    for (std::size_t e = 0; e < edits; ++e) {
      const std::size_t op = below(3);
      const std::size_t at = below(text.size() + 1);
      if (op == 0 && at < text.size()) {
        text.erase(at, 1);
      } else if (op == 1) {
        text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), alphabet[below(alphabet.size())]);
      } else if (at + 1 < text.size()) {
        std::swap(text[at], text[at + 1]);
      }
    }
    return text;
  }

 private:
  std::mt19937 rng_;
};

nlohmann::json lev_generated_pairs() {
  LevPairGenerator gen(20260501);
  const std::u32string ascii = U"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,";
  const std::u32string small = U"abAB ";
  const std::u32string popular = U"aaaaaaaaeeeeeeee      tttnsrABC";
  const std::u32string latin = U"aeiouAEIOUéÉèÈñÑäÄöÖüÜßçÇłŁőŐşŞžŽčČĳĲǅǄ ";
  const std::u32string greek = U"αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩάέήίόύώΆΈΉΊΌΎΏς  .";
  const std::u32string cyrillic = U"абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯёЁїЇєЄѢѣ ";
  const std::u32string cjk_emoji = U"数据評価模型中文日本語한국어🙂😀🚀👍🏽 aB";
  const std::u32string mixed = U"aBcİıΣσςЖжÉé数🙂 .'";
  std::vector<std::pair<std::u32string, std::u32string>> pairs = {
      {U"", U""}, {U"abc", U""}, {U"", U"abc"}, {U"a", U"a"}, {U"abab", U"baba"},
      {U"ABCD", U"abcd"}, {U"ΟΔΟΣ", U"οδος"}, {U"ΣΑΣ ΣΑΣ.", U"σας σας."}, {U"İstanbul", U"istanbul"},
  };
  for (int n = 0; n < 120; ++n) {  // short ASCII, mutated or unrelated
    const std::u32string a = gen.text(n % 2 ? ascii : small, gen.below(20));
    pairs.emplace_back(a, n % 3 ? gen.mutate(a, small) : gen.text(small, gen.below(20)));
  }
  for (int n = 0; n < 40; ++n) {  // equal strings, some long
    const std::u32string a = gen.text(ascii, gen.below(n < 20 ? 30 : 400));
    pairs.emplace_back(a, a);
  }
  for (int n = 0; n < 30; ++n) {  // one side empty
    const std::u32string a = gen.text(ascii, 1 + gen.below(30));
    if (n % 2) pairs.emplace_back(a, U""); else pairs.emplace_back(U"", a);
  }
  for (int n = 0; n < 120; ++n) {  // over 200 characters with repeats: autojunk matters
    const std::u32string a = gen.text(n % 2 ? popular : small, 150 + gen.below(450));
    const std::u32string b = n % 4 == 3 ? gen.text(popular, 190 + gen.below(100))
                                        : gen.mutate(a, n % 2 ? popular : small);
    pairs.emplace_back(a, b);
  }
  const std::u32string* scripts[] = {&latin, &greek, &cyrillic, &cjk_emoji, &mixed};
  for (int n = 0; n < 200; ++n) {  // non-ASCII text, short and long
    const std::u32string& alphabet = *scripts[n % 5];
    const std::u32string a = gen.text(alphabet, gen.below(n % 3 == 0 ? 320 : 40));
    pairs.emplace_back(a, n % 4 ? gen.mutate(a, alphabet) : gen.text(alphabet, gen.below(60)));
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [a, b] : pairs) out.push_back({lev_utf8(a), lev_utf8(b)});
  return out;
}

TEST(EvalMetricsLevenshteinTest, EqualsPythonDifflibOnGeneratedPairs) {
  const nlohmann::json pairs = lev_generated_pairs();
  ASSERT_GE(pairs.size(), 500u);
  const std::string script =
      "import json, sys\n"
      "from difflib import SequenceMatcher\n"
      "for a, b in json.load(open(sys.argv[1], encoding=\"utf-8\")):\n"
      "    print(round(SequenceMatcher(None, a.lower(), b.lower()).ratio(), 4))\n";
  const std::vector<std::string> expected = lev_run_python(script, pairs);
  ASSERT_EQ(expected.size(), pairs.size());
  MatchCounter counter;
  std::size_t autojunk_pairs = 0;
  for (std::size_t n = 0; n < pairs.size(); ++n) {
    const std::string a = pairs[n][0], b = pairs[n][1];
    autojunk_pairs += code_point_count(b) >= 200;
    const double want = std::strtod(expected[n].c_str(), nullptr);
    EXPECT_EQ(levenshtein_ratio(a, b, counter), want) << "pair " << n << ": " << pairs[n].dump();
    EXPECT_EQ(levenshtein_ratio(a, b), want) << "pair " << n << " with a fresh counter";
  }
  EXPECT_GE(autojunk_pairs, 100u);
}

TEST(EvalMetricsLevenshteinTest, HandWorkedRatios) {
  // "abcd" vs "bcde": one block "bcd" (3) → 2·3 / 8 = 0.75.
  EXPECT_EQ(levenshtein_ratio("abcd", "bcde"), 0.75);
  // Case is ignored: "ABC" vs "abc" → 2·3 / 6 = 1.
  EXPECT_EQ(levenshtein_ratio("ABC", "abc"), 1.0);
  EXPECT_EQ(levenshtein_ratio("", ""), 1.0);
  EXPECT_EQ(levenshtein_ratio("abc", ""), 0.0);
  // "abc" vs "xyz12" → 0 matches.
  EXPECT_EQ(levenshtein_ratio("abc", "xyz12"), 0.0);
  // "abxcd" vs "abcd": "ab" then "cd" → 2·4 / 9 = 0.888… → 0.8889.
  EXPECT_EQ(levenshtein_ratio("abxcd", "abcd"), 0.8889);
}

TEST(EvalMetricsLevenshteinTest, LowerCaseEqualsPythonPerCodePoint) {
  // The blocks lower_utf8_into claims to lower as Python does.
  const std::pair<char32_t, char32_t> blocks[] = {{0x20, 0x17F},   {0x1C4, 0x1F5},
                                                  {0x1F8, 0x21F},  {0x222, 0x233},
                                                  {0x246, 0x24F},  {0x370, 0x52F},
                                                  {0x1E00, 0x1EFF}};
  nlohmann::json points = nlohmann::json::array();
  for (const auto& [lo, hi] : blocks)
    for (char32_t c = lo; c <= hi; ++c) points.push_back(static_cast<std::uint32_t>(c));
  const std::string script =
      "import json, sys\n"
      "for c in json.load(open(sys.argv[1])):\n"
      "    print(\" \".join(str(ord(x)) for x in chr(c).lower()))\n";
  const std::vector<std::string> expected = lev_run_python(script, points);
  ASSERT_EQ(expected.size(), points.size());
  for (std::size_t n = 0; n < points.size(); ++n) {
    const char32_t c = points[n].get<std::uint32_t>();
    EXPECT_EQ(lev_lowered_codes(lev_utf8(std::u32string(1, c))), expected[n])
        << "U+" << std::hex << static_cast<std::uint32_t>(c);
  }
}

TEST(EvalMetricsLevenshteinTest, FinalSigmaEqualsPython) {
  const nlohmann::json texts = {"ΟΔΟΣ", "ΟΔΟΣ ΚΑΙ", "Σ", "ΑΣ.", "ΑΣ.Β", "ΑΣ'Β", "ΑΣΑ", " Σ ", "ΑΣ1",
                                "ΑΣ́", "AΣ", "ÉΣ", "ЖΣ", "1Σ", "ΑΣ\u00ADΒ", "ΣΣ", "ΑΣΣ", "İΣ"};
  const std::string script =
      "import json, sys\n"
      "for t in json.load(open(sys.argv[1], encoding=\"utf-8\")):\n"
      "    print(\" \".join(str(ord(x)) for x in t.lower()))\n";
  const std::vector<std::string> expected = lev_run_python(script, texts);
  ASSERT_EQ(expected.size(), texts.size());
  for (std::size_t n = 0; n < texts.size(); ++n)
    EXPECT_EQ(lev_lowered_codes(texts[n]), expected[n]) << texts[n].get<std::string>();
}

TEST(EvalMetricsLevenshteinTest, InvalidUtf8BytesCountAsReplacementCharacters) {
  EXPECT_EQ(code_point_count("a\xFF" "b"), 3u);
  EXPECT_EQ(code_point_count("\xC3\xA9"), 1u);  // é
  EXPECT_EQ(code_point_count("\xED\xA0\x80"), 3u);  // an encoded surrogate: three bad bytes
}

}  // namespace
}  // namespace axis::evalmetrics
