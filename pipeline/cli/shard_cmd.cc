// `newskb extract` (articles -> shards of JSON Lines, no knowledge base) and
// `newskb load` (shards -> knowledge base): ingest split in two, so the
// extraction can run anywhere (Dask, Spark, Hadoop streaming) and one
// process merges the results. Shard format: pipeline/io/shard.h.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "extractors/rules_hash.h"
#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/ingestor.h"
#include "pipeline/process/process.h"
#include "pipeline/cli/search_folding.h"
#include "pipeline/io/reader.h"
#include "pipeline/io/shard.h"
#include "pipeline/kb/kb.h"
#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

const char kExtractHelp[] =
    "usage: newskb extract [options] [INPUT...]\n"
    "\n"
    "Reads articles (as `newskb ingest` does: text files, web pages, folders, *.jsonl, - for\n"
    "stdin, the default) and writes, for each input record in order, one JSON line:\n"
    "the document with its body, sentences, mentions (canonical names and entity\n"
    "keys) and facts, or the reason it was rejected. Needs no knowledge base: the\n"
    "same input gives the same bytes. As in ingest, text a source repeats in\n"
    "earlier documents of the input leaves the body (--part learns it from the\n"
    "records before its part; a split made outside, e.g. by a cluster, learns it\n"
    "from each shard's own records only).\n"
    "`newskb load` stores the shards; extract on any split of the input, then load\n"
    "of the shards in input order, gives the knowledge base one ingest gives.\n"
    "Format: pipeline/io/shard.h.\n"
    "\n"
    "options:\n"
    "  --output FILE, -o FILE   write there instead of standard output\n"
    "  --part K/N               only the K-th of N equal runs of the input's records\n"
    "                           (0 <= K < N; the inputs are read twice: not with -)\n"
    "  --rules DIR              rule and dictionary folder (default: $NEWSKB_RULES, else the source tree's)\n"
    "  --max-doc-mb N           reject documents larger than N MiB (default 32)\n"
    "\n"
    "A document over 50000 mentions keeps its first 50000 (a warning on stderr).\n"
    "Exit status: 0 all extracted, 1 some inputs rejected (each reported on stderr\n"
    "and written as a reject line) or cut at the mention limit, 2 usage or fatal error.\n";

const char kLoadHelp[] =
    "usage: newskb load [options] SHARD...\n"
    "\n"
    "Stores shards written by `newskb extract` (files, or - for standard input) in\n"
    "the knowledge base, in the order given: entities are linked across shards by\n"
    "their keys, a document already stored (same content) is a duplicate, the\n"
    "shards' rejects are recorded as an ingest records them. A line that is not a\n"
    "shard record, or a record whose offsets do not fit its body, is rejected with\n"
    "the shard's name and line; the rest goes on.\n"
    "\n"
    "options:\n"
    "  --db FILE          knowledge base (default: $NEWSKB_DB, else ./newskb.sqlite)\n"
    "  --rules DIR        rule folder (for the normaliser only; default as ingest)\n"
    "  --batch N          documents per transaction (default 200)\n"
    "  --progress / --no-progress   progress line on stderr (default: when a terminal)\n"
    "\n"
    "Exit status: 0 all stored, 1 some records rejected, 2 usage or fatal error.\n";

// Counts the records ReadInputs hands out (documents and rejects).
class CountingSink : public DocumentSink {
 public:
  void OnDocument(Document&&) override { ++n; }
  void OnReject(Reject&&) override { ++n; }
  int64_t n = 0;
};

// Extracts every record in [first, last) of the input's ordinals and writes
// its shard line.
class ExtractSink : public DocumentSink {
 public:
  // `rules_hash`: of the rule files the pipeline was loaded from (RulesHash),
  // written on every document so `load` records which rules extracted it.
  ExtractSink(const PipelineContext& ctx, std::FILE* out, int64_t first, int64_t last, std::string rules_hash)
      : ctx_(ctx), out_(out), first_(first), last_(last), rules_hash_(std::move(rules_hash)) {}

  // Documents before the part still teach `repeats_` what their source
  // repeats (as ingest's RepeatMemory learns over the whole input), so a
  // part's bodies are the ones ingest stores.
  void OnDocument(Document&& doc) override {
    int64_t n = next_++;
    uint64_t seq = doc_seq_++;
    if (n >= last_) return;
    if (n < first_) {
      (void)PrepareBody(ctx_, &doc, &repeats_, seq);
      return;
    }
    bytes_ += doc.input_bytes;
    Processed p;
    Status s = ProcessDocument(ctx_, &doc, &p, &repeats_, seq);
    if (!s.ok()) {
      Report(doc.origin, doc.key, s.message());
      Write(ShardRejectLine(n, doc.origin, doc.key, s.message()));
      return;
    }
    std::vector<std::string> keys(p.mentions.size());
    for (size_t i = 0; i < p.mentions.size(); ++i)
      if (!p.mentions[i].name.empty()) keys[i] = ctx_.normalizer->FoldKey(p.mentions[i].name);
    ++documents_;
    if (p.mentions_cut) {  // the shard holds the first mentions; say so, and exit 1
      ++cut_;
      std::fprintf(stderr, "newskb: warning %s%s: %s\n", doc.origin.c_str(),
                   doc.key.empty() ? "" : (" (" + doc.key + ")").c_str(), doc.warnings.back().c_str());
    }
    Write(ShardDocumentLine(n, doc, p.sentences, p.mentions, p.facts, keys, p.script, rules_hash_));
  }

  void OnReject(Reject&& r) override {
    int64_t n = next_++;
    if (n < first_ || n >= last_) return;
    Report(r.line ? r.source + ":" + std::to_string(r.line) : r.source, r.doc_key, r.reason);
    Write(ShardReaderRejectLine(n, r));
  }

  void OnSkippedFile(const std::string&) override { ++skipped_; }

  int64_t documents_ = 0, rejected_ = 0, skipped_ = 0, cut_ = 0;
  uint64_t bytes_ = 0;
  bool write_failed_ = false;

 private:
  void Report(const std::string& where, const std::string& key, const std::string& reason) {
    ++rejected_;
    std::fprintf(stderr, "newskb: rejected %s%s: %s\n", where.c_str(),
                 key.empty() ? "" : (" (" + key + ")").c_str(), reason.c_str());
  }
  void Write(const std::string& line) {
    if (std::fwrite(line.data(), 1, line.size(), out_) != line.size()) write_failed_ = true;
  }

  const PipelineContext& ctx_;
  std::FILE* out_;
  int64_t first_, last_, next_ = 0;
  std::string rules_hash_;
  uint64_t doc_seq_ = 0;  // number among documents (not rejects), as ingest counts them
  RepeatMemory repeats_;  // text each source repeats, learnt in input order
};

bool ParsePart(const std::string& v, int64_t* k, int64_t* n) {
  size_t slash = v.find('/');
  if (slash == std::string::npos) return false;
  char* end = nullptr;
  *k = std::strtoll(v.c_str(), &end, 10);
  if (end != v.c_str() + slash) return false;
  *n = std::strtoll(v.c_str() + slash + 1, &end, 10);
  return *end == 0 && *n >= 1 && *k >= 0 && *k < *n && slash > 0;
}

// Why a shard record cannot be stored as it is, or "": offsets inside the
// body and each mention's text the body's characters there, facts naming
// mentions that exist.
std::string RecordProblem(const ShardRecord& r) {
  const std::string& body = r.doc.body;
  std::vector<uint32_t> byte_of;
  byte_of.reserve(body.size() + 1);
  for (size_t i = 0; i < body.size(); ++i)
    if ((static_cast<unsigned char>(body[i]) & 0xC0) != 0x80) byte_of.push_back(static_cast<uint32_t>(i));
  byte_of.push_back(static_cast<uint32_t>(body.size()));
  const uint32_t cps = static_cast<uint32_t>(byte_of.size() - 1);
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) return "empty body";
  for (const Sentence& s : r.sentences)
    if (s.end > cps) return "a sentence ends past the body";
  for (const Mention& m : r.mentions) {
    if (m.end > cps) return "mention '" + m.text + "' ends past the body";
    if (body.compare(byte_of[m.start], byte_of[m.end] - byte_of[m.start], m.text) != 0)
      return "mention '" + m.text + "' is not the body's text at " + std::to_string(m.start);
  }
  const int count = static_cast<int>(r.mentions.size());
  for (const Fact& f : r.facts)
    if (f.figure < 0 || f.figure >= count || f.subject >= count || f.object >= count || f.date >= count)
      return "a fact names a mention that does not exist";
  return "";
}

}  // namespace

int CmdExtract(int argc, char** argv) {
  std::string rules = DefaultRulesDir(), output, part, err;
  ReadOptions ropts;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kExtractHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--rules", &rules, &err)) continue;
    if (TakeOption(argc, argv, &i, "--output", &output, &err)) continue;
    if (TakeOption(argc, argv, &i, "-o", &output, &err)) continue;
    if (TakeOption(argc, argv, &i, "--part", &part, &err)) continue;
    if (TakeMaxDocMb(argc, argv, &i, &ropts.max_doc_bytes, &err)) continue;
    if (a.size() > 1 && a[0] == '-') { err = "unknown option " + a; break; }
    inputs.push_back(a);
  }
  if (inputs.empty()) inputs.push_back("-");
  int64_t k = 0, n = 1;
  if (err.empty() && !part.empty() && !ParsePart(part, &k, &n)) err = "--part needs K/N with 0 <= K < N";
  if (err.empty() && n > 1)
    for (const std::string& in : inputs)
      if (in == "-") err = "--part reads the inputs twice: give files, not -";
  if (!err.empty()) {
    std::fprintf(stderr, "newskb extract: %s\n\n%s", err.c_str(), kExtractHelp);
    return 2;
  }
  Result<std::shared_ptr<const PipelineContext>> ctx = LoadPipeline(rules);
  if (!ctx.ok()) {
    std::fprintf(stderr, "newskb extract: cannot load the rules: %s\n", ctx.status().message().c_str());
    return 2;
  }
  int64_t first = 0, last = INT64_MAX;
  if (n > 1) {
    CountingSink count;
    (void)ReadInputs(inputs, ropts, &count);
    first = count.n * k / n;
    last = count.n * (k + 1) / n;
  }
  std::FILE* out = stdout;
  if (!output.empty() && output != "-") {
    out = std::fopen(output.c_str(), "wb");
    if (!out) {
      std::fprintf(stderr, "newskb extract: cannot write %s\n", output.c_str());
      return 2;
    }
  }
  auto t0 = std::chrono::steady_clock::now();
  Result<std::string> rules_hash = RulesHash(rules);
  if (!rules_hash.ok()) {
    std::fprintf(stderr, "newskb extract: %s\n", rules_hash.status().message().c_str());
    return 2;
  }
  ExtractSink sink(*ctx.value(), out, first, last, rules_hash.value());
  (void)ReadInputs(inputs, ropts, &sink);  // unreadable inputs arrive as rejects
  bool write_failed = sink.write_failed_ || std::fflush(out) != 0 || (out != stdout && std::fclose(out) != 0);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "newskb extract: %lld documents, %lld rejected%s%s; %.1f MB in %.2f s (%.1f MB/s)\n",
               static_cast<long long>(sink.documents_), static_cast<long long>(sink.rejected_),
               sink.cut_ ? (", " + std::to_string(sink.cut_) + " cut at the mention limit").c_str() : "",
               sink.skipped_ ? (", " + std::to_string(sink.skipped_) + " other files skipped").c_str() : "",
               sink.bytes_ / 1e6, secs, secs > 0 ? sink.bytes_ / 1e6 / secs : 0.0);
  if (write_failed) {
    std::fprintf(stderr, "newskb extract: writing %s failed\n", output.empty() ? "standard output" : output.c_str());
    return 2;
  }
  return sink.rejected_ > 0 || sink.cut_ > 0 ? 1 : 0;
}

int CmdLoad(int argc, char** argv) {
  std::string db = DefaultDbPath(), err, v;
  int batch = 200, progress = -1;
  std::vector<std::string> shards;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kLoadHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) continue;
    if (TakeOption(argc, argv, &i, "--batch", &v, &err)) {
      batch = std::atoi(v.c_str());
      if (batch < 1) err = "--batch needs a positive whole number";
      continue;
    }
    if (a == "--progress") { progress = 1; continue; }
    if (a == "--no-progress") { progress = 0; continue; }
    if (a.size() > 1 && a[0] == '-') { err = "unknown option " + a; break; }
    shards.push_back(a);
  }
  if (err.empty() && shards.empty()) err = "no SHARD given";
  if (!err.empty()) {
    std::fprintf(stderr, "newskb load: %s\n\n%s", err.c_str(), kLoadHelp);
    return 2;
  }
  Result<std::shared_ptr<const Normalizer>> norm = Normalizer::Create();
  if (!norm.ok()) {
    std::fprintf(stderr, "newskb load: %s\n", norm.status().message().c_str());
    return 2;
  }
  Result<std::shared_ptr<const ScriptConverter>> sc = ScriptConverter::Create();
  if (!sc.ok()) {
    std::fprintf(stderr, "newskb load: %s\n", sc.status().message().c_str());
    return 2;
  }
  Result<std::unique_ptr<KnowledgeBase>> kb = KnowledgeBase::OpenForWrite(db, KbWriteOptions(norm.value(), sc.value()));
  if (!kb.ok()) {
    std::fprintf(stderr, "newskb load: %s\n", kb.status().message().c_str());
    return 2;
  }
  std::string command = "newskb load";
  for (int i = 1; i < argc; ++i) command += std::string(" ") + argv[i];
  if (Status s = kb.value()->BeginRun(command); !s.ok()) {
    std::fprintf(stderr, "newskb load: %s: %s\n", db.c_str(), s.message().c_str());
    return 2;
  }
  bool show = progress == 1 || (progress == -1 && isatty(2));
  Ingestor ing("newskb load", kb.value().get(), batch, show, show ? TotalInputBytes(shards) : 0);
  for (const std::string& shard : shards) {
    Status s = ReadShard(
        shard,
        [&](ShardRecord&& r) {
          if (r.is_reject && !r.where.empty()) {
            ing.RejectAt(r.where, r.reject.doc_key, r.reject.reason);
          } else if (r.is_reject) {
            ing.StoreReject(r.reject);
          } else if (std::string why = RecordProblem(r); !why.empty()) {
            ing.StoreReject({shard, 0, r.doc.key, "shard record " + std::to_string(r.n) + ": " + why});
          } else {
            Processed p;
            p.sentences = std::move(r.sentences);
            p.mentions = std::move(r.mentions);
            p.facts = std::move(r.facts);
            p.script = std::move(r.script);
            kb.value()->set_rules_hash(r.rules_hash);
            ing.Store(r.doc, p, Status::Ok());
          }
        },
        [&](int64_t line, const std::string& why) {
          ing.StoreReject({shard, line, "", "not a shard record: " + why});
        });
    if (!s.ok()) ing.StoreReject({shard, 0, "", s.message()});
    if (!ing.fatal().ok()) break;
  }
  ing.Commit();
  if (ing.fatal().ok()) {
    if (Status s = kb.value()->UpdateDisplayScript(); !s.ok())
      std::fprintf(stderr, "newskb load: %s\n", s.message().c_str());
    if (Status s = kb.value()->FinishRun(); !s.ok()) std::fprintf(stderr, "newskb load: %s\n", s.message().c_str());
  }
  ing.Summary();
  if (!ing.fatal().ok()) {
    std::fprintf(stderr, "newskb load: stopped: %s (%s)\n", ing.fatal().message().c_str(), db.c_str());
    return 2;
  }
  return ing.rejected() > 0 ? 1 : 0;
}

}  // namespace newskb
