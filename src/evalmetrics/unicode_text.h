// Code-point text for the metrics that Python computes on `str`: UTF-8 decoding and Python's
// str.lower() for the scripts the evaluation data uses.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace axis::evalmetrics {

// The number of code points of UTF-8 `text`: Python's len() of the decoded str. Each byte that
// does not start a well-formed UTF-8 sequence (overlong forms, surrogates and values above
// U+10FFFF included) counts as one code point, as U+FFFD.
std::size_t code_point_count(std::string_view text);

// Python's text.lower() for UTF-8 `text` (decoded as code_point_count counts), written into `out`,
// reusing its storage so that scoring many texts does not allocate for each. Lowered: ASCII,
// Latin-1, Latin Extended-A, the regular parts of Latin Extended-B (U+01C4–U+01F5,
// U+01F8–U+021F, U+0222–U+0233, U+0246–U+024F), Greek and Coptic (U+0370–U+03FF, with
// Python's final-sigma rule: Σ becomes ς after a cased letter when no cased letter follows,
// case-ignorable characters skipped), Cyrillic and Cyrillic Supplement (U+0400–U+052F) and
// Latin Extended Additional (U+1E00–U+1EFF). U+0130 (İ) becomes the two code points "i̇" as in
// Python. Every other code point is kept as it is. The limit: capitals of other scripts
// (Armenian, Georgian, Greek Extended, Glagolitic, fullwidth Latin, the irregular rest of
// Latin Extended-B, …) are not lowered, where Python would lower them, and the final-sigma
// rule knows "cased" and "case-ignorable" only for these blocks and the common marks.
void lower_utf8_into(std::string_view text, std::u32string& out);

}  // namespace axis::evalmetrics
