// `newskb ingest`: read articles, extract, store.
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "pipeline/cli/args.h"
#include "extractors/rules_hash.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/ingest.h"
#include "pipeline/cli/interrupt.h"
#include "pipeline/cli/search_folding.h"
#include "pipeline/cli/ingestor.h"
#include "pipeline/process/process.h"
#include "pipeline/io/reader.h"
#include "pipeline/kb/kb.h"
#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

const char kHelp[] =
    "usage: newskb ingest [options] INPUT...\n"
    "\n"
    "Reads articles and stores their bodies, sentences and mentions in the\n"
    "knowledge base. An INPUT is:\n"
    "  FILE.txt     one article (UTF-8); a first line ` date YYYY-MM-DD ` gives its date\n"
    "  FILE.html    a web page (also .htm), in the charset it declares\n"
    "  FILE.jsonl   JSON Lines, one article a line: {\"id\",\"title\",\"date\",\"source\",\"text\"}\n"
    "               or \"html\" instead of \"text\" (a non-empty text wins when both are given)\n"
    "  FOLDER       every *.txt, *.jsonl, *.html, *.htm below it (*.expected/.questions.jsonl skipped)\n"
    "A text that is HTML or Markdown is converted to plain text first.\n"
    "  -            JSON Lines on standard input\n"
    "\n"
    "options:\n"
    "  --db FILE          knowledge base (default: $NEWSKB_DB, else ./newskb.sqlite)\n"
    "  --rules DIR        rule and dictionary folder (default: $NEWSKB_RULES, else the installed rules)\n"
    "  --max-doc-mb N     reject documents larger than N MiB (default 32)\n"
    "  --max-mentions N   keep at most N mentions a document (default 50000; real\n"
    "                     articles have a few hundred): a document that reaches it is\n"
    "                     stored with its first N mentions, the rest of its text is not\n"
    "                     extracted, and a warning names it (stderr, `rejects`)\n"
    "  --batch N          documents per transaction (default 200)\n"
    "  --jobs N           extraction threads (default: the number of cores); one writer\n"
    "  --script S         the script entity names are shown in, in every view:\n"
    "                     hant (Traditional, Taiwan usage), hans (Simplified), or auto\n"
    "                     (the script most stored documents use). Stored in the file:\n"
    "                     later runs keep it until it is changed. Default: the stored\n"
    "                     choice, else auto. With no INPUT, only changes the setting.\n"
    "  --names N          the entity names every view shows: usage (the form the\n"
    "                     entity's articles write most often: 台積電, 國資委) or\n"
    "                     official (the gazetteer's name: 台灣積體電路製造公司; stable\n"
    "                     as the knowledge base grows). Stored in the file like\n"
    "                     --script. Default: the stored choice, else usage. The other\n"
    "                     name is always an alias (`newskb entity` shows both).\n"
    "  --progress / --no-progress   force the progress line on stderr on or off\n"
    "                     (default: on when stderr is a terminal)\n"
    "\n"
    "A document already stored (same content) is counted as a duplicate and not\n"
    "stored again. A bad input (invalid UTF-8, NUL byte, empty, too large, malformed\n"
    "JSON, missing or mistyped field, duplicate key, an id already stored with other\n"
    "content, a page with no article body) is reported on stderr and in the `rejects`\n"
    "table; the rest goes on.\n"
    "A JSON `date` newskb cannot read (03/01/2026 is ambiguous) is stored as NULL\n"
    "with a warning on stderr and in `rejects` (severity 'warning'); so is a\n"
    "document cut at --max-mentions.\n"
    "\n"
    "Ctrl-C (SIGINT) or SIGTERM finishes the current batch, records the run as\n"
    "interrupted and exits 130 (143 for SIGTERM); run the same command again to\n"
    "resume: what is stored counts as duplicates. A second Ctrl-C stops at once\n"
    "(no document is ever half stored).\n"
    "Exit status: 0 all stored, 1 some inputs rejected or some documents cut at\n"
    "--max-mentions, 2 usage or fatal error, 130 interrupted.\n";

// After a document this large, the memory its extraction freed (millions
// of small blocks: candidates, mentions past the limit, normalised pieces)
// is given back to the system rather than kept in the worker's malloc
// arena (glibc keeps freed small blocks; a 31 MiB mention-dense record
// left ~30 MB resident).
constexpr size_t kTrimAfterBytes = size_t{4} << 20;

void GiveBackFreedMemory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

// Reading on the calling thread, extraction on `jobs` worker threads, writing
// on one writer thread, in input order. At most `window` documents are in
// flight, so memory stays flat however large the corpus.
class ParallelIngest : public DocumentSink {
 public:
  // `db`: the knowledge base being written; each worker opens it read-only to
  // skip documents already stored before extracting them. After `interrupt`
  // the reading stops (Stopped()).
  ParallelIngest(const PipelineContext& ctx, Ingestor* writer, int jobs, const std::string& db,
                 const InterruptScope* interrupt)
      : ctx_(ctx), writer_(writer), window_(static_cast<uint64_t>(jobs) * 8 + 8), interrupt_(interrupt) {
    for (int i = 0; i < jobs; ++i) workers_.emplace_back([this, db] { Work(db); });
    writer_thread_ = std::thread([this] { Write(); });
  }

  void OnDocument(Document&& doc) override { Push(Item{0, 0, false, std::move(doc), {}, {}, {}}); }
  void OnReject(Reject&& r) override { Push(Item{0, 0, true, {}, std::move(r), {}, {}}); }
  void OnSkippedFile(const std::string&) override {
    std::lock_guard<std::mutex> l(mu_);
    ++skipped_;
  }
  bool Stopped() const override { return interrupt_->interrupted(); }

  // Waits until every document is written.
  void Finish() {
    {
      std::unique_lock<std::mutex> l(mu_);
      reading_done_ = true;
    }
    todo_cv_.notify_all();
    for (auto& t : workers_) t.join();
    {
      std::lock_guard<std::mutex> l(mu_);
      workers_done_ = true;
    }
    done_cv_.notify_all();
    writer_thread_.join();
    for (int64_t i = 0; i < skipped_; ++i) writer_->Skipped();
  }

 private:
  struct Item {
    uint64_t seq;
    uint64_t doc_seq;  // number among the documents (not rejects), for RepeatMemory
    bool is_reject;
    Document doc;
    Reject reject;
    Processed processed;
    Status status;
    bool stored_before = false;  // a committed document has the same content
  };

  void Push(Item&& it) {
    std::unique_lock<std::mutex> l(mu_);
    space_cv_.wait(l, [&] { return next_seq_ - written_ < window_; });
    it.seq = next_seq_++;
    if (it.is_reject) {
      done_.emplace(it.seq, std::move(it));
      done_cv_.notify_one();
    } else {
      it.doc_seq = next_doc_seq_++;
      todo_.push_back(std::move(it));
      todo_cv_.notify_one();
    }
  }

  void Work(const std::string& db) {
    // A lookup that fails (no probe, I/O error) only means the document is
    // extracted and the writer finds the duplicate, as before.
    Result<std::unique_ptr<KnowledgeBase>> probe = KnowledgeBase::OpenReadOnly(db);
    for (;;) {
      Item it;
      {
        std::unique_lock<std::mutex> l(mu_);
        todo_cv_.wait(l, [&] { return !todo_.empty() || reading_done_; });
        if (todo_.empty()) return;
        it = std::move(todo_.front());
        todo_.pop_front();
      }
      if (probe.ok()) {
        Result<bool> known = probe.value()->HasContent(ContentHash(it.doc.raw));
        it.stored_before = known.ok() && known.value();
      }
      if (!it.stored_before) it.status = ProcessDocument(ctx_, &it.doc, &it.processed, &repeats_, it.doc_seq);
      else repeats_.Skip(it.doc_seq);
      it.processed.norm = NormText();  // the writer needs none of it: 9 bytes a body byte, freed now
      if (it.doc.Raw().size() > kTrimAfterBytes) GiveBackFreedMemory();
      {
        std::lock_guard<std::mutex> l(mu_);
        uint64_t seq = it.seq;
        done_.emplace(seq, std::move(it));
      }
      done_cv_.notify_one();
    }
  }

  void Write() {
    for (;;) {
      Item it;
      {
        std::unique_lock<std::mutex> l(mu_);
        done_cv_.wait(l, [&] {
          return done_.count(written_) || (workers_done_ && done_.empty());
        });
        auto f = done_.find(written_);
        if (f == done_.end()) return;
        it = std::move(f->second);
        done_.erase(f);
      }
      if (it.is_reject) writer_->StoreReject(it.reject);
      else if (it.stored_before) writer_->KnownDuplicate(it.doc);
      else writer_->Store(it.doc, it.processed, it.status);
      {
        std::lock_guard<std::mutex> l(mu_);
        ++written_;
      }
      space_cv_.notify_one();
    }
  }

  const PipelineContext& ctx_;
  Ingestor* writer_;
  const uint64_t window_;
  const InterruptScope* interrupt_;
  std::mutex mu_;
  std::condition_variable todo_cv_, done_cv_, space_cv_;
  std::deque<Item> todo_;
  std::map<uint64_t, Item> done_;
  uint64_t next_seq_ = 0, written_ = 0, next_doc_seq_ = 0;
  RepeatMemory repeats_;  // text each source repeats, learnt over this run
  bool reading_done_ = false, workers_done_ = false;
  int64_t skipped_ = 0;
  std::vector<std::thread> workers_;
  std::thread writer_thread_;
};

}  // namespace

int CmdIngest(int argc, char** argv) {
  std::string db = DefaultDbPath(), rules = DefaultRulesDir(), err, v;
  ReadOptions ropts;
  int batch = 200;
  size_t max_mentions = kDefaultMaxMentions;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int progress = -1;
  std::string script, names;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) continue;
    if (TakeOption(argc, argv, &i, "--rules", &rules, &err)) continue;
    if (TakeMaxDocMb(argc, argv, &i, &ropts.max_doc_bytes, &err)) continue;
    if (TakeOption(argc, argv, &i, "--max-mentions", &v, &err)) {
      char* end = nullptr;
      unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || *end || v[0] == '-' || n < 1 || n > 100000000ull)
        err = "--max-mentions needs a whole number from 1 to 100000000";
      else max_mentions = static_cast<size_t>(n);
      continue;
    }
    if (TakeOption(argc, argv, &i, "--batch", &v, &err)) {
      batch = std::atoi(v.c_str());
      if (batch < 1) err = "--batch needs a positive whole number";
      continue;
    }
    if (TakeOption(argc, argv, &i, "--jobs", &v, &err)) {
      jobs = std::atoi(v.c_str());
      if (jobs < 1 || jobs > 256) err = "--jobs needs a whole number from 1 to 256";
      continue;
    }
    if (TakeOption(argc, argv, &i, "--script", &script, &err)) {
      if (script != "hant" && script != "hans" && script != "auto")
        err = "--script needs hant, hans or auto";
      continue;
    }
    if (TakeOption(argc, argv, &i, "--names", &names, &err)) {
      if (names != "usage" && names != "official") err = "--names needs usage or official";
      continue;
    }
    if (a == "--progress") { progress = 1; continue; }
    if (a == "--no-progress") { progress = 0; continue; }
    if (a.size() > 1 && a[0] == '-') { err = "unknown option " + a; break; }
    inputs.push_back(a);
  }
  if (err.empty() && inputs.empty() && script.empty() && names.empty()) err = "no INPUT given";
  if (!err.empty()) {
    std::fprintf(stderr, "newskb ingest: %s\n\n%s", err.c_str(), kHelp);
    return 2;
  }
  Result<std::shared_ptr<const PipelineContext>> ctx = LoadPipeline(rules);
  if (!ctx.ok()) {
    std::fprintf(stderr, "newskb ingest: cannot load the rules: %s\n", ctx.status().message().c_str());
    return 2;
  }
  IngestOptions opts;
  opts.db = db;
  opts.read = ropts;
  opts.batch = batch;
  opts.jobs = jobs;
  opts.progress = progress == 1 || (progress == -1 && isatty(2));
  opts.script = script;
  opts.names = names;
  Result<std::string> rules_hash = RulesHash(rules);
  if (!rules_hash.ok()) {
    std::fprintf(stderr, "newskb ingest: %s\n", rules_hash.status().message().c_str());
    return 2;
  }
  opts.rules_hash = rules_hash.value();
  opts.command = "newskb ingest";
  for (int i = 1; i < argc; ++i) opts.command += std::string(" ") + argv[i];
  PipelineContext limited = *ctx.value();
  limited.max_mentions = max_mentions;
  return RunIngest(limited, inputs, opts);
}

// Buffers of 4 MiB and more (a large record's text, body, SQLite record)
// are mapped and unmapped on their own. glibc would otherwise raise its
// mmap threshold to 32 MiB after the first such buffer is freed and keep
// later ones in its heaps once freed: a 31 MiB record peaked ~30 MB higher.
static void BoundLargeAllocations() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
}

int RunIngest(const PipelineContext& ctx, const std::vector<std::string>& inputs, const IngestOptions& opts) {
  BoundLargeAllocations();
  const std::string& db = opts.db;
  Result<std::unique_ptr<KnowledgeBase>> kb = KnowledgeBase::OpenForWrite(db, KbWriteOptions(ctx.normalizer, ctx.script));
  if (!kb.ok()) {
    std::fprintf(stderr, "newskb ingest: %s\n", kb.status().message().c_str());
    return 2;
  }
  if (!opts.names.empty()) {
    if (Status s = kb.value()->SetNameChoice(opts.names); !s.ok()) {
      std::fprintf(stderr, "newskb ingest: %s: %s\n", db.c_str(), s.message().c_str());
      return 2;
    }
    if (inputs.empty() && opts.script.empty()) {
      std::fprintf(stderr, "newskb ingest: entities are now shown by their %s names\n",
                   opts.names == "usage" ? "most used" : "official");
      return 0;
    }
  }
  if (!opts.script.empty()) {
    if (Status s = kb.value()->SetDisplayScript(opts.script); !s.ok()) {
      std::fprintf(stderr, "newskb ingest: %s: %s\n", db.c_str(), s.message().c_str());
      return 2;
    }
    if (inputs.empty()) {
      std::fprintf(stderr, "newskb ingest: entity names are now shown in %s (%s)\n",
                   kb.value()->display_script().c_str(),
                   opts.script == "auto" ? "most documents' script" : "chosen");
      return 0;
    }
  }
  if (Status s = kb.value()->BeginRun(opts.command, opts.rules_hash); !s.ok()) {
    std::fprintf(stderr, "newskb ingest: %s: %s\n", db.c_str(), s.message().c_str());
    return 2;
  }
  bool show = opts.progress;
  InterruptScope interrupt;
  Ingestor ing("newskb ingest", kb.value().get(), opts.batch, show, show ? TotalInputBytes(inputs) : 0, &interrupt);
  std::string read_failure;
  {
    ParallelIngest par(ctx, &ing, opts.jobs, db, &interrupt);
    // Unreadable inputs arrive as rejects. Anything else the reader throws
    // (out of memory, a file system error) stops the reading, not the
    // writing: what was read is still stored.
    try {
      (void)ReadInputs(inputs, opts.read, &par);
    } catch (const std::exception& e) {
      read_failure = e.what();
    }
    par.Finish();
  }
  ing.Commit();
  if (ing.fatal().ok()) {
    if (Status s = kb.value()->UpdateDisplayScript(); !s.ok())
      std::fprintf(stderr, "newskb ingest: %s\n", s.message().c_str());
  }
  const char* end = !ing.fatal().ok() ? "failed" : interrupt.interrupted() ? "interrupted" : "finished";
  bool run_unfinished = false;
  if (Status s = kb.value()->FinishRun(end, ing.stored()); !s.ok() && ing.fatal().ok()) {
    std::fprintf(stderr, "newskb ingest: %s: %s (what the summary counts is stored)\n", db.c_str(),
                 s.message().c_str());
    run_unfinished = true;
  }
  ing.Summary();
  if (!ing.fatal().ok()) {
    std::fprintf(stderr, "newskb ingest: stopped: %s (%s)\n", ing.fatal().message().c_str(), db.c_str());
    return 2;
  }
  if (interrupt.interrupted()) {
    std::fprintf(stderr, "interrupted: %lld stored; run again to resume\n", static_cast<long long>(ing.stored()));
    return interrupt.exit_status();
  }
  if (!read_failure.empty()) {
    std::fprintf(stderr, "newskb ingest: reading stopped early: %s; what was read before is stored\n",
                 read_failure.c_str());
    return 2;
  }
  if (run_unfinished) return 2;
  return ing.rejected() > 0 || ing.cut() > 0 ? 1 : 0;
}

}  // namespace newskb
