// The similarity ratio of Python's difflib.SequenceMatcher, computed the same way on code points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace axis::evalmetrics {

// SequenceMatcher(None, a, b) without a junk function: counts the characters of the matching
// blocks as difflib finds them. b's index keeps, per character, its positions in b; when
// |b| ≥ 200, characters occurring more than 1 + |b|/100 times ("popular", autojunk) are left
// out of it. The longest match of a range is the first found scanning a then b's positions
// ascending (earliest end in a, then earliest in b; a longer run only replaces a shorter one),
// then extended by equal neighbours on both sides (popular characters included), and the
// ranges left and right of it are searched the same way. The buffers are kept between calls,
// so one counter scoring many pairs allocates only when a longer string comes.
class MatchCounter {
 public:
  // The total size of the matching blocks of a and b (difflib's M).
  std::size_t count(std::u32string_view a, std::u32string_view b);

 private:
  struct Range { std::size_t alo, ahi, blo, bhi; };
  struct Match { std::size_t i, j, size; };
  void index_b(std::u32string_view b);
  void map_a(std::u32string_view a);
  Match longest_match(std::u32string_view a, std::u32string_view b, const Range& range);

  std::int32_t table_id(char32_t c) const;  // id of a character below U+0800, or -1

  // Character → id of b's distinct characters: below U+0800 from table_ (stamp << 32 | id,
  // valid when the stamp is table_stamp_), above it the index in alphabet_.
  std::vector<std::uint64_t> table_;
  std::uint32_t table_stamp_ = 0;
  std::vector<char32_t> alphabet_;         // b's distinct characters from U+0800 on, sorted
  std::vector<std::int32_t> b_ids_;        // id of each character of b (before purging)
  std::vector<std::uint32_t> offsets_;     // id → first slot in positions_ (CSR)
  std::vector<std::uint32_t> positions_;   // positions in b, ascending per id
  std::vector<std::uint32_t> cursor_;      // id → next free slot while filling positions_
  std::vector<std::int32_t> a_ids_;        // id of each character of a, -1 when not in b2j
  // j+1 → the length of the match ending at b[j] in a row, valid when `row` is that row's stamp
  // (two buffers: the previous row's is read while the current one's is written).
  struct Run { std::uint32_t row, length; };
  std::vector<Run> runs_[2];
  std::uint32_t row_stamp_ = 0;
  std::vector<Range> pending_;

 public:
  // Scratch text buffers for levenshtein_ratio, kept so that scoring many pairs reuses them.
  std::u32string text_a, text_b;
};

// 2·M / (|a| + |b|) with M from MatchCounter; 1 when both are empty (difflib's ratio()).
double sequence_ratio(std::u32string_view a, std::u32string_view b, MatchCounter& counter);

// The levenshtein_ratio metric: round(SequenceMatcher(None, actual.lower(),
// expected.lower()).ratio(), 4) as Python computes it, with the texts decoded from UTF-8 and
// lowered by lower_utf8_into (unicode_text.h).
double levenshtein_ratio(std::string_view actual, std::string_view expected,
                         MatchCounter& counter);
double levenshtein_ratio(std::string_view actual, std::string_view expected);

}  // namespace axis::evalmetrics
