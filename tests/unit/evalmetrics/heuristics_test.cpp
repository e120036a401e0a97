// Rule-based metric scores on hand-worked cases (the arithmetic is in the comments).
#include "evalmetrics/heuristics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "evalmetrics/bleu.h"
#include "evalmetrics/catalogue.h"
#include "evalmetrics/citation_scan.h"
#include "evalmetrics/pii_scan.h"
#include "evalmetrics/retrieval.h"

namespace axis::evalmetrics {
namespace {

MetricScore heur_score(const std::string& key, const EvalItem& item) {
  const MetricInfo* info = find_metric(key);
  EXPECT_NE(info, nullptr) << key;
  return info ? score_heuristic(*info, item) : MetricScore{};
}

EvalItem heur_item(std::string actual, std::string expected) {
  EvalItem item;
  item.query = "q";
  item.actual_output = std::move(actual);
  item.expected_output = std::move(expected);
  return item;
}

TEST(EvalMetricsHeuristicsTest, ExactAndContainsMatch) {
  // Trimmed equality: surrounding whitespace is ignored, case is not.
  EXPECT_EQ(heur_score("exact_string_match", heur_item("  Paris \n", "Paris")).score, 1.0);
  EXPECT_EQ(heur_score("exact_string_match", heur_item("paris", "Paris")).score, 0.0);
  // Trimmed expected inside actual, case-sensitive.
  EXPECT_EQ(heur_score("contains_match", heur_item("The capital is Paris.", " Paris ")).score, 1.0);
  EXPECT_EQ(heur_score("contains_match", heur_item("The capital is paris.", "Paris")).score, 0.0);
  // A blank expected output is a missing input: 0, naming the field.
  const MetricScore missing = heur_score("contains_match", heur_item("anything", "  "));
  EXPECT_EQ(missing.score, 0.0);
  EXPECT_EQ(missing.reason, "Missing required field: expected_output");
}

TEST(EvalMetricsHeuristicsTest, LatencyIsTheRawValueAndLowerPasses) {
  EvalItem item = heur_item("a", "b");
  item.latency = 3.25;
  const MetricInfo& info = *find_metric("latency");
  EXPECT_EQ(score_heuristic(info, item).score, 3.25);
  EXPECT_EQ(score_heuristic(info, item).reason, "Latency 3.25 (lower is better)");
  EXPECT_TRUE(passes(info, 3.25, info.default_threshold));   // 3.25 ≤ 5
  EXPECT_TRUE(passes(info, 5.0, 5.0));                       // ≤ includes equality
  EXPECT_FALSE(passes(info, 7.5, info.default_threshold));   // 7.5 > 5
  EXPECT_TRUE(passes(*find_metric("exact_string_match"), 0.5, 0.5));  // others: ≥
  EXPECT_FALSE(passes(*find_metric("exact_string_match"), 0.49, 0.5));
  item.latency.reset();
  EXPECT_EQ(score_heuristic(info, item).reason, "Missing required field: latency");
}

TEST(EvalMetricsHeuristicsTest, LengthConstraintCountsCharacters) {
  // 2800 two-byte characters (5600 bytes) are 2800 characters: within the limit.
  std::string text;
  for (int i = 0; i < 2800; ++i) text += "é";
  EXPECT_EQ(heur_score("length_constraint", heur_item(text, "")).score, 1.0);
  EXPECT_EQ(heur_score("length_constraint", heur_item(text + "x", "")).score, 0.0);  // 2801
  EXPECT_EQ(heur_score("length_constraint", heur_item("", "")).score, 1.0);  // 0 ≤ 2800
}

TEST(EvalMetricsHeuristicsTest, SentenceBleuHandWorked) {
  // cand "the cat sat on the mat", ref "the cat is on the mat" (c = r = 6, BP = e^0 = 1):
  // 1-grams: the×2 cat on mat match, sat not → 5 of 6 → (5+1)/(6+1) = 6/7
  // 2-grams: "the cat" "on the" "the mat" of 5 → 4/6; 3-grams: "on the mat" of 4 → 2/5;
  // 4-grams: none of 3 → 1/4. BLEU = (6/7 · 4/6 · 2/5 · 1/4)^(1/4) = (2/35)^(1/4) = 0.4889
  EXPECT_EQ(sentence_bleu("the cat sat on the mat", "the cat is on the mat"), 0.4889);
  // cand 4 tokens, all n-grams match (p_n = (k+1)/(k+1) = 1), ref 6 tokens:
  // BP = e^(1 − 6/4) = e^−0.5 = 0.6065
  EXPECT_EQ(sentence_bleu("The Cat sat on", "the cat sat on the mat"), 0.6065);
  // cand "a a a a a" (5) vs ref "a a" (2), BP = 1 as c > r: 1-grams clipped 2 of 5 → 3/6;
  // 2-grams 1 of 4 → 2/5; 3-grams 0 of 3 → 1/4; 4-grams 0 of 2 → 1/3;
  // (1/2 · 2/5 · 1/4 · 1/3)^(1/4) = (1/60)^(1/4) = 0.3593
  EXPECT_EQ(sentence_bleu("a a a a a", "a a"), 0.3593);
  // Identical 4-token texts: every p_n = 1, BP = 1.
  EXPECT_EQ(sentence_bleu("one two three four", "ONE two three four"), 1.0);
  // Fewer than 4 candidate tokens: no 4-grams → 0.
  EXPECT_EQ(sentence_bleu("the cat sat", "the cat sat"), 0.0);
  EXPECT_EQ(heur_score("sentence_bleu", heur_item("the cat sat on the mat", "the cat is on the mat")).score,
            0.4889);
}

TEST(EvalMetricsHeuristicsTest, LevenshteinThroughTheCatalogue) {
  // "Kitten" vs "sitting" lower-cased: blocks "itt" and "n" → M = 4; 2·4 / 13 = 0.6154
  EXPECT_EQ(heur_score("levenshtein_ratio", heur_item("Kitten", "sitting")).score, 0.6154);
}

TEST(EvalMetricsHeuristicsTest, ToolCorrectness) {
  // expected {search, lookup, answer}, called {search, answer, extra} → 2/3 = 0.6667
  EXPECT_DOUBLE_EQ(tool_correctness({"search", "answer", "extra"}, {"search", "lookup", "answer"}),
                   2.0 / 3.0);
  // Comma-separated strings are split: "a, b" and "b,c" → expected {b, c}, called {a, b} → 1/2
  EXPECT_EQ(tool_correctness({"a, b"}, {"b,c"}), 0.5);
  EXPECT_EQ(tool_correctness({}, {}), 1.0);        // both empty
  EXPECT_EQ(tool_correctness({"x"}, {}), 0.0);     // only called
  EXPECT_EQ(tool_correctness({}, {"x"}), 0.0);     // nothing called: 0/1
  EXPECT_EQ(tool_correctness({"Search"}, {"search"}), 0.0);  // case-sensitive
  EvalItem item = heur_item("", "");
  item.tools_called = {"search", "answer", "extra"};
  item.expected_tools = {"[\"search\", \"lookup\", \"answer\"]"};  // a JSON list cell
  EXPECT_EQ(heur_score("tool_correctness", item).score, 0.6667);
  item.tools_called.clear();
  item.expected_tools.clear();
  EXPECT_EQ(heur_score("tool_correctness", item).score, 1.0);
}

TEST(EvalMetricsHeuristicsTest, RetrievalMetricsHandWorked) {
  // ranking d1 x d2 y z d3, relevant {d1, d2, d3, d4}, k = 5: relevant at ranks 1 and 3.
  const RankingScores s = score_ranking({"d1", "x", "d2", "y", "z", "d3"}, {"d1", "d2", "d3", "d4"});
  EXPECT_EQ(s.hit_rate, 1.0);
  EXPECT_EQ(s.precision, 0.4);       // 2 / 5
  EXPECT_EQ(s.recall, 0.5);          // 2 / 4
  // DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG = Σ_{i=1..4} 1/log2(i+1) = 2.56161 → 0.58557
  EXPECT_DOUBLE_EQ(s.ndcg, 1.5 / (1 + 1 / std::log2(3.0) + 0.5 + 1 / std::log2(5.0)));
  EXPECT_NEAR(s.ndcg, 0.58557, 1e-5);
  EXPECT_EQ(s.reciprocal_rank, 1.0);  // first relevant at rank 1
  // ranking x y r, relevant {r}: rank 3.
  const RankingScores t = score_ranking({"x", "y", "r"}, {"r"});
  EXPECT_DOUBLE_EQ(t.precision, 1.0 / 3.0);  // 1 / min(5, 3)
  EXPECT_EQ(t.recall, 1.0);
  EXPECT_EQ(t.ndcg, 0.5);                    // (1/log2(4)) / (1/log2(2))
  EXPECT_DOUBLE_EQ(t.reciprocal_rank, 1.0 / 3.0);
  // The only relevant one at rank 6, past k: nothing at k, reciprocal rank 1/6.
  const RankingScores u = score_ranking({"a", "b", "c", "d", "e", "r"}, {"r"});
  EXPECT_EQ(u.hit_rate, 0.0);
  EXPECT_EQ(u.precision, 0.0);
  EXPECT_EQ(u.ndcg, 0.0);
  EXPECT_DOUBLE_EQ(u.reciprocal_rank, 1.0 / 6.0);
  // Repeats are dropped: d1 d1 x → ranking d1 x, so precision 1 / 2.
  EXPECT_EQ(score_ranking({"d1", " d1 ", "x"}, {"d1"}).precision, 0.5);
}

TEST(EvalMetricsHeuristicsTest, RetrievalMetricsReadTheItem) {
  EvalItem item = heur_item("", "");
  item.retrieved_content = {"x", "y", "r"};  // used as the ranking: actual_reference is empty
  item.expected_reference = {"r"};
  EXPECT_EQ(heur_score("mean_reciprocal_rank", item).score, 0.3333);
  EXPECT_EQ(heur_score("precision_at_k", item).score, 0.3333);
  EXPECT_EQ(heur_score("ndcg_at_k", item).score, 0.5);
  item.actual_reference = {"r", "x"};  // takes precedence over retrieved_content
  EXPECT_EQ(heur_score("mean_reciprocal_rank", item).score, 1.0);
  EXPECT_EQ(heur_score("recall_at_k", item).score, 1.0);
  EXPECT_EQ(heur_score("hit_rate_at_k", item).score, 1.0);
  item.expected_reference.clear();
  const MetricScore missing = heur_score("hit_rate_at_k", item);
  EXPECT_EQ(missing.score, 0.0);
  EXPECT_EQ(missing.reason, "Missing required field: expected_reference");
}

TEST(EvalMetricsHeuristicsTest, PiiKindsFound) {
  EXPECT_TRUE(find_pii("The answer is 42, see section 3.1.").empty());
  EXPECT_EQ(find_pii("Write to jane.doe+x@mail.example.org today"),
            std::vector<std::string>{"email"});
  // 4111 1111 1111 1111 passes Luhn (sum 30); 4111 1111 1111 1112 does not (sum 31).
  EXPECT_EQ(find_pii("card 4111 1111 1111 1111"), std::vector<std::string>{"credit card"});
  EXPECT_TRUE(find_pii("order 4111-1111-1111-1112").empty());
  EXPECT_EQ(find_pii("SSN 123-45-6789"), std::vector<std::string>{"ssn"});
  EXPECT_TRUE(find_pii("id 000-12-3456 and 666-12-3456").empty());  // invalid areas
  EXPECT_EQ(find_pii("host 192.168.1.20 is up"), std::vector<std::string>{"ip address"});
  EXPECT_TRUE(find_pii("version 1.2.3.4.5 and 256.1.1.1").empty());
  EXPECT_EQ(find_pii("Call (555) 123-4567"), std::vector<std::string>{"phone number"});
  EXPECT_EQ(find_pii("Call +44 207 123 4567"), std::vector<std::string>{"phone number"});
  EXPECT_TRUE(find_pii("ref 5551234567").empty());  // bare digits: not a phone number
  EXPECT_EQ(find_pii("a@b.io, 10.0.0.1, 555-123-4567, 4111111111111111"),
            (std::vector<std::string>{"email", "credit card", "ip address", "phone number"}));
  EXPECT_TRUE(luhn_valid("79927398713"));
  EXPECT_FALSE(luhn_valid("79927398710"));

  EvalItem item = heur_item("Mail me at bob@example.com or call 555-123-4567", "");
  const MetricScore leaked = heur_score("pii_leakage_(heuristic)", item);
  EXPECT_EQ(leaked.score, 0.0);
  EXPECT_EQ(leaked.reason, "PII found: email, phone number");
  item.actual_output = "Nothing personal here.";
  EXPECT_EQ(heur_score("pii_leakage_(heuristic)", item).score, 1.0);
}

TEST(EvalMetricsHeuristicsTest, CitationPresence) {
  EXPECT_EQ(find_citations("Paris is the capital [1]."), std::vector<std::string>{"numbered marker"});
  EXPECT_EQ(find_citations("See https://example.org/a"), std::vector<std::string>{"url"});
  EXPECT_EQ(find_citations("Sources: the 2020 census"), std::vector<std::string>{"source label"});
  EXPECT_EQ(find_citations("According to the WHO, yes"), std::vector<std::string>{"attribution"});
  EXPECT_TRUE(find_citations("Paris is the capital of France.").empty());
  EXPECT_TRUE(find_citations("an array a[i] and the open source code").empty());
  EvalItem item = heur_item("As shown in [2, 3], see www.example.com", "");
  const MetricScore cited = heur_score("citation_presence", item);
  EXPECT_EQ(cited.score, 1.0);
  EXPECT_EQ(cited.reason, "Citation found: numbered marker, url");
  item.actual_output = "No sources given";
  EXPECT_EQ(heur_score("citation_presence", item).score, 0.0);
}

TEST(EvalMetricsHeuristicsTest, MegabyteTextsAreScannedWithoutTrouble) {
  // Long runs that a backtracking regex would recurse over once per character.
  const std::string letters(1 << 20, 'a');
  EXPECT_EQ(find_pii(letters + "@" + letters + ".com"), std::vector<std::string>{"email"});
  std::string spaced_digits;
  for (int i = 0; i < (1 << 19); ++i) spaced_digits += "7 ";
  EXPECT_TRUE(find_pii(spaced_digits).empty());
  EXPECT_EQ(find_citations("https://" + letters + " Sources" + std::string(1 << 20, ' ') + ":"),
            (std::vector<std::string>{"url", "source label"}));
  EXPECT_TRUE(find_citations(std::string(1 << 20, '[')).empty());
}

TEST(EvalMetricsHeuristicsTest, JudgedMetricsAreNotScoredHere) {
  const MetricScore s = heur_score("faithfulness", heur_item("a", "b"));
  EXPECT_EQ(s.score, 0.0);
  EXPECT_EQ(s.reason, "Metric faithfulness is scored by an LLM judge");
}

}  // namespace
}  // namespace axis::evalmetrics
