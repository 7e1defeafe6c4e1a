// newskb_property_fuzz: the property test of tests/unit/figures_property_test.cc
// at scale (not in ctest).
//
//   build/bench/newskb_property_fuzz [--cases 1000000] [--seed N] [--show 20]
//
// Generates --cases random figures and dates (tests/unit/figure_gen.h) and
// checks each against the extractors; prints the first --show failures,
// then failures per style and the totals. Exit status 1 if any failed.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <random>

#include "tests/unit/figure_gen.h"

using namespace newskb;

int main(int argc, char** argv) {
  long long cases = 1000000;
  unsigned long long seed = 1;
  int show = 20;
  std::string rules = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--cases")) cases = std::atoll(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seed")) seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--show")) show = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--rules")) rules = argv[i + 1];
    else { std::fprintf(stderr, "usage: newskb_property_fuzz [--cases N] [--seed N] [--show N] [--rules DIR]\n"); return 2; }
  }
  auto ctx = LoadPipeline(rules);
  if (!ctx.ok()) { std::fprintf(stderr, "%s\n", ctx.status().message().c_str()); return 2; }
  std::mt19937_64 rng(seed);
  std::map<std::string, long long> fails, total;
  long long failed = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (long long i = 0; i < cases; ++i) {
    gen::GenCase c = gen::GenerateCase(rng);
    std::string family = c.style.substr(0, c.style.find('/'));
    total[family]++;
    std::string why = gen::CheckCase(c, *ctx.value());
    if (why.empty()) continue;
    ++failed;
    fails[c.style]++;
    if (failed <= show) std::printf("FAIL %s\n", why.c_str());
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (const auto& [k, v] : fails) std::printf("  %-40s %lld\n", k.c_str(), v);
  std::printf("families:");
  for (const auto& [k, v] : total) std::printf(" %s=%lld", k.c_str(), v);
  std::printf("\n%lld cases, %lld failed, seed %llu, %.1f s\n", cases, failed, seed, s);
  return failed ? 1 : 0;
}
