// The judge models CaliberHQ offers: a fixed list of 11 OpenAI and 6 Anthropic models with
// their context windows. Pure data; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace axis::align {

struct JudgeModel {
  std::string id;
  std::string name;      // display name
  std::string provider;  // openai | anthropic
  long context_window = 0;
};

const std::vector<JudgeModel>& judge_models();

}  // namespace axis::align
