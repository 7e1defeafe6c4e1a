// newskb_bench_extract: speed of the extraction pass.
//
//   build/bench/newskb_bench_extract [--mb 20] [--rules DIR] [--seeds DIR]
//
// Reads the seed articles (../shared/corpus/seeds), replicates their bodies
// to at least --mb MB, normalises them once, then times on one thread:
//   1. each rule family alone, RE2::Set pass + hit rules + overlap resolution
//      per sentence, with its first 10 rules and with all its rules;
//   2. all families together, the same way;
//   3. the full extractor pass (every registered extractor, as ingest runs
//      it, including dictionaries, value resolution and linking).
// Prints MB/s of body text (UTF-8 bytes). Not a test: numbers depend on the
// machine; compare runs on one machine.
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extractors/engine/rule_set.h"
#include "pipeline/cli/process.h"
#include "pipeline/io/reader.h"

namespace fs = std::filesystem;
using namespace newskb;

namespace {

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A family file cut to its first `k` rules (all if k <= 0), as JSON text.
std::string FirstRules(const std::string& path, int k, int* total) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string clean;
  for (size_t i = 0; i < text.size();) {  // drop // comment lines
    size_t nl = text.find('\n', i);
    size_t e = nl == std::string::npos ? text.size() : nl;
    size_t f = text.find_first_not_of(" \t", i);
    if (!(f < e && text.compare(f, 2, "//") == 0)) clean.append(text, i, e - i);
    clean.push_back('\n');
    i = e + 1;
  }
  simdjson::dom::parser p;
  simdjson::dom::element root;
  if (p.parse(clean).get(root)) return "";
  simdjson::dom::array rules;
  if (root["rules"].get_array().get(rules)) return "";
  std::string out = "{\"rules\":[";
  int n = 0;
  *total = 0;
  for (auto r : rules) {
    ++*total;
    if (k > 0 && n >= k) continue;
    out += (n++ ? "," : "") + simdjson::minify(r);
  }
  simdjson::dom::object macros;
  out += "]";
  if (!root["macros"].get_object().get(macros)) out += ",\"macros\":" + simdjson::minify(macros);
  return out + "}";
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 20;
  std::string rules = DefaultRulesDir(), seeds = std::string(NEWSKB_SHARED_DIR) + "/corpus/seeds";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--mb")) mb = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--rules")) rules = argv[i + 1];
    else if (!std::strcmp(argv[i], "--seeds")) seeds = argv[i + 1];
  }
  auto ctx = LoadPipeline(rules);
  if (!ctx.ok()) { std::fprintf(stderr, "%s\n", ctx.status().message().c_str()); return 2; }
  struct Sink : DocumentSink {
    std::vector<Document> docs;
    void OnDocument(Document&& d) override { docs.push_back(std::move(d)); }
    void OnReject(Reject&&) override {}
  } sink;
  (void)ReadInputs({seeds}, ReadOptions{}, &sink);
  if (sink.docs.empty()) { std::fprintf(stderr, "no seeds in %s\n", seeds.c_str()); return 2; }
  std::vector<Document> docs;
  std::vector<NormText> norms;
  size_t bytes = 0;
  for (size_t i = 0; bytes < mb * 1e6; ++i) {
    Document d = sink.docs[i % sink.docs.size()];
    Processed p;
    if (!ProcessDocument(*ctx.value(), &d, &p).ok()) continue;
    bytes += d.body.size();
    norms.push_back(std::move(p.norm));
    docs.push_back(std::move(d));
  }
  std::printf("corpus: %zu documents, %.1f MB of body text (seeds replicated)\n\n", docs.size(), bytes / 1e6);
  std::printf("%-16s %8s %10s %10s\n", "family", "rules", "matches", "MB/s");

  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(rules))
    if (e.path().extension() == ".json" && e.path().filename() != "macros.json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<RuleSet> all_sets;
  for (const fs::path& f : files) {
    int total = 0;
    for (int k : {10, 0}) {
      std::string json = FirstRules(f.string(), k, &total);
      auto rs = RuleSet::LoadString(json, f.string(), {});
      if (!rs.ok()) { std::fprintf(stderr, "%s\n", rs.status().message().c_str()); return 2; }
      auto t0 = std::chrono::steady_clock::now();
      size_t found = 0;
      for (const NormText& n : norms)
        for (const NormSentence& s : n.sentences)
          found += RuleSet::Resolve(rs->FindAll(std::string_view(n.text).substr(s.begin, s.end - s.begin)), nullptr).size();
      double sec = Seconds(t0);
      std::printf("%-16s %8zu %10zu %10.1f\n", f.stem().c_str(), rs->rules().size(), found, bytes / 1e6 / sec);
      if (k == 0) all_sets.push_back(std::move(rs).value());
      if (total <= 10) break;
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
    std::printf("%-16s %8zu %10zu %10.1f\n", "all families", nrules, found, bytes / 1e6 / Seconds(t0));
  }
  {
    auto t0 = std::chrono::steady_clock::now();
    size_t found = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      std::vector<Mention> m = ctx.value()->extractors->ExtractAll(docs[i], norms[i]);
      found += m.size() + ctx.value()->extractors->ExtractFacts(docs[i], norms[i], m).size();
    }
    std::printf("%-16s %8s %10zu %10.1f\n", "full extractors", "-", found, bytes / 1e6 / Seconds(t0));
  }
  {
    auto t0 = std::chrono::steady_clock::now();
    size_t n = 0;
    for (const Document& d : docs) n += ctx.value()->normalizer->Normalize(d.body).text.size();
    std::printf("%-16s %8s %10s %10.1f\n", "normalise", "-", "-", bytes / 1e6 / Seconds(t0));
  }
  return 0;
}
