#include "evalmetrics/sequence_ratio.h"

#include <algorithm>
#include <cstdint>

#include "evalmetrics/rounding.h"
#include "evalmetrics/unicode_text.h"

namespace axis::evalmetrics {

namespace {

// Code points below this get their id from a direct table; the rest from a sorted list.
constexpr char32_t kTableSize = 0x800;

}  // namespace

std::int32_t MatchCounter::table_id(char32_t c) const {
  const std::uint64_t entry = table_[c];
  return (entry >> 32) == table_stamp_ ? static_cast<std::int32_t>(entry & 0xFFFFFFFF) : -1;
}

void MatchCounter::index_b(std::u32string_view b) {
  if (table_.empty() || table_stamp_ == UINT32_MAX) {
    table_.assign(kTableSize, 0);
    table_stamp_ = 0;
  }
  ++table_stamp_;  // forgets every id of the previous b
  alphabet_.clear();
  for (char32_t c : b)
    if (c >= kTableSize) alphabet_.push_back(c);
  std::sort(alphabet_.begin(), alphabet_.end());
  alphabet_.erase(std::unique(alphabet_.begin(), alphabet_.end()), alphabet_.end());
  std::int32_t next_id = static_cast<std::int32_t>(alphabet_.size());
  b_ids_.resize(b.size());
  for (std::size_t j = 0; j < b.size(); ++j) {
    const char32_t c = b[j];
    if (c < kTableSize) {
      std::int32_t id = table_id(c);
      if (id < 0) {
        id = next_id++;
        table_[c] = (std::uint64_t{table_stamp_} << 32) | static_cast<std::uint32_t>(id);
      }
      b_ids_[j] = id;
    } else {
      b_ids_[j] = static_cast<std::int32_t>(
          std::lower_bound(alphabet_.begin(), alphabet_.end(), c) - alphabet_.begin());
    }
  }
  offsets_.assign(static_cast<std::size_t>(next_id) + 1, 0);
  for (std::int32_t id : b_ids_) ++offsets_[static_cast<std::size_t>(id) + 1];
  // Autojunk: a popular character keeps no positions, as difflib deletes it from b2j.
  if (b.size() >= 200) {
    const std::uint32_t most = static_cast<std::uint32_t>(b.size() / 100 + 1);
    for (std::size_t id = 1; id < offsets_.size(); ++id)
      if (offsets_[id] > most) offsets_[id] = 0;
  }
  for (std::size_t id = 1; id < offsets_.size(); ++id) offsets_[id] += offsets_[id - 1];
  positions_.resize(offsets_.back());
  cursor_.assign(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t j = 0; j < b.size(); ++j) {
    const auto id = static_cast<std::size_t>(b_ids_[j]);
    if (offsets_[id + 1] > offsets_[id]) positions_[cursor_[id]++] = static_cast<std::uint32_t>(j);
  }
}

void MatchCounter::map_a(std::u32string_view a) {
  a_ids_.resize(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char32_t c = a[i];
    std::int32_t id = -1;
    if (c < kTableSize) {
      id = table_id(c);
    } else {
      const auto it = std::lower_bound(alphabet_.begin(), alphabet_.end(), c);
      if (it != alphabet_.end() && *it == c) id = static_cast<std::int32_t>(it - alphabet_.begin());
    }
    if (id >= 0 && offsets_[id + 1] == offsets_[id]) id = -1;  // popular
    a_ids_[i] = id;
  }
}

MatchCounter::Match MatchCounter::longest_match(std::u32string_view a, std::u32string_view b,
                                                const Range& r) {
  Match best{r.alo, r.blo, 0};
  if (row_stamp_ > UINT32_MAX - 2 - (r.ahi - r.alo)) {  // stamps about to wrap: start afresh
    for (auto& runs : runs_) std::fill(runs.begin(), runs.end(), Run{0, 0});
    row_stamp_ = 0;
  }
  // Locals, so that the stores into the run buffers cannot be taken to change them.
  const std::int32_t* ids = a_ids_.data();
  const std::uint32_t* offsets = offsets_.data();
  const std::uint32_t* positions = positions_.data();
  Run* const buffers[2] = {runs_[0].data(), runs_[1].data()};
  const std::size_t blo = r.blo, bhi = r.bhi;
  // One stamp per row; the first row's "previous" stamp belongs to no earlier row.
  std::uint32_t stamp = row_stamp_ + 1;
  for (std::size_t i = r.alo; i < r.ahi; ++i) {
    ++stamp;
    const std::int32_t id = ids[i];
    if (id < 0) continue;
    Run* cur = buffers[stamp & 1];
    const Run* prev = buffers[(stamp & 1) ^ 1];
    const std::uint32_t* pos = positions + offsets[id];
    const std::uint32_t* end = positions + offsets[id + 1];
    while (pos != end && *pos < blo) ++pos;
    for (; pos != end; ++pos) {
      const std::size_t j = *pos;
      if (j >= bhi) break;
      // Index j of the buffers holds the run ending at b[j-1] (shifted by one).
      const Run before = prev[j];
      const std::uint32_t k = (before.row == stamp - 1 ? before.length : 0) + 1;
      cur[j + 1] = Run{stamp, k};
      if (k > best.size) best = Match{i + 1 - k, j + 1 - k, k};
    }
  }
  row_stamp_ = stamp;
  while (best.i > r.alo && best.j > r.blo && a[best.i - 1] == b[best.j - 1]) {
    --best.i, --best.j, ++best.size;
  }
  while (best.i + best.size < r.ahi && best.j + best.size < r.bhi &&
         a[best.i + best.size] == b[best.j + best.size]) {
    ++best.size;
  }
  return best;
}

std::size_t MatchCounter::count(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return 0;
  index_b(b);
  map_a(a);
  for (auto& runs : runs_)
    if (runs.size() < b.size() + 1) runs.resize(b.size() + 1, Run{0, 0});
  std::size_t matched = 0;
  pending_.clear();
  pending_.push_back(Range{0, a.size(), 0, b.size()});
  while (!pending_.empty()) {
    const Range r = pending_.back();
    pending_.pop_back();
    const Match m = longest_match(a, b, r);
    if (m.size == 0) continue;
    matched += m.size;
    if (r.alo < m.i && r.blo < m.j) pending_.push_back(Range{r.alo, m.i, r.blo, m.j});
    if (m.i + m.size < r.ahi && m.j + m.size < r.bhi)
      pending_.push_back(Range{m.i + m.size, r.ahi, m.j + m.size, r.bhi});
  }
  return matched;
}

double sequence_ratio(std::u32string_view a, std::u32string_view b, MatchCounter& counter) {
  const std::size_t total = a.size() + b.size();
  if (total == 0) return 1.0;
  return 2.0 * static_cast<double>(counter.count(a, b)) / static_cast<double>(total);
}

double levenshtein_ratio(std::string_view actual, std::string_view expected,
                         MatchCounter& counter) {
  lower_utf8_into(actual, counter.text_a);
  lower_utf8_into(expected, counter.text_b);
  return round_places(sequence_ratio(counter.text_a, counter.text_b, counter), 4);
}

double levenshtein_ratio(std::string_view actual, std::string_view expected) {
  MatchCounter counter;
  return levenshtein_ratio(actual, expected, counter);
}

}  // namespace axis::evalmetrics
