#include "util/title_case.h"

#include <cctype>

namespace axis::util {

std::string title_case(std::string_view slug) {
  std::string out;
  bool start = true;
  for (char c : slug) {
    if (c == '_' || c == '-' || c == ' ') {
      out += ' ';
      start = true;
    } else {
      out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      start = false;
    }
  }
  return out;
}

}  // namespace axis::util
