// axis-metric-bench: times the levenshtein_ratio metric over text pairs.
//
//   axis-metric-bench PAIRS.json [--print]
//
// PAIRS.json is a JSON array of [actual, expected] string pairs. Prints the number of pairs, the
// wall-clock and CPU seconds spent computing the ratios (reading and parsing the file excluded;
// CPU time is the steadier figure on a shared machine) and the sum of the ratios (a checksum to
// compare with tools/metric_bench.py); --print also prints each ratio, one per line, before the
// summary.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "evalmetrics/sequence_ratio.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: axis-metric-bench PAIRS.json [--print]\n";
    return 2;
  }
  const bool print = argc > 2 && std::string(argv[2]) == "--print";
  std::ifstream file(argv[1], std::ios::binary);
  if (!file) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 2;
  }
  std::stringstream text;
  text << file.rdbuf();
  const nlohmann::json pairs = nlohmann::json::parse(text.str(), nullptr, false);
  if (!pairs.is_array()) {
    std::cerr << argv[1] << " is not a JSON array of pairs\n";
    return 2;
  }
  std::vector<std::pair<std::string, std::string>> inputs;
  inputs.reserve(pairs.size());
  for (const auto& pair : pairs) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
      std::cerr << "every element must be a pair of strings\n";
      return 2;
    }
    inputs.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
  std::vector<double> ratios(inputs.size());
  axis::evalmetrics::MatchCounter counter;
  const std::clock_t cpu_start = std::clock();
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < inputs.size(); ++i)
    ratios[i] = axis::evalmetrics::levenshtein_ratio(inputs[i].first, inputs[i].second, counter);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  double sum = 0;
  for (double ratio : ratios) {
    sum += ratio;
    if (print) std::printf("%.4f\n", ratio);
  }
  std::printf("pairs %zu seconds %.6f cpu_seconds %.6f sum %.4f\n", inputs.size(), elapsed.count(),
              cpu_seconds, sum);
  return 0;
}
