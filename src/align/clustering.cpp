#include "align/clustering.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "align/analyses.h"
#include "util/json_text.h"
#include "util/text.h"

namespace axis::align {
namespace {

const char* const kGroupSystem =
    "You group human reviewers' notes about AI responses into recurring themes. Give each "
    "category a short name and list the ids of the notes in it; a note may stay uncategorized. "
    "Reply with a JSON object only, in this shape: {\"categories\": [{\"name\": \"...\", "
    "\"record_ids\": [\"ids\"]}], \"uncategorized\": [\"ids\"]}";

const char* const kLearnSystem =
    "You distil themes of human feedback about AI responses into at most three learnings that "
    "could become evaluation criteria. Reply with a JSON object only, in this shape: "
    "{\"learnings\": [{\"title\": \"...\", \"content\": \"...\", \"tags\": [\"...\"], "
    "\"confidence\": 0.0 to 1.0, \"supporting_item_ids\": [\"record ids\"], "
    "\"recommended_actions\": [\"...\"], \"counterexamples\": [\"...\"], \"scope\": \"...\", "
    "\"when_not_to_apply\": \"...\"}]}";

std::string id_text(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

Json metadata(std::size_t filtered, int duplicates, int repairs, std::size_t analysed) {
  return {{"filtered_count", filtered},
          {"deduplicated_count", duplicates},
          {"validation_repairs", repairs},
          {"total_analyzed", analysed},
          {"clustering_method", "llm"}};
}

// A list member of a learning as strings; `repairs` counts a member that was not a list.
Json string_list(const Json& learning, const char* key, int& repairs) {
  Json out = Json::array();
  const auto it = learning.find(key);
  if (it == learning.end() || !it->is_array()) {
    ++repairs;
    return out;
  }
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v);
  }
  return out;
}

}  // namespace

Json no_notes_reply() {
  return {{"success", true},
          {"patterns", Json::array()},
          {"uncategorized", Json::array()},
          {"learnings", Json::array()},
          {"pipeline_metadata", metadata(0, 0, 0, 0)},
          {"message", "No annotations with notes found to cluster."}};
}

Json checked_learnings(const Json& proposed, const std::vector<std::string>& known_ids, int& repairs,
                       int& duplicates) {
  const std::set<std::string> known(known_ids.begin(), known_ids.end());
  std::vector<Json> kept;
  std::set<std::string> titles;
  if (!proposed.is_array()) return Json::array();
  for (const auto& l : proposed) {
    if (!l.is_object() || !l.contains("title") || !l["title"].is_string()) {
      ++repairs;  // dropped: no title to show
      continue;
    }
    const std::string title = l["title"].get<std::string>();
    if (!titles.insert(util::ascii_lower(util::trim(title))).second) {
      ++duplicates;
      continue;
    }
    double confidence = 0.5;
    if (l.contains("confidence") && l["confidence"].is_number()) {
      confidence = l["confidence"].get<double>();
      if (confidence < 0 || confidence > 1) {
        confidence = std::clamp(confidence, 0.0, 1.0);
        ++repairs;
      }
    } else {
      ++repairs;
    }
    Json ids = Json::array();
    for (const auto& id : l.value("supporting_item_ids", Json::array())) {
      if (known.count(id_text(id))) ids.push_back(id_text(id));
      else ++repairs;
    }
    Json out = {{"title", title},
                {"content", l.contains("content") && l["content"].is_string() ? l["content"] : Json("")},
                {"tags", string_list(l, "tags", repairs)},
                {"confidence", confidence},
                {"supporting_item_ids", ids},
                {"recommended_actions", string_list(l, "recommended_actions", repairs)},
                {"counterexamples", string_list(l, "counterexamples", repairs)}};
    for (const char* key : {"scope", "when_not_to_apply"}) {
      if (l.contains(key) && l[key].is_string()) out[key] = l[key];
    }
    kept.push_back(std::move(out));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Json& a, const Json& b) {
    return a["confidence"].get<double>() > b["confidence"].get<double>();
  });
  if (kept.size() > kMaxLearnings) kept.resize(kMaxLearnings);
  return Json(kept);
}

Json cluster_patterns(const llm::LlmClient& client, const std::string& model,
                      const std::vector<AnnotationNote>& notes, const std::string& domain_context) {
  const std::size_t analysed = std::min(notes.size(), kMaxClusterNotes);
  std::map<std::string, const AnnotationNote*> by_id;
  Json sent = Json::array();
  for (std::size_t i = 0; i < analysed; ++i) {
    by_id[notes[i].record_id] = &notes[i];
    sent.push_back({{"id", notes[i].record_id},
                    {"label", notes[i].score == 1 ? "accepted" : "rejected"},
                    {"note", util::truncate_chars(notes[i].notes, kMaxClusterNoteChars)}});
  }
  Json request = {{"notes", sent}};
  if (!domain_context.empty()) request["domain_context"] = util::truncate_chars(domain_context, kMaxClusterNoteChars);
  const Json grouping = ask_for_json(client, model, kGroupSystem, util::json_text(request), "the note clustering");

  Json patterns = Json::array();
  std::set<std::string> categorized;
  std::vector<std::string> surviving_ids;
  std::size_t filtered = 0;
  for (const auto& c : grouping.value("categories", Json::array())) {
    if (!c.is_object()) continue;
    Json ids = Json::array(), examples = Json::array();
    std::set<std::string> seen;
    for (const auto& raw : c.value("record_ids", Json::array())) {
      const std::string id = id_text(raw);
      const auto it = by_id.find(id);
      if (it == by_id.end() || !seen.insert(id).second) continue;  // unknown or repeated ids
      ids.push_back(id);
      examples.push_back(it->second->notes);
    }
    if (ids.size() < kMinCategorySize) {
      ++filtered;
      continue;
    }
    for (const auto& id : ids) {
      categorized.insert(id.get<std::string>());
      surviving_ids.push_back(id.get<std::string>());
    }
    const std::string name = c.contains("name") && c["name"].is_string() ? c["name"].get<std::string>() : "Unnamed";
    patterns.push_back({{"category", name}, {"count", ids.size()}, {"examples", examples}, {"record_ids", ids}});
  }
  std::stable_sort(patterns.begin(), patterns.end(),
                   [](const Json& a, const Json& b) { return a["count"].get<std::size_t>() > b["count"].get<std::size_t>(); });
  Json uncategorized = Json::array();
  for (std::size_t i = 0; i < analysed; ++i) {
    if (!categorized.count(notes[i].record_id)) uncategorized.push_back(notes[i].record_id);
  }

  int repairs = 0, duplicates = 0;
  Json learnings = Json::array();
  if (!patterns.empty()) {
    const Json reply = ask_for_json(client, model, kLearnSystem, util::json_text(Json{{"patterns", patterns}}),
                                    "the learnings");
    learnings = checked_learnings(reply.value("learnings", Json::array()), surviving_ids, repairs, duplicates);
  }
  return {{"success", true},
          {"patterns", patterns},
          {"uncategorized", uncategorized},
          {"learnings", learnings},
          {"pipeline_metadata", metadata(filtered, duplicates, repairs, analysed)},
          {"message", "Found " + std::to_string(patterns.size()) + " patterns from " + std::to_string(analysed) +
                          " annotated notes."}};
}

}  // namespace axis::align
