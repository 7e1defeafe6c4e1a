// newskb_bench_rule_cost: what one rule file costs in memory and CPU.
//
//   build/bench/newskb_bench_rule_cost --input ../shared/corpora/real-news.dev.jsonl --mb 10 \
//       FAMILY.json [FAMILY.json ...]
//
// Normalises the first --mb MB of bodies of --input once (with the rules of
// --rules DIR, default the installed ones), then for each family file given:
// loads it alone (RuleSet::LoadFile, with the macros.json beside it), runs
// FindAll + Resolve over every sentence once, as the figure and date
// extractors do, and prints the heap the RuleSet holds after loading and
// after the pass (malloc's bytes in use: the compiled programs, then the DFA
// state caches the pass built) and the pass's user CPU seconds. Give it
// folders holding one rule each, or every rule but one, to find which rules
// cost the family's memory and time (e.g. made by a script that splits a
// family file). Not a test: numbers depend on the machine and its load;
// memory is exact, CPU compares runs on one machine.
#include <malloc.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "extractors/engine/rule_set.h"
#include "pipeline/io/reader.h"
#include "bench/read_documents.h"
#include "pipeline/process/process.h"

using namespace newskb;

namespace {

double UserSeconds() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6;
}

size_t HeapInUse() { return mallinfo2().uordblks; }

}  // namespace

int main(int argc, char** argv) {
  double mb = 10;
  std::string rules = DefaultRulesDir(), input;
  std::vector<std::string> families;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--mb") && i + 1 < argc) mb = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--rules") && i + 1 < argc) rules = argv[++i];
    else if (!std::strcmp(argv[i], "--input") && i + 1 < argc) input = argv[++i];
    else families.push_back(argv[i]);
  }
  if (input.empty() || families.empty()) {
    std::fprintf(stderr, "usage: %s --input JSONL [--mb 10] [--rules DIR] FAMILY.json...\n", argv[0]);
    return 2;
  }
  auto ctx = LoadPipeline(rules);
  if (!ctx.ok()) { std::fprintf(stderr, "%s\n", ctx.status().message().c_str()); return 2; }
  std::vector<Document> read = ReadDocuments(input);
  std::vector<NormText> norms;
  size_t bytes = 0;
  for (size_t i = 0; i < read.size() && bytes < mb * 1e6; ++i) {
    Processed p;
    if (!ProcessDocument(*ctx.value(), &read[i], &p).ok()) continue;
    bytes += read[i].body.size();
    norms.push_back(std::move(p.norm));
  }
  read.clear();
  std::printf("corpus: %zu documents, %.1f MB of body text\n", norms.size(), bytes / 1e6);
  std::printf("%-40s %6s %10s %10s %9s %8s\n", "family file", "rules", "load KB", "pass KB", "user s", "found");
  for (const std::string& f : families) {
    size_t h0 = HeapInUse();
    auto rs = RuleSet::LoadFile(f, RuleSetOptions{});
    if (!rs.ok()) { std::fprintf(stderr, "%s\n", rs.status().message().c_str()); return 2; }
    size_t h1 = HeapInUse();
    double t0 = UserSeconds();
    size_t found = 0;
    for (const NormText& n : norms)
      for (const NormSentence& s : n.sentences)
        found += RuleSet::Resolve(rs->FindAll(std::string_view(n.text).substr(s.begin, s.end - s.begin)), nullptr)
                     .size();
    double sec = UserSeconds() - t0;
    size_t h2 = HeapInUse();
    std::printf("%-40s %6zu %10zu %10zu %9.2f %8zu\n", f.c_str(), rs->rules().size(), (h1 - h0) >> 10,
                (h2 - h1) >> 10, sec, found);
    std::fflush(stdout);
  }
  return 0;
}
