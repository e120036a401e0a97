#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include "analytics/comparison_documents.h"
#include "analytics/comparison_service.h"
#include "analytics/summary_tables.h"
#include "eval_fixture.h"
#include "util/http_error.h"

namespace axis::analytics {
namespace {

using nlohmann::json;

class ComparisonServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { fixture_.add_tree_dataset(); }
  ComparisonService service() { return ComparisonService(fixture_.catalog(), summaries_); }

  CompareCasesQuery cases_query(const std::string& filter = "all") {
    CompareCasesQuery q;
    q.choice = {"tree", std::nullopt, std::nullopt};
    q.filter = filter;
    return q;
  }
  static std::vector<std::string> ids(const CompareCasesPage& page) {
    std::vector<std::string> out;
    for (const auto& c : json::parse(page.cases_json)) out.push_back(c["dataset_id"]);
    return out;
  }

  testing::EvalFixture fixture_;
  SummaryTables summaries_{fixture_.store()};
};

// Expected values computed independently (Python statistics; p by numeric integration of the
// t density).
TEST_F(ComparisonServiceTest, PerMetricWelchTestsOfTheFirstTwoExperiments) {
  const ModelComparison c = service().compare({"tree", std::nullopt, std::nullopt});
  EXPECT_EQ(c.baseline, "exp_a");
  EXPECT_EQ(c.challenger, "exp_b");
  ASSERT_EQ(c.metrics.size(), 3u);
  const MetricComparison& q = c.metrics[0];
  EXPECT_EQ(q.metric, "quality");
  EXPECT_NEAR(q.baseline.mean, 0.48, 1e-12);
  EXPECT_NEAR(q.baseline.std, 0.2863564212655271, 1e-12);
  EXPECT_EQ(q.baseline.n, 5);
  EXPECT_NEAR(q.challenger.mean, 0.525, 1e-12);
  EXPECT_NEAR(q.challenger.std, 0.3304037933599835, 1e-12);
  EXPECT_EQ(q.challenger.n, 4);
  EXPECT_NEAR(q.difference, 0.045, 1e-12);
  EXPECT_NEAR(q.percent_change, 9.375, 1e-9);
  EXPECT_NEAR(q.cohens_d, 0.14705343912608812, 1e-9);
  EXPECT_EQ(q.effect_size, "negligible");
  EXPECT_NEAR(q.t_statistic, 0.21528472070029425, 1e-9);
  EXPECT_NEAR(q.df, 6.050239857354075, 1e-9);
  EXPECT_NEAR(q.p_value, 0.8366192690718964, 1e-7);
  EXPECT_EQ(q.winner, "tie");

  const MetricComparison& a = c.metrics[1];
  EXPECT_EQ(a.metric, "accuracy");
  EXPECT_NEAR(a.difference, -0.005, 1e-12);
  EXPECT_NEAR(a.t_statistic, -0.01867392739457938, 1e-9);
  EXPECT_NEAR(a.df, 5.111262135703305, 1e-9);
  EXPECT_NEAR(a.p_value, 0.985808333165115, 1e-7);

  const MetricComparison& s = c.metrics[2];
  EXPECT_EQ(s.metric, "style");
  EXPECT_NEAR(s.percent_change, 40.0, 1e-9);
  EXPECT_NEAR(s.cohens_d, 0.7637626158259734, 1e-9);
  EXPECT_EQ(s.effect_size, "medium");
  EXPECT_NEAR(s.t_statistic, 1.1812488464372366, 1e-9);
  EXPECT_NEAR(s.df, 6.986696056049753, 1e-9);
  EXPECT_NEAR(s.p_value, 0.27614724727448703, 1e-7);
  EXPECT_FALSE(s.significant);

  EXPECT_EQ(c.summary.challenger_wins, 2);
  EXPECT_EQ(c.summary.baseline_wins, 1);
  EXPECT_EQ(c.summary.ties, 0);
  EXPECT_EQ(c.summary.significant_challenger_wins, 0);
  EXPECT_EQ(c.summary.winner, "challenger");
  EXPECT_NEAR(c.summary.avg_improvement, (9.375 - 1.0416666666666667 + 40) / 3, 1e-9);
}

TEST_F(ComparisonServiceTest, ChosenSidesSwapTheSigns) {
  const ModelComparison c = service().compare({"tree", "exp_b", "exp_a"});
  EXPECT_EQ(c.baseline, "exp_b");
  EXPECT_NEAR(c.metrics[2].difference, -0.2, 1e-12);
  EXPECT_NEAR(c.metrics[2].t_statistic, -1.1812488464372366, 1e-9);
  const ModelComparison only_challenger = service().compare({"tree", std::nullopt, "exp_a"});
  EXPECT_EQ(only_challenger.baseline, "exp_b");
}

TEST_F(ComparisonServiceTest, UnknownExperimentNamesTheAvailableOnes) {
  try {
    service().compare({"tree", "exp_z", std::nullopt});
    FAIL();
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_STREQ(e.what(), "Experiment 'exp_z' not found. Available: exp_a, exp_b");
  }
}

TEST_F(ComparisonServiceTest, OneExperimentCannotBeCompared) {
  fixture_.add_dataset("single", testing::kTreeColumns,
                       "CREATE TABLE ds_single AS SELECT * FROM ds_tree"
                       " WHERE evaluation_name = 'exp_a'");
  try {
    service().compare({"single", std::nullopt, std::nullopt});
    FAIL();
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_STREQ(e.what(), "Comparison needs at least two experiments; found: exp_a");
  }
}

TEST_F(ComparisonServiceTest, CasesOfBothExperimentsWithWinners) {
  const CompareCasesPage page = service().compare_cases(cases_query());
  EXPECT_EQ(page.total, 4);  // c5 is only in exp_a
  EXPECT_EQ(page.baseline, 1);
  EXPECT_EQ(page.challenger, 2);
  EXPECT_EQ(page.tie, 1);
  const auto cases = json::parse(page.cases_json);
  ASSERT_EQ(cases.size(), 4u);
  EXPECT_EQ(cases[0]["dataset_id"], "c1");
  EXPECT_EQ(cases[0]["query"], "Question c1?");
  EXPECT_NEAR(cases[0]["baseline_score"].get<double>(), 2.3 / 3, 1e-12);
  EXPECT_NEAR(cases[0]["challenger_score"].get<double>(), 0.9, 1e-12);
  EXPECT_NEAR(cases[0]["diff"].get<double>(), 0.9 - 2.3 / 3, 1e-12);
  EXPECT_EQ(cases[0]["winner"], "Challenger");
  EXPECT_EQ(cases[1]["winner"], "Baseline");
  EXPECT_EQ(cases[2]["winner"], "Challenger");
  EXPECT_EQ(cases[3]["winner"], "Tie");
}

TEST_F(ComparisonServiceTest, QuickFilters) {
  EXPECT_EQ(ids(service().compare_cases(cases_query("top"))), (std::vector<std::string>{"c1"}));
  EXPECT_EQ(ids(service().compare_cases(cases_query("bottom"))), (std::vector<std::string>{"c3"}));
  EXPECT_EQ(ids(service().compare_cases(cases_query("high_variance"))),
            (std::vector<std::string>{"c3"}));
  EXPECT_EQ(ids(service().compare_cases(cases_query("show_diff"))),
            (std::vector<std::string>{"c2"}));
}

TEST_F(ComparisonServiceTest, WinnerSearchAndPaging) {
  auto q = cases_query();
  q.winner = "Challenger";
  const CompareCasesPage challengers = service().compare_cases(q);
  EXPECT_EQ(ids(challengers), (std::vector<std::string>{"c1", "c3"}));
  EXPECT_EQ(challengers.total, 2);
  EXPECT_EQ(challengers.tie, 1);  // counts ignore the winner filter
  q.page_size = 1;
  q.page = 2;
  EXPECT_EQ(ids(service().compare_cases(q)), (std::vector<std::string>{"c3"}));
  auto s = cases_query();
  s.search = "question C4";
  const CompareCasesPage found = service().compare_cases(s);
  EXPECT_EQ(ids(found), (std::vector<std::string>{"c4"}));
  EXPECT_EQ(found.tie, 1);
  EXPECT_EQ(found.challenger, 0);
}

TEST_F(ComparisonServiceTest, ExportWritesTheListedCasesAsCsv) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("axis-compare-export-" + std::to_string(::getpid()) + ".csv");
  auto q = cases_query();
  q.winner = "Challenger";
  q.page_size = 1;  // the export ignores paging
  const ExperimentPair pair = service().export_cases(q, ExportFormat::csv, path.string());
  EXPECT_EQ(pair.baseline, "exp_a");
  EXPECT_EQ(pair.challenger, "exp_b");
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  std::vector<std::string> lines;
  for (std::size_t at = 0, end; (end = text.find("\r\n", at)) != std::string::npos; at = end + 2) {
    lines.push_back(text.substr(at, end - at));
  }
  ASSERT_EQ(lines.size(), 3u) << text;
  EXPECT_EQ(lines[0], "dataset_id,query,exp_a score,exp_b score,diff,winner");
  EXPECT_EQ(lines[1].rfind("c1,Question c1?,", 0), 0u) << lines[1];
  EXPECT_EQ(lines[2].rfind("c3,Question c3?,", 0), 0u) << lines[2];
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].substr(lines[i].size() - 6), ",exp_b") << lines[i];
  }
}

TEST(ComparisonMarkdownCell, EscapesPipesBackslashesAndLineBreaks) {
  EXPECT_EQ(markdown_cell("plain"), "plain");
  EXPECT_EQ(markdown_cell("a|b\\c"), "a\\|b\\\\c");
  EXPECT_EQ(markdown_cell("one\r\ntwo\nthree\rfour"), "one<br>two<br>three<br>four");
  EXPECT_EQ(markdown_cell(""), "");
}

TEST_F(ComparisonServiceTest, WinLossOverAllExperiments) {
  const WinLoss w = service().win_loss("tree");
  EXPECT_EQ(w.experiments, (std::vector<std::string>{"exp_a", "exp_b"}));
  ASSERT_EQ(w.wins.size(), 2u);
  EXPECT_EQ(w.wins[0], (std::pair<std::string, std::int64_t>{"exp_a", 1}));
  EXPECT_EQ(w.wins[1], (std::pair<std::string, std::int64_t>{"exp_b", 2}));
  EXPECT_EQ(w.ties, 1);
  EXPECT_EQ(w.cases_compared, 4);
}

TEST_F(ComparisonServiceTest, AgreementPerPair) {
  const auto pairs = service().agreement("tree");
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].model1, "exp_a");
  EXPECT_EQ(pairs[0].model2, "exp_b");
  EXPECT_EQ(pairs[0].both_pass, 2);   // c1, c4
  EXPECT_EQ(pairs[0].both_fail, 1);   // c3
  EXPECT_EQ(pairs[0].model1_only, 1);  // c2
  EXPECT_EQ(pairs[0].model2_only, 0);
  EXPECT_EQ(pairs[0].total, 4);
  EXPECT_DOUBLE_EQ(pairs[0].rate, 0.75);
}

TEST_F(ComparisonServiceTest, ThreeExperimentsGiveThreePairsInFirstSeenOrder) {
  fixture_.add_dataset("three", testing::kTreeColumns,
                       "CREATE TABLE ds_three AS SELECT * FROM ds_tree UNION ALL "
                       "SELECT * REPLACE ('exp_c' AS evaluation_name,"
                       " 1 - metric_score AS metric_score) "
                       "FROM ds_tree WHERE evaluation_name = 'exp_a'");
  const auto pairs = service().agreement("three");
  ASSERT_EQ(pairs.size(), 3u);
  EXPECT_EQ(pairs[1].model1, "exp_a");
  EXPECT_EQ(pairs[1].model2, "exp_c");
  // exp_c inverts exp_a: overall 1 − o, so pass flips except where o is exactly 0.5.
  EXPECT_EQ(pairs[1].total, 5);
  EXPECT_EQ(pairs[1].both_pass + pairs[1].both_fail, 0);
  const WinLoss w = service().win_loss("three");
  EXPECT_EQ(w.cases_compared, 5);
}

}  // namespace
}  // namespace axis::analytics
