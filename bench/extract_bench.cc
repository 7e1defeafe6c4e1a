// newskb_bench_extract: speed of the extraction pass.
//
//   build/bench/newskb_bench_extract [--mb 20] [--rules DIR] [--seeds DIR] [--input PATH]
//
// Reads the seed articles (../shared/corpus/seeds), replicates them (digits
// shifted in each copy) to at least --mb MB of body text, or with --input
// takes the first --mb MB of bodies of any ingest input as they are (real
// news: ../shared/corpora/real-news.dev.jsonl), extracts bodies and
// normalises them once, then times on one thread:
//   1. each rule family alone, RE2::Set pass + hit rules + overlap resolution
//      per sentence, with its first 10 rules and with all its rules;
//   2. all families together, the same way;
//   3. the full extractor pass (every registered extractor, as ingest runs
//      it, including dictionaries, value resolution and linking);
//   4. each extractor alone, the same way (organizations: rules, gazetteer,
//      word lexicon and linking together).
// Prints MB/s of body text (UTF-8 bytes) and, per family, the rules whose own
// RE2 ran per sentence (the Set's hits). Not a test: numbers depend on the
// machine; compare runs on one machine.
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "extractors/engine/rule_set.h"
#include "bench/read_documents.h"
#include "pipeline/process/process.h"
#include "pipeline/io/reader.h"

namespace fs = std::filesystem;
using namespace newskb;

namespace {

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Copy `i` of a seed: the same text with every ASCII digit shifted by i, so
// the replicated corpus is not one article repeated verbatim.
std::string Vary(const std::string& text, size_t i) {
  std::string out = text;
  if (i == 0) return out;
  for (char& c : out)
    if (c >= '0' && c <= '9') c = static_cast<char>('0' + (c - '0' + i) % 10);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 20;
  std::string rules = DefaultRulesDir(), seeds = std::string(NEWSKB_SHARED_DIR) + "/corpus/seeds";
  std::string input;  // a corpus to take as it is, instead of the seeds replicated
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--mb")) mb = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--rules")) rules = argv[i + 1];
    else if (!std::strcmp(argv[i], "--seeds")) seeds = argv[i + 1];
    else if (!std::strcmp(argv[i], "--input")) input = argv[i + 1];
  }
  auto ctx = LoadPipeline(rules);
  if (!ctx.ok()) { std::fprintf(stderr, "%s\n", ctx.status().message().c_str()); return 2; }
  std::vector<Document> read = ReadDocuments(input.empty() ? seeds : input);
  if (read.empty()) { std::fprintf(stderr, "no documents in %s\n", (input.empty() ? seeds : input).c_str()); return 2; }
  std::vector<Document> docs;
  std::vector<NormText> norms;
  size_t bytes = 0;
  for (size_t i = 0; bytes < mb * 1e6 && (input.empty() || i < read.size()); ++i) {
    Document d = read[i % read.size()];
    d.raw = Vary(d.raw, i / read.size());
    Processed p;
    if (!ProcessDocument(*ctx.value(), &d, &p).ok()) continue;
    bytes += d.body.size();
    norms.push_back(std::move(p.norm));
    docs.push_back(std::move(d));
  }
  std::printf("corpus: %zu documents, %.1f MB of body text (%s)\n\n", docs.size(), bytes / 1e6,
              input.empty() ? "seeds replicated" : input.c_str());
  size_t sentences = 0;
  for (const NormText& n : norms) sentences += n.sentences.size();
  // windowed: the share of the sentences' bytes the windowed rules' Set ran on.
  std::printf("%-16s %8s %10s %10s %10s %10s %10s\n", "family", "rules", "matches", "run/sent", "MB/s", "warm MB/s",
              "windowed");

  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(rules))
    if (e.path().extension() == ".json" && e.path().filename() != "macros.json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<RuleSet> all_sets;
  // One family's Set over every sentence: matches found, rules run per sentence, MB/s.
  auto run_family = [&](const RuleSet& rs, size_t* found, double* run_per_sent, double* windowed) {
    FindStats st;
    auto t0 = std::chrono::steady_clock::now();
    *found = 0;
    for (const NormText& n : norms)
      for (const NormSentence& s : n.sentences)
        *found += RuleSet::Resolve(rs.FindAll(std::string_view(n.text).substr(s.begin, s.end - s.begin), &st),
                                   nullptr).size();
    double sec = Seconds(t0);
    *run_per_sent = double(st.rules_run) / sentences;
    *windowed = st.line_bytes ? double(st.window_bytes) / st.line_bytes : 0;
    return bytes / 1e6 / sec;
  };
  for (const fs::path& f : files) {
    for (size_t k : {size_t{10}, size_t{0}}) {
      // All rules: also with every rule on whole lines (RuleSetOptions::windows
      // off), the engine before it ran windowed rules on trigger clauses only.
      for (bool windows : k == 0 ? std::vector<bool>{false, true} : std::vector<bool>{true}) {
        RuleSetOptions opts;
        opts.max_rules = k;  // the first 10 rules, then all
        opts.windows = windows;
        auto rs = RuleSet::LoadFile(f.string(), opts);
        if (!rs.ok()) { std::fprintf(stderr, "%s\n", rs.status().message().c_str()); return 2; }
        size_t found;
        double per_sent, windowed;
        double mbs = run_family(rs.value(), &found, &per_sent, &windowed);
        // Again over the same text: the Sets' DFA states are built (what a
        // long run tends to; the first pass is what a 10 MB run pays).
        double warm = run_family(rs.value(), &found, &per_sent, &windowed);
        std::string label = f.stem().string() + (k == 0 && !windows ? " (lines)" : "");
        std::printf("%-16s %8zu %10zu %10.2f %10.1f %10.1f %9.0f%%\n", label.c_str(), rs->rules().size(), found,
                    per_sent, mbs, warm, 100 * windowed);
        if (k == 0 && windows) all_sets.push_back(std::move(rs).value());
      }
      if (k > 0) {
        RuleSetOptions probe;
        probe.max_rules = k;
        auto rs = RuleSet::LoadFile(f.string(), probe);
        if (rs.ok() && rs->rules().size() < k) break;  // fewer than 10 rules: "all" is the same set
      }
    }
  }
  {
    auto t0 = std::chrono::steady_clock::now();
    size_t found = 0, nrules = 0;
    for (const RuleSet& rs : all_sets) nrules += rs.rules().size();
    for (const NormText& n : norms)
      for (const NormSentence& s : n.sentences)
        for (const RuleSet& rs : all_sets)
          found += RuleSet::Resolve(rs.FindAll(std::string_view(n.text).substr(s.begin, s.end - s.begin)), nullptr).size();
    std::printf("%-16s %8zu %10zu %10s %10.1f\n", "all families", nrules, found, "", bytes / 1e6 / Seconds(t0));
  }
  {
    auto t0 = std::chrono::steady_clock::now();
    size_t found = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      std::vector<Mention> m = ctx.value()->extractors->ExtractAll(docs[i], norms[i]);
      found += m.size() + ctx.value()->extractors->ExtractFacts(docs[i], norms[i], m).size();
    }
    std::printf("%-16s %8s %10zu %10s %10.1f\n", "full extractors", "-", found, "", bytes / 1e6 / Seconds(t0));
  }
  // Each extractor alone, as ingest runs it (dictionaries, the word lexicon,
  // bounding, linking): "organizations extractor" is the cost of finding
  // organizations, rules and gazetteer and lexicon together.
  for (const auto& ex : ctx.value()->extractors->list()) {
    auto t0 = std::chrono::steady_clock::now();
    size_t found = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      std::vector<Mention> m;  // alone: places and commodities see no organizations
      ex->Extract(docs[i], norms[i], &m);
      found += m.size();
    }
    std::string label = std::string(ex->name()) + " extractor";
    std::printf("%-24s %10zu %10s %10.1f\n", label.c_str(), found, "", bytes / 1e6 / Seconds(t0));
  }
  {
    auto t0 = std::chrono::steady_clock::now();
    size_t n = 0;
    for (const Document& d : docs) n += ctx.value()->normalizer->Normalize(d.body).text.size();
    std::printf("%-16s %8s %10s %10s %10.1f\n", "normalise", "-", "-", "", bytes / 1e6 / Seconds(t0));
  }
  return 0;
}
