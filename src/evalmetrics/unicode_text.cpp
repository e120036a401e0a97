#include "evalmetrics/unicode_text.h"

#include "util/utf8.h"

namespace axis::evalmetrics {

namespace {

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Letters with case (Unicode "Cased") in the scripts python_lower covers, approximately for
// the rest of those blocks: used only by the final-sigma rule.
bool is_cased(char32_t c) {
  if (in(c, 'A', 'Z') || in(c, 'a', 'z')) return true;
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
  if (in(c, 0xC0, 0x24F)) return c != 0xD7 && c != 0xF7 && !in(c, 0x1BB, 0x1BB) && !in(c, 0x1C0, 0x1C3);
  if (in(c, 0x250, 0x2AF)) return true;  // IPA letters are lower case
  if (in(c, 0x370, 0x373) || c == 0x376 || c == 0x377 || in(c, 0x37A, 0x37D) || c == 0x37F)
    return true;
  if (c == 0x386 || (in(c, 0x388, 0x3FF) && c != 0x38B && c != 0x38D && c != 0x3A2 && c != 0x3F6))
    return true;
  if (in(c, 0x400, 0x481) || in(c, 0x48A, 0x52F)) return true;
  if (in(c, 0x1E00, 0x1FFF)) return true;
  return false;
}

// Case-ignorable code points (marks, format characters, modifiers and the word-internal
// punctuation ' . : · ’), for the final-sigma rule.
bool is_case_ignorable(char32_t c) {
  switch (c) {
    case 0x27: case 0x2E: case 0x3A: case 0x5E: case 0x60: case 0xA8: case 0xAD: case 0xAF:
    case 0xB4: case 0xB7: case 0xB8: case 0x374: case 0x375: case 0x37A: case 0x384:
    case 0x385: case 0x387: case 0x2018: case 0x2019: case 0x2024: case 0x2027:
      return true;
    default:
      break;
  }
  return in(c, 0x2B0, 0x36F) || in(c, 0x483, 0x489) || in(c, 0x200B, 0x200F) ||
         in(c, 0x202A, 0x202E) || in(c, 0x2060, 0x2064) || in(c, 0xFE00, 0xFE0F) || c == 0xFEFF;
}

bool even(char32_t c) { return (c & 1) == 0; }

// Σ at `i` of `text`: ς when a cased letter precedes it and none follows (ignorables skipped).
char32_t lower_sigma(std::u32string_view text, std::size_t i) {
  std::size_t j = i;
  while (j > 0 && is_case_ignorable(text[j - 1])) --j;
  if (j == 0 || !is_cased(text[j - 1])) return 0x3C3;
  std::size_t k = i + 1;
  while (k < text.size() && is_case_ignorable(text[k])) ++k;
  return (k < text.size() && is_cased(text[k])) ? 0x3C3 : 0x3C2;
}

}  // namespace

std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    util::next_code_point(text, i);
    ++count;
  }
  return count;
}

namespace {

// The single-code-point lower-case mapping (no context; U+0130 → 'i', its first half).
char32_t lower_code_point(char32_t c) {
  if (c < 0x80) return in(c, 'A', 'Z') ? c + 32 : c;
  if (c < 0x100) return (in(c, 0xC0, 0xDE) && c != 0xD7) ? c + 32 : c;
  if (c < 0x250) {  // Latin Extended-A and the regular parts of Extended-B
    if (c == 0x130) return 'i';
    if (in(c, 0x100, 0x137) || in(c, 0x14A, 0x177)) return even(c) ? c + 1 : c;
    if (in(c, 0x139, 0x148) || in(c, 0x179, 0x17E)) return even(c) ? c : c + 1;
    if (c == 0x178) return 0xFF;
    if (c == 0x1C4 || c == 0x1C5) return 0x1C6;
    if (c == 0x1C7 || c == 0x1C8) return 0x1C9;
    if (c == 0x1CA || c == 0x1CB) return 0x1CC;
    if (c == 0x1F1 || c == 0x1F2) return 0x1F3;
    if (in(c, 0x1CD, 0x1DC)) return even(c) ? c : c + 1;
    if (in(c, 0x1DE, 0x1EF) || c == 0x1F4 || in(c, 0x1F8, 0x21F) || in(c, 0x222, 0x233) ||
        in(c, 0x246, 0x24F))
      return even(c) ? c + 1 : c;
    return c;
  }
  if (in(c, 0x370, 0x3FF)) {
    if (in(c, 0x391, 0x3AB) && c != 0x3A2) return c + 32;
    if (c == 0x370 || c == 0x372 || c == 0x376 || in(c, 0x3D8, 0x3EF)) return even(c) ? c + 1 : c;
    switch (c) {
      case 0x37F: return 0x3F3;
      case 0x386: return 0x3AC;
      case 0x388: case 0x389: case 0x38A: return c + 37;
      case 0x38C: return 0x3CC;
      case 0x38E: case 0x38F: return c + 63;
      case 0x3CF: return 0x3D7;
      case 0x3F4: return 0x3B8;
      case 0x3F7: return 0x3F8;
      case 0x3F9: return 0x3F2;
      case 0x3FA: return 0x3FB;
      case 0x3FD: case 0x3FE: case 0x3FF: return c - 0x82;
      default: return c;
    }
  }
  if (in(c, 0x400, 0x52F)) {
    if (in(c, 0x400, 0x40F)) return c + 0x50;
    if (in(c, 0x410, 0x42F)) return c + 0x20;
    if (in(c, 0x460, 0x481) || in(c, 0x48A, 0x4BF) || in(c, 0x4D0, 0x52F)) return even(c) ? c + 1 : c;
    if (c == 0x4C0) return 0x4CF;
    if (in(c, 0x4C1, 0x4CE)) return even(c) ? c : c + 1;
    return c;
  }
  if (in(c, 0x1E00, 0x1EFF)) {
    if (c == 0x1E9E) return 0xDF;
    if (in(c, 0x1E00, 0x1E95) || in(c, 0x1EA0, 0x1EFF)) return even(c) ? c + 1 : c;
  }
  return c;
}

}  // namespace

void lower_utf8_into(std::string_view text, std::u32string& out) {
  // Each byte yields at most one code point (İ, two bytes, yields two), so text.size() is room
  // enough. Σ is kept as it is until its neighbours are known, then lowered by context (case
  // and case-ignorability survive lowering, so the lowered neighbours decide the same way).
  out.resize(text.size());
  std::size_t n = 0;
  bool sigma = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out[n++] = (byte >= 'A' && byte <= 'Z') ? byte + 32 : byte;
      ++i;
      continue;
    }
    const char32_t c = util::next_code_point(text, i);
    if (c == 0x3A3) {
      out[n++] = c;
      sigma = true;
    } else if (c == 0x130) {
      out[n++] = 'i';
      out[n++] = 0x307;
    } else {
      out[n++] = lower_code_point(c);
    }
  }
  out.resize(n);
  if (!sigma) return;
  for (std::size_t k = 0; k < n; ++k)
    if (out[k] == 0x3A3) out[k] = lower_sigma(out, k);
}

}  // namespace axis::evalmetrics
