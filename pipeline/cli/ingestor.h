// newskb/pipeline/cli/ingestor.h
//
// The writing end shared by `newskb ingest` and `newskb load`: stores
// processed documents and rejects, in the order it is handed them, on one
// KnowledgeBase (one SQLite connection), commits every `batch` documents,
// counts, shows progress on stderr and prints the closing summary line.
//
//   Ingestor ing("newskb load", kb, 200, /*progress=*/false, /*total_bytes=*/0);
//   ing.Store(doc, processed, Status::Ok());   // or StoreReject / KnownDuplicate
//   ing.Commit();
//   ing.Summary();                             // "newskb load: 3 ingested, ..."
//   if (!ing.fatal().ok()) ...                  // the knowledge base failed: stop
//
// A bad document (InvalidInput from the pipeline or from the knowledge base)
// is reported on stderr as `newskb: rejected WHERE (ID): reason`, recorded
// in the `rejects` table, and counted; the batch goes on.
// Thread safety: one thread at a time.
#pragma once

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <utility>

#include "pipeline/process/process.h"
#include "pipeline/io/reader.h"
#include "pipeline/kb/kb.h"
#include "pipeline/cli/interrupt.h"
#include "pipeline/cli/search_folding.h"

namespace newskb {

// How the knowledge base folds keys and text, makes display names and finds
// a document's script, from the pipeline's normaliser and script tables
// (the same for `ingest` and `load`, so both store the same names).
inline WriteOptions KbWriteOptions(std::shared_ptr<const Normalizer> norm,
                                   std::shared_ptr<const ScriptConverter> sc) {
  WriteOptions o;
  o.fold = KeyFolding(norm);
  o.fold_text = TextFolding(norm);
  o.fold_id = norm->FoldId();
  o.display = [sc](std::string_view s) {
    DisplayNames n = sc->Names(s);
    return EntityNames{std::move(n.hant), std::move(n.hans), std::move(n.hant_words)};
  };
  o.script_of = [sc](std::string_view text) -> std::string {
    std::optional<Script> s = sc->Detect(text);
    return s ? ScriptName(*s) : "";
  };
  return o;
}


class Ingestor {
 public:
  // `interrupt` (may be null): once it is raised, documents still in flight
  // are dropped unstored (the next run reads them again) and the caller
  // commits the current batch.
  Ingestor(std::string command, KnowledgeBase* kb, int batch, bool progress, uint64_t total,
           const InterruptScope* interrupt = nullptr)
      : command_(std::move(command)), kb_(kb), batch_(batch), progress_(progress), total_(total),
        interrupt_(interrupt), t0_(std::chrono::steady_clock::now()) {}

  void Store(Document& doc, const Processed& p, const Status& processed) {
    if (Interrupted()) return;
    bytes_ += doc.input_bytes;
    if (!fatal_.ok()) return;
    if (!processed.ok()) {
      Reject(doc.origin, doc.key, processed.message());
      return;
    }
    if (Status s = kb_->BeginBatch(); !s.ok()) { fatal_ = s; return; }
    Result<AddOutcome> r = kb_->AddDocument(doc, p.sentences, p.mentions, p.facts, p.script);
    if (!r.ok()) {
      if (r.status().code() == Status::Code::kInvalidInput) Reject(doc.origin, doc.key, r.status().message());
      else fatal_ = r.status();
      return;
    }
    if (r.value() == AddOutcome::kDuplicate) {
      ++pending_.duplicates;
    } else {
      ++pending_.stored;
      if (p.mentions_cut) ++pending_.cut;
      for (const Mention& m : p.mentions) ++pending_.by_kind[MentionKindName(m.kind)];
      for (const std::string& w : doc.warnings) Warn(doc.origin, doc.key, w);
    }
    if (++in_batch_ >= batch_) Commit();
    Progress(false);
  }

  // A document found stored before extraction (KnowledgeBase::HasContent).
  void KnownDuplicate(const Document& doc) {
    bytes_ += doc.input_bytes;
    ++duplicates_;
    Progress(false);
  }

  void StoreReject(const newskb::Reject& r) {
    if (Interrupted()) return;
    std::string where = r.line ? r.source + ":" + std::to_string(r.line) : r.source;
    Reject(where, r.doc_key, r.reason, r.source, r.line);
  }

  // A document the pipeline refused, at `where` ("path" or "path:line").
  void RejectAt(const std::string& where, const std::string& key, const std::string& reason) {
    Reject(where, key, reason);
  }

  void Skipped() { ++skipped_; }

  // Commits the open batch; only then do its documents count as stored.
  void Commit() {
    if (!fatal_.ok()) return;
    if (Status s = kb_->CommitBatch(); !s.ok()) {
      fatal_ = s;
      return;
    }
    stored_ += pending_.stored;
    duplicates_ += pending_.duplicates;
    cut_ += pending_.cut;
    for (const auto& [kind, n] : pending_.by_kind) by_kind_[kind] += n;
    pending_ = {};
    in_batch_ = 0;
  }

  void Progress(bool force) {
    if (!progress_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - t0_).count();
    double mb = bytes_ / 1e6, rate = secs > 0 ? mb / secs : 0;
    char eta[48] = "";
    if (total_ > 0 && rate > 0 && bytes_ <= total_)
      std::snprintf(eta, sizeof eta, "  ETA %.0fs", (total_ - bytes_) / 1e6 / rate);
    std::fprintf(stderr, "\r\033[K%lld docs  %.1f MB  %.1f MB/s  %.0fs elapsed%s",
                 static_cast<long long>(stored_ + duplicates_ + pending_.stored + pending_.duplicates + rejected_),
                 mb, rate, secs, eta);
    std::fflush(stderr);
  }

  void Summary() {
    if (progress_) std::fprintf(stderr, "\r\033[K");
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
    std::string kinds;
    for (const char* k : {"figure", "date", "organization", "policy", "place", "commodity", "indicator", "project", "actor"}) {
      auto it = by_kind_.find(k);
      if (it == by_kind_.end()) continue;
      kinds += (kinds.empty() ? "" : ", ") + std::to_string(it->second) + " " + k;
    }
    if (kinds.empty()) kinds = "none";
    std::fprintf(stderr,
                 "%s: %lld ingested, %lld duplicates, %lld rejected%s%s%s; mentions: %s; "
                 "%.1f MB in %.2f s (%.1f MB/s)\n",
                 command_.c_str(), static_cast<long long>(stored_), static_cast<long long>(duplicates_),
                 static_cast<long long>(rejected_),
                 warnings_ ? (", " + std::to_string(warnings_) + " warnings").c_str() : "",
                 cut_ ? (", " + std::to_string(cut_) + " cut at the mention limit").c_str() : "",
                 skipped_ ? (", " + std::to_string(skipped_) + " other files skipped").c_str() : "",
                 kinds.c_str(), bytes_ / 1e6, secs, secs > 0 ? bytes_ / 1e6 / secs : 0.0);
    // After a fatal stop the open batch was rolled back: its documents were
    // read and extracted but are not in the knowledge base.
    if (!fatal_.ok() && pending_.stored + pending_.duplicates > 0)
      std::fprintf(stderr, "%s: %lld documents of the unfinished batch were rolled back, not stored\n",
                   command_.c_str(), static_cast<long long>(pending_.stored + pending_.duplicates));
  }

  int64_t rejected() const { return rejected_; }
  // Stored documents whose mentions were cut at the limit (Processed::mentions_cut).
  int64_t cut() const { return cut_; }
  int64_t stored() const { return stored_; }
  const Status& fatal() const { return fatal_; }

 private:
  bool Interrupted() const { return interrupt_ && interrupt_->interrupted(); }

  // A stored document with a field left NULL: stderr and `rejects`, severity 'warning'.
  void Warn(const std::string& where, const std::string& key, const std::string& what) {
    ++warnings_;
    if (progress_) std::fprintf(stderr, "\r\033[K");
    std::fprintf(stderr, "newskb: warning %s%s: %s\n", where.c_str(), key.empty() ? "" : (" (" + key + ")").c_str(),
                 what.c_str());
    std::string source = where;
    int64_t line = 0;
    size_t c = where.rfind(':');
    if (c != std::string::npos && c + 1 < where.size() &&
        where.find_first_not_of("0123456789", c + 1) == std::string::npos) {
      source = where.substr(0, c);
      line = std::stoll(where.substr(c + 1));
    }
    if (Status s = kb_->AddReject(source, line, key, what, "warning"); !s.ok()) fatal_ = s;
  }

  void Reject(const std::string& where, const std::string& key, const std::string& reason,
              std::string source = "", int64_t line = -1) {
    ++rejected_;
    if (progress_) std::fprintf(stderr, "\r\033[K");
    std::fprintf(stderr, "newskb: rejected %s%s: %s\n", where.c_str(),
                 key.empty() ? "" : (" (" + key + ")").c_str(), reason.c_str());
    if (source.empty()) {  // "path:line" from a Document's origin
      source = where;
      line = 0;
      size_t c = where.rfind(':');
      if (c != std::string::npos && c + 1 < where.size() &&
          where.find_first_not_of("0123456789", c + 1) == std::string::npos) {
        source = where.substr(0, c);
        line = std::stoll(where.substr(c + 1));
      }
    }
    if (!fatal_.ok()) return;
    if (Status s = kb_->BeginBatch(); !s.ok()) { fatal_ = s; return; }
    if (Status s = kb_->AddReject(source, line, key, reason); !s.ok()) fatal_ = s;
  }

  std::string command_;
  KnowledgeBase* kb_;
  int batch_;
  bool progress_;
  uint64_t total_;
  const InterruptScope* interrupt_;
  uint64_t bytes_ = 0;
  int64_t stored_ = 0, duplicates_ = 0, rejected_ = 0, skipped_ = 0, warnings_ = 0, cut_ = 0;
  int in_batch_ = 0;
  std::map<std::string, int64_t> by_kind_;
  // Counts of the open batch, added to the totals when it commits.
  struct Pending {
    int64_t stored = 0, duplicates = 0, cut = 0;
    std::map<std::string, int64_t> by_kind;
  } pending_;
  Status fatal_;
  std::chrono::steady_clock::time_point t0_, last_;
};

}  // namespace newskb
