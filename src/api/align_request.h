// Reading /api/align request bodies into CaliberHQ's types (align/align_types.h). Wrong types
// and values are recorded in the BodyFields (a 422 at check()); sizes beyond the limits below are
// refused at once with util::HttpError 400 naming the member and the limit.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "align/align_store.h"
#include "align/align_types.h"
#include "align/clustering.h"
#include "api/request_fields.h"

namespace axis::api {

inline constexpr std::size_t kAlignMaxRecords = 10000;        // records, annotations, results, scores
inline constexpr std::size_t kAlignMaxTextBytes = 100 * 1024;  // each text member
inline constexpr std::size_t kAlignMaxFewShot = 20;
inline constexpr std::size_t kAlignMaxNameChars = 200;         // configuration names
inline constexpr std::size_t kAlignMaxKeyChars = 500;          // dataset keys and record ids

// Each reader takes the fields of an object and the object itself (members whose keys are data,
// and numbers, are read from it directly).

// A judge configuration (spec defaults for absent members): `fields` and `object` are the
// configuration object (`object` null when absent).
align::JudgeConfig read_judge_config(BodyFields& fields, const BodyJson* object);
// The body's `records` list: id from `dataset_id`, else `id` (text or number); query,
// actual_output and expected_output as text (numbers written as JSON, absent → "").
std::vector<align::AlignRecord> read_records(BodyFields& body, const std::string& name = "records");
// The body's `human_annotations`: record id → 0 | 1 (a number, or an object with `score`).
std::map<std::string, int> read_human_annotations(BodyFields& body, const BodyJson& object);
// The body's `results` list of AlignmentResults; absent and optional → empty.
std::vector<align::AlignmentResult> read_results(BodyFields& body, bool required);
// A list of 0/1 scores (numbers ≥ 0.5 count as 1).
std::vector<int> read_scores(BodyFields& body, const std::string& name);
// `annotations` {id: {score, notes?, timestamp?}} for clustering: the non-blank notes in order.
std::vector<align::AnnotationNote> read_annotation_notes(BodyFields& body, const BodyJson& object);
// `annotations` {id: {score 0|1, notes?}} for saving labels.
std::map<std::string, align::HumanLabel> read_labels(BodyFields& body, const BodyJson& object);
// A configuration or dataset name: text of at most `max_chars` characters (400 beyond).
std::string read_bounded_name(BodyFields& body, const std::string& name, std::size_t max_chars, bool required);

}  // namespace axis::api
