// Reading /api/align request bodies (api/align_request.h).
#include "api/align_request.h"

#include <nlohmann/json.hpp>

#include "util/http_error.h"
#include "util/text.h"

namespace axis::api {
namespace {

void check_count(const std::string& name, std::size_t size, std::size_t max) {
  if (size > max) {
    throw util::HttpError(400, name + ": at most " + std::to_string(max) + " items are allowed (got " +
                                   std::to_string(size) + ")");
  }
}

void check_text(const std::string& name, const std::string& text) {
  if (text.size() > kAlignMaxTextBytes) {
    throw util::HttpError(400, name + ": at most " + std::to_string(kAlignMaxTextBytes) +
                                   " bytes are allowed (got " + std::to_string(text.size()) + ")");
  }
}

// A record member as text: strings as they are, anything else as JSON; null or absent → nullopt.
std::optional<std::string> loose_text(const BodyJson& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  return it->is_string() ? it->get<std::string>() : it->dump();
}

std::string bounded(BodyFields& fields, const std::string& name, const std::string& where, bool required) {
  std::string text = required ? fields.text(name, 0) : fields.optional_text(name).value_or("");
  check_text(where + name, text);
  return text;
}

std::optional<std::string> bounded_optional(BodyFields& fields, const std::string& name, const std::string& where) {
  auto text = fields.optional_text(name);
  if (text) check_text(where + name, *text);
  return text;
}

// A 0/1 label: a number (≥ 0.5 → 1) or a boolean; nullopt otherwise.
std::optional<int> label_of(const BodyJson& v) {
  if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
  if (v.is_number()) {
    const double d = v.get<double>();
    if (d == 0.0 || d == 1.0) return static_cast<int>(d);
  }
  return std::nullopt;
}

const BodyJson* object_member(BodyFields& body, const std::string& name, const BodyJson& whole, bool required) {
  const auto it = whole.is_object() ? whole.find(name) : whole.end();
  if (it == whole.end() || it->is_null()) {
    if (required) body.invalid("missing", name, "Field required", nullptr);
    return nullptr;
  }
  if (!it->is_object()) {
    body.invalid("dict_type", name, "Input should be a valid dictionary", &*it);
    return nullptr;
  }
  check_count(name, it->size(), kAlignMaxRecords);
  return &*it;
}

void check_key(const std::string& name, const std::string& key) {
  if (key.size() > kAlignMaxKeyChars) {
    throw util::HttpError(400, name + ": a record id is at most " + std::to_string(kAlignMaxKeyChars) + " bytes");
  }
}

// `annotations` {id: {score 0|1, notes?, ...}} in the order sent.
std::vector<std::pair<std::string, align::HumanLabel>> annotation_items(BodyFields& body, const BodyJson& object) {
  std::vector<std::pair<std::string, align::HumanLabel>> out;
  const BodyJson* map = object_member(body, "annotations", object, true);
  if (!map) return out;
  BodyFields items = body.object("annotations", true);
  for (const auto& [id, value] : map->items()) {
    check_key("annotations", id);
    BodyFields item = items.object(id, true);
    if (value.is_object() && !value.contains("score")) items.invalid("missing", id, "Field required: score", &value);
    align::HumanLabel label;
    label.score = static_cast<int>(item.integer("score", 0, 0, 1));
    label.notes = bounded_optional(item, "notes", "annotations.");
    out.emplace_back(id, std::move(label));
  }
  return out;
}

}  // namespace

align::JudgeConfig read_judge_config(BodyFields& f, const BodyJson* object) {
  align::JudgeConfig c;
  c.model = f.optional_text("model").value_or(c.model);
  check_text("model", c.model);
  c.provider = f.matching("provider", [](const std::string& p) { return p == "openai" || p == "anthropic"; },
                          "Input should be 'openai' or 'anthropic'").value_or("openai");
  c.system_prompt = bounded(f, "system_prompt", "judge_config.", true);
  c.evaluation_criteria = bounded(f, "evaluation_criteria", "judge_config.", true);
  if (const BodyJson* examples = f.list("few_shot_examples", false)) {
    check_count("few_shot_examples", examples->size(), kAlignMaxFewShot);
    for (std::size_t i = 0; i < examples->size(); ++i) {
      BodyFields ex = f.item("few_shot_examples", (*examples)[i], i);
      align::FewShotExample e;
      e.query = bounded(ex, "query", "few_shot_examples.", true);
      e.actual_output = bounded(ex, "actual_output", "few_shot_examples.", true);
      e.expected_output = bounded_optional(ex, "expected_output", "few_shot_examples.");
      e.score = static_cast<int>(ex.integer("score", 0, 0, 1));
      e.reasoning = bounded(ex, "reasoning", "few_shot_examples.", false);
      c.few_shot_examples.push_back(std::move(e));
    }
  }
  const auto t = object && object->is_object() ? object->find("temperature") : BodyJson::const_iterator();
  if (object && object->is_object() && t != object->end() && !t->is_null()) {
    if (!t->is_number()) f.invalid("float_type", "temperature", "Input should be a valid number", &*t);
    else if (*t < 0 || *t > 2) f.invalid("less_than_equal", "temperature", "Input should be between 0 and 2", &*t);
    else c.temperature = t->get<double>();
  }
  if (auto name = read_bounded_name(f, "name", kAlignMaxNameChars, false); !name.empty()) c.name = std::move(name);
  return c;
}

std::vector<align::AlignRecord> read_records(BodyFields& body, const std::string& name) {
  std::vector<align::AlignRecord> out;
  const BodyJson* list = body.list(name, true);
  if (!list) return out;
  check_count(name, list->size(), kAlignMaxRecords);
  for (std::size_t i = 0; i < list->size(); ++i) {
    const BodyJson& item = (*list)[i];
    if (!item.is_object()) {
      body.item(name, item, i);  // records the type issue
      continue;
    }
    align::AlignRecord r;
    r.id = loose_text(item, "dataset_id").value_or(loose_text(item, "id").value_or(""));
    check_key(name, r.id);
    r.query = loose_text(item, "query").value_or("");
    r.actual_output = loose_text(item, "actual_output").value_or("");
    r.expected_output = loose_text(item, "expected_output");
    for (const std::string* text : {&r.query, &r.actual_output}) check_text(name + ".query/actual_output", *text);
    if (r.expected_output) check_text(name + ".expected_output", *r.expected_output);
    if (!r.id.empty()) out.push_back(std::move(r));
  }
  return out;
}

std::map<std::string, int> read_human_annotations(BodyFields& body, const BodyJson& object) {
  std::map<std::string, int> out;
  const BodyJson* map = object_member(body, "human_annotations", object, true);
  if (!map) return out;
  BodyFields labels = body.object("human_annotations", true);
  for (const auto& [id, value] : map->items()) {
    check_key("human_annotations", id);
    const BodyJson& score = value.is_object() && value.contains("score") ? value["score"] : value;
    if (const auto label = label_of(score)) out[id] = *label;
    else labels.invalid("literal_error", id, "Input should be 0 or 1", &value);
  }
  return out;
}

std::vector<align::AlignmentResult> read_results(BodyFields& body, bool required) {
  std::vector<align::AlignmentResult> out;
  const BodyJson* list = body.list("results", required);
  if (!list) return out;
  check_count("results", list->size(), kAlignMaxRecords);
  for (std::size_t i = 0; i < list->size(); ++i) {
    BodyFields r = body.item("results", (*list)[i], i);
    align::AlignmentResult a;
    a.record_id = r.text("record_id", 0);
    check_key("results", a.record_id);
    a.query = bounded(r, "query", "results.", false);
    a.actual_output = bounded(r, "actual_output", "results.", false);
    a.expected_output = bounded_optional(r, "expected_output", "results.");
    a.human_score = static_cast<int>(r.integer("human_score", 0, 0, 1));
    a.llm_score = static_cast<int>(r.integer("llm_score", 0, 0, 1));
    a.llm_reasoning = bounded(r, "llm_reasoning", "results.", false);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<int> read_scores(BodyFields& body, const std::string& name) {
  std::vector<int> out;
  const BodyJson* list = body.list(name, true);
  if (!list) return out;
  check_count(name, list->size(), kAlignMaxRecords);
  for (std::size_t i = 0; i < list->size(); ++i) {
    const BodyJson& v = (*list)[i];
    if (v.is_number()) out.push_back(v.get<double>() >= 0.5 ? 1 : 0);
    else if (v.is_boolean()) out.push_back(v.get<bool>() ? 1 : 0);
    else body.invalid("float_type", name + "." + std::to_string(i), "Input should be a valid number", &v);
  }
  return out;
}

std::vector<align::AnnotationNote> read_annotation_notes(BodyFields& body, const BodyJson& object) {
  std::vector<align::AnnotationNote> out;
  for (auto& [id, label] : annotation_items(body, object)) {
    if (label.notes && !util::is_blank(*label.notes)) out.push_back({id, label.score, *label.notes});
  }
  return out;
}

std::map<std::string, align::HumanLabel> read_labels(BodyFields& body, const BodyJson& object) {
  std::map<std::string, align::HumanLabel> out;
  for (auto& [id, label] : annotation_items(body, object)) out[id] = std::move(label);
  return out;
}

std::string read_bounded_name(BodyFields& body, const std::string& name, std::size_t max_chars, bool required) {
  std::string text = required ? body.text(name) : body.optional_text(name).value_or("");
  if (util::truncate_chars(text, max_chars) != text) {
    throw util::HttpError(400, name + ": at most " + std::to_string(max_chars) + " characters are allowed");
  }
  return text;
}

}  // namespace axis::api
