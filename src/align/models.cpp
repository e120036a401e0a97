#include "align/models.h"

namespace axis::align {

const std::vector<JudgeModel>& judge_models() {
  static const std::vector<JudgeModel> models = {
      {"gpt-4o", "GPT-4o", "openai", 128000},
      {"gpt-4o-mini", "GPT-4o Mini", "openai", 128000},
      {"gpt-4-turbo", "GPT-4 Turbo", "openai", 128000},
      {"gpt-4", "GPT-4", "openai", 8192},
      {"gpt-3.5-turbo", "GPT-3.5 Turbo", "openai", 16385},
      {"gpt-4.1", "GPT-4.1", "openai", 1047576},
      {"gpt-4.1-mini", "GPT-4.1 Mini", "openai", 1047576},
      {"gpt-4.1-nano", "GPT-4.1 Nano", "openai", 1047576},
      {"o1", "o1", "openai", 200000},
      {"o1-mini", "o1 Mini", "openai", 128000},
      {"o3-mini", "o3 Mini", "openai", 200000},
      {"claude-3-7-sonnet-20250219", "Claude 3.7 Sonnet", "anthropic", 200000},
      {"claude-3-5-sonnet-20241022", "Claude 3.5 Sonnet", "anthropic", 200000},
      {"claude-3-5-haiku-20241022", "Claude 3.5 Haiku", "anthropic", 200000},
      {"claude-3-opus-20240229", "Claude 3 Opus", "anthropic", 200000},
      {"claude-3-sonnet-20240229", "Claude 3 Sonnet", "anthropic", 200000},
      {"claude-3-haiku-20240307", "Claude 3 Haiku", "anthropic", 200000},
  };
  return models;
}

}  // namespace axis::align
