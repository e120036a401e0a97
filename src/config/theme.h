// The built-in theme palettes that theme.yaml is merged over.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "config/settings.h"

namespace axis::config {

// The built-in palettes in display order: professional_blue (the default), sage_green (the
// fallback for an unknown active name), then slate_teal, warm_terracotta and midnight_indigo.
// Every key has a value. A static table: thread-safe, never changes.
const std::vector<std::pair<std::string, Palette>>& builtin_palettes();

}  // namespace axis::config
