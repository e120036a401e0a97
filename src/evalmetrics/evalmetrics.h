// The evaluation metric library the eval runner calls: the metric catalogue, the mapped item,
// rule-based scoring, judge prompts and replies, and the column mapping suggestion. Pure
// computation: no store, no HTTP, no LLM calls. docs/eval-metrics.md describes every metric.
#pragma once

#include "evalmetrics/catalogue.h"       // catalogue, find_metric
#include "evalmetrics/column_mapping.h"  // suggest_mapping
#include "evalmetrics/eval_item.h"       // EvalItem, has_field, split_list
#include "evalmetrics/heuristics.h"      // score_heuristic
#include "evalmetrics/judge.h"           // judge_prompt, parse_judge_reply
#include "evalmetrics/metric_info.h"     // ScoreRange, MetricInfo, MetricScore, passes
