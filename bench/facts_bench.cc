// newskb_bench_facts: time of the facts pass per MB of one article.
//
//   build/bench/newskb_bench_facts [--sizes 0.5,1,2,4,8,16,32] [--extract-up-to 2]
//                                  [--rules DIR] [--corpus DIR]
//
// Builds one article of each size (MB of body text) by joining the sample
// articles of --corpus (default: the repository's corpus/) as paragraphs,
// with each sample's mentions shifted to every copy
// (tests/support/long_article.h), and times the facts stage alone
// (ExtractFacts) on one thread. Prints seconds and seconds per MB: the
// facts pass is linear when that column stays flat (issue 14, issue 16
// item 3). For sizes up to --extract-up-to MB it also runs every extractor
// over the whole article and prints each one's seconds, to show which stage
// grows faster than the article. Not a test; compare runs on one machine.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench/read_documents.h"
#include "pipeline/process/process.h"
#include "pipeline/io/reader.h"
#include "tests/support/long_article.h"

using namespace newskb;

namespace {

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string rules = DefaultRulesDir(), corpus = std::string(NEWSKB_SOURCE_DIR) + "/corpus";
  std::vector<double> sizes = {0.5, 1, 2, 4, 8, 16, 32};
  double extract_up_to = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--rules")) rules = argv[i + 1];
    else if (!std::strcmp(argv[i], "--corpus")) corpus = argv[i + 1];
    else if (!std::strcmp(argv[i], "--extract-up-to")) extract_up_to = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--sizes")) {
      sizes.clear();
      for (char* p = argv[i + 1]; *p;) {
        sizes.push_back(std::strtod(p, &p));
        if (*p == ',') ++p;
      }
    }
  }
  auto ctx = LoadPipeline(rules);
  if (!ctx.ok()) { std::fprintf(stderr, "%s\n", ctx.status().message().c_str()); return 2; }
  std::vector<Document> read = ReadDocuments(corpus);
  if (read.empty()) { std::fprintf(stderr, "no articles in %s\n", corpus.c_str()); return 2; }
  std::printf("%8s %10s %10s %10s %10s   %s\n", "MB", "mentions", "facts", "facts s", "facts s/MB",
              "extractors over the whole article (s)");
  for (double mb : sizes) {
    LongArticle a = BuildLongArticle(*ctx.value(), read, mb * 1e6);
    auto t0 = std::chrono::steady_clock::now();
    std::vector<Fact> facts = ctx.value()->extractors->ExtractFacts(a.doc, a.norm, a.mentions);
    double sec = Seconds(t0);
    std::string stages;
    if (mb <= extract_up_to) {
      std::vector<Mention> ms;
      for (const auto& e : ctx.value()->extractors->list()) {
        auto t1 = std::chrono::steady_clock::now();
        e->Extract(a.doc, a.norm, &ms);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s %.2f  ", e->name(), Seconds(t1));
        stages += buf;
      }
    }
    double real_mb = a.doc.body.size() / 1e6;
    std::printf("%8.1f %10zu %10zu %10.2f %10.3f   %s\n", real_mb, a.mentions.size(), facts.size(), sec, sec / real_mb,
                stages.c_str());
    std::fflush(stdout);
  }
  return 0;
}
