// `newskb reextract`: run the current rules again over the stored raw inputs.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "extractors/rules_hash.h"
#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/ingestor.h"
#include "pipeline/cli/interrupt.h"
#include "pipeline/process/process.h"
#include "pipeline/cli/search_folding.h"
#include "pipeline/kb/kb.h"

namespace newskb {
namespace {

const char kHelp[] =
    "usage: newskb reextract [--db FILE] [--rules DIR] [--all] [--quiet]\n"
    "\n"
    "Runs the pipeline again (body, normalisation, extractors, linking, facts)\n"
    "on the raw input stored with each document whose rules hash differs from\n"
    "the current rules' (every rule and dictionary file of the rules folder;\n"
    "`newskb stats` and the `runs` table show the hashes), and replaces its\n"
    "body, sentences, mentions and facts. One document per transaction: an\n"
    "interrupted run (Ctrl-C) leaves every document either old or new, and\n"
    "running it again goes on where it stopped.\n"
    "\n"
    "It prints, for each document that changed, the mentions added (+) and\n"
    "removed (-) per kind and the facts per predicate, then the totals.\n"
    "\n"
    "options:\n"
    "  --db FILE     knowledge base (default: $NEWSKB_DB, else ./newskb.sqlite)\n"
    "  --rules DIR   rule and dictionary folder (default: $NEWSKB_RULES, else the installed rules)\n"
    "  --all         re-extract every document, current or not\n"
    "  --quiet       totals only, no line per changed document\n"
    "\n"
    "Exit status: 0 done, 1 some documents could not be re-extracted (left as they\n"
    "were; named on stderr), 2 usage or fatal error, 130 interrupted.\n";

// What a document's extraction says, one line per mention or fact, by
// label ("figure", ..., "fact invests"); the rule ids are left out, so a
// renamed rule changes nothing.
using Signatures = std::multimap<std::string, std::string>;

Result<Signatures> ReadSignatures(KnowledgeBase* kb, int64_t doc_id) {
  Signatures sig;
  auto add = [&](const TextRow& r) { sig.emplace(r[0].value_or(""), r[1].value_or("")); };
  const std::string id = std::to_string(doc_id);
  Status s = kb->Select(
      "SELECT m.kind, m.start || '-' || m.\"end\" || ' ' || m.text || ' ' || coalesce(m.value, '') || '/' || "
      "coalesce(m.low, '') || '/' || coalesce(m.high, '') || ' ' || coalesce(m.unit, '') || ' ' || "
      "coalesce(m.qualifier, '') || ' ' || coalesce(m.date_value, '') || ' ' || coalesce(e.name, '') || ' ' || "
      "coalesce(m.policy_kind, '') FROM mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id "
      "WHERE m.doc_id = ?1",
      {id}, add);
  if (!s.ok()) return s;
  s = kb->Select(
      "SELECT 'fact ' || f.predicate, coalesce(se.name, '') || ' | ' || coalesce(oe.name, '') || ' | ' || "
      "fm.start || ' ' || fm.text || ' | ' || coalesce(dm.date_value, dm.text, '') "
      "FROM facts f LEFT JOIN entities se ON se.entity_id = f.subject_id "
      "LEFT JOIN entities oe ON oe.entity_id = f.object_id JOIN mentions fm ON fm.mention_id = f.figure_id "
      "LEFT JOIN mentions dm ON dm.mention_id = f.date_id WHERE f.doc_id = ?1",
      {id}, add);
  if (!s.ok()) return s;
  return sig;
}

struct Change {
  int64_t added = 0, removed = 0;
};

// Multiset difference of the two extractions, counted per label.
std::map<std::string, Change> Diff(const Signatures& before, const Signatures& after) {
  std::map<std::string, Change> d;
  std::map<std::pair<std::string, std::string>, int64_t> count;
  for (const auto& [k, v] : before) --count[{k, v}];
  for (const auto& [k, v] : after) ++count[{k, v}];
  for (const auto& [kv, n] : count) {
    if (n > 0) d[kv.first].added += n;
    if (n < 0) d[kv.first].removed -= n;
  }
  return d;
}

// "commodity -6; fact costs +1 -1": per label, added then removed.
std::string DescribeChange(const std::map<std::string, Change>& d) {
  std::string out;
  for (const auto& [label, c] : d) {
    out += (out.empty() ? " " : "; ") + label;
    if (c.added) out += " +" + std::to_string(c.added);
    if (c.removed) out += " -" + std::to_string(c.removed);
  }
  return out;
}


}  // namespace

int CmdReextract(int argc, char** argv) {
  std::string db = DefaultDbPath(), rules = DefaultRulesDir(), err;
  bool all = false, quiet = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) continue;
    if (TakeOption(argc, argv, &i, "--rules", &rules, &err)) continue;
    if (a == "--all") { all = true; continue; }
    if (a == "--quiet") { quiet = true; continue; }
    err = "unknown argument " + a;
  }
  if (!err.empty()) {
    std::fprintf(stderr, "newskb reextract: %s\n\n%s", err.c_str(), kHelp);
    return 2;
  }
  Result<std::string> hash = RulesHash(rules);
  if (!hash.ok()) {
    std::fprintf(stderr, "newskb reextract: %s\n", hash.status().message().c_str());
    return 2;
  }
  Result<std::shared_ptr<const PipelineContext>> ctx = LoadPipeline(rules);
  if (!ctx.ok()) {
    std::fprintf(stderr, "newskb reextract: cannot load the rules: %s\n", ctx.status().message().c_str());
    return 2;
  }
  std::shared_ptr<const Normalizer> norm = ctx.value()->normalizer;
  if (FILE* f = std::fopen(db.c_str(), "rb"); f) std::fclose(f);
  else { std::fprintf(stderr, "newskb reextract: %s: no knowledge base here (run `newskb ingest` first)\n", db.c_str()); return 2; }
  Result<std::unique_ptr<KnowledgeBase>> opened =
      KnowledgeBase::OpenForWrite(db, KbWriteOptions(ctx.value()->normalizer, ctx.value()->script));
  if (!opened.ok()) {
    std::fprintf(stderr, "newskb reextract: %s\n", opened.status().message().c_str());
    return 2;
  }
  KnowledgeBase* kb = opened.value().get();
  Result<std::vector<int64_t>> ids = kb->DocumentsToReextract(hash.value(), all);
  if (!ids.ok()) {
    std::fprintf(stderr, "newskb reextract: %s: %s\n", db.c_str(), ids.status().message().c_str());
    return 2;
  }
  if (ids.value().empty()) {
    std::printf("newskb reextract: every document is current (rules %s); nothing to do\n", hash.value().c_str());
    return 0;
  }
  std::string command = "newskb reextract";
  for (int i = 1; i < argc; ++i) command += std::string(" ") + argv[i];
  if (Status s = kb->BeginRun(command, hash.value()); !s.ok()) {
    std::fprintf(stderr, "newskb reextract: %s: %s\n", db.c_str(), s.message().c_str());
    return 2;
  }
  InterruptScope interrupt;
  // Text each source repeats, learnt in stored order as one ingest learns it.
  RepeatMemory repeats;
  uint64_t seq = 0;
  std::map<std::string, Change> total;
  int64_t done = 0, changed = 0, failed = 0;
  Status fatal;
  for (int64_t id : ids.value()) {
    if (interrupt.interrupted()) break;
    Result<StoredDocument> stored = kb->LoadDocument(id);
    Result<Signatures> before = stored.ok() ? ReadSignatures(kb, id) : Result<Signatures>(stored.status());
    if (!before.ok()) { fatal = before.status(); break; }
    Document doc = stored.value().doc;
    doc.body.clear();
    Processed p;
    if (Status s = ProcessDocument(*ctx.value(), &doc, &p, &repeats, seq++); !s.ok()) {
      ++failed;
      std::fprintf(stderr, "newskb: not re-extracted %s: %s (left as it was)\n", doc.key.c_str(), s.message().c_str());
      continue;
    }
    if (Status s = kb->ReplaceExtraction(id, doc, p.sentences, p.mentions, p.facts); !s.ok()) {
      if (s.code() == Status::Code::kIoError) { fatal = s; break; }
      ++failed;
      std::fprintf(stderr, "newskb: not re-extracted %s: %s\n", doc.key.c_str(), s.message().c_str());
      continue;
    }
    ++done;
    if (p.mentions_cut)  // stored with its first mentions, as ingest stores it: say so
      std::fprintf(stderr, "newskb: warning %s: %s\n", doc.key.c_str(), doc.warnings.back().c_str());
    Result<Signatures> after = ReadSignatures(kb, id);
    if (!after.ok()) { fatal = after.status(); break; }
    std::map<std::string, Change> d = Diff(before.value(), after.value());
    if (d.empty()) continue;
    ++changed;
    for (const auto& [label, c] : d) total[label].added += c.added, total[label].removed += c.removed;
    if (!quiet) std::printf("%s:%s\n", doc.key.c_str(), DescribeChange(d).c_str());
  }
  Result<int64_t> dropped = fatal.ok() ? kb->DropOrphanEntities() : Result<int64_t>(int64_t{0});
  const char* end = !fatal.ok() ? "failed" : interrupt.interrupted() ? "interrupted" : "finished";
  (void)kb->FinishRun(end, done);
  std::printf("newskb reextract: %lld of %zu documents re-extracted with rules %s: %lld changed, %lld unchanged%s",
              static_cast<long long>(done), ids.value().size(), hash.value().c_str(),
              static_cast<long long>(changed), static_cast<long long>(done - changed),
              failed ? (", " + std::to_string(failed) + " failed").c_str() : "");
  if (dropped.ok() && dropped.value()) std::printf("; %lld entities no longer mentioned dropped", static_cast<long long>(dropped.value()));
  std::printf("\n");
  if (!total.empty()) {
    std::printf("  %-22s %8s %8s\n", "kind", "added", "removed");
    for (const auto& [label, c] : total)
      std::printf("  %-22s %8lld %8lld\n", label.c_str(), static_cast<long long>(c.added),
                  static_cast<long long>(c.removed));
  }
  if (!fatal.ok()) {
    std::fprintf(stderr, "newskb reextract: stopped: %s (%s)\n", fatal.message().c_str(), db.c_str());
    return 2;
  }
  if (interrupt.interrupted()) {
    std::fprintf(stderr, "interrupted: %lld re-extracted; run again to resume\n", static_cast<long long>(done));
    return interrupt.exit_status();
  }
  return failed ? 1 : 0;
}

}  // namespace newskb
