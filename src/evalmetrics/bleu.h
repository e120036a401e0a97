// Sentence BLEU as the sentence_bleu metric computes it.
#pragma once

#include <string_view>

namespace axis::evalmetrics {

// Sentence BLEU of `candidate` against one `reference`, rounded to 4 decimals:
//   tokens  = the texts lower-cased (lower_utf8_into, as Python's str.lower()) and split at Unicode whitespace
//   p_n     = (clipped_n + 1) / (total_n + 1)  for n = 1..4, where total_n is the number of
//             candidate n-grams and clipped_n = Σ over distinct candidate n-grams g of
//             min(count_candidate(g), count_reference(g))
//   score   = 0 when some order has no candidate n-gram (total_n = 0, so fewer than 4 tokens)
//   BP      = 1 if c > r else e^(1 − r/c)   (c, r = candidate and reference token counts)
//   BLEU    = BP · exp((ln p_1 + ln p_2 + ln p_3 + ln p_4) / 4)
double sentence_bleu(std::string_view candidate, std::string_view reference);

}  // namespace axis::evalmetrics
