#include "plugins/memory/rules_graph.h"

#include "util/text.h"

namespace axis::plugins::memory {

std::vector<graph::RuleFacts> rule_facts(const std::vector<MemoryRule>& rules) {
  std::vector<graph::RuleFacts> out;
  out.reserve(rules.size());
  for (const MemoryRule& rule : rules) {
    graph::RuleFacts facts{rule.text("name"),     rule.text("action"),      rule.text("product"),
                           rule.text("group_by"), rule.text("description"), rule.text("source"),
                           {}};
    const auto mitigants = rule.record.find("mitigants");
    if (mitigants != rule.record.end() && mitigants->is_array()) {
      for (const Json& item : *mitigants) {
        const std::string text = item.is_string() ? item.get<std::string>() : item.dump();
        if (!util::is_blank(text)) facts.mitigants.push_back(text);
      }
    }
    out.push_back(std::move(facts));
  }
  return out;
}

}  // namespace axis::plugins::memory
