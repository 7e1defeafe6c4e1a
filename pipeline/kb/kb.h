// newskb/pipeline/kb/kb.h
//
// The knowledge base: one SQLite file in WAL mode, schema from schema/*.sql
// (versioned with PRAGMA user_version; an older file is migrated on open).
// The public face is ../shared/kb-contract.md: the `documents` table and the
// v_* views. This is the only module that talks to SQLite.
//
// Writing (one writer per file; SQLite's lock refuses a second):
//   auto kb = KnowledgeBase::OpenForWrite("newskb.sqlite", fold);
//   kb->BeginRun("newskb ingest corpus/");
//   kb->BeginBatch();
//   Result<AddOutcome> r = kb->AddDocument(doc, sentences, mentions);
//   kb->CommitBatch();       // every ~200 documents
//   kb->FinishRun();
// A document goes in with all its rows or not at all (a SAVEPOINT per
// document inside the batch transaction; contract invariant 3). Readers see
// whole batches only (invariant 4: WAL lets them read while we write).
//
// Reading: OpenReadOnly + Query, which refuses any statement that writes.
//
// Thread safety: a KnowledgeBase is used by one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/text/document.h"
#include "pipeline/text/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace newskb {

// Folds a name to its entity key (NFKC, Traditional->Simplified, case,
// spaces): Normalizer::FoldKey, passed in so this module needs no ICU.
using FoldFn = std::function<std::string(std::string_view)>;

enum class AddOutcome { kStored, kDuplicate };

struct KbStats {
  int64_t documents = 0, sentences = 0, rejects = 0, entities = 0, facts = 0;
  std::map<std::string, int64_t> mentions_by_kind;
  std::map<std::string, int64_t> entities_by_kind;
  int64_t file_bytes = 0;
  int schema_version = 0;
  std::vector<std::string> pipeline_versions;
};

// One result row of Query: column values as text, nullopt for NULL.
using Row = std::vector<std::optional<std::string>>;

class KnowledgeBase {
 public:
  ~KnowledgeBase();

  // Opens or creates `path`, sets WAL, migrates the schema to the newest version.
  static Result<std::unique_ptr<KnowledgeBase>> OpenForWrite(const std::string& path, FoldFn fold);
  // Opens an existing file read-only. NotFound if it does not exist.
  static Result<std::unique_ptr<KnowledgeBase>> OpenReadOnly(const std::string& path);

  Status BeginRun(const std::string& command);
  Status FinishRun();
  Status BeginBatch();
  Status CommitBatch();

  // Stores a document with its sentences and mentions, linking named
  // mentions (organization, policy, place, commodity; Mention::name) to
  // entities by (kind, fold(name)). kDuplicate (nothing written) when a
  // document with the same content hash is stored. InvalidInput when the
  // doc key is already stored with different content.
  // `facts` refer to `mentions` by index; a fact with an index out of range
  // is an internal error (nothing of the document is stored).
  Result<AddOutcome> AddDocument(const Document& doc, const std::vector<Sentence>& sentences,
                                 const std::vector<Mention>& mentions,
                                 const std::vector<Fact>& facts = {});
  Status AddReject(const std::string& source, int64_t line, const std::string& doc_key,
                   const std::string& reason);

  // Runs `sql` (one or more statements) read-only. Calls `header` once with
  // the column names of each statement, `row` per result row. A statement
  // that would write is refused before it runs.
  Status Query(const std::string& sql, const std::function<void(const std::vector<std::string>&)>& header,
               const std::function<void(const Row&)>& row);

  // True when a document with this content hash (ContentHash of its raw
  // input) is stored and committed. Works on a read-only connection too, so
  // an ingest's workers can skip a duplicate before extracting it (a
  // duplicate costs a hash and one index lookup, not an extraction).
  Result<bool> HasContent(const std::string& content_hash);

  Result<KbStats> Stats();
  int schema_version() const { return schema_version_; }

 private:
  KnowledgeBase() = default;
  Status Exec(const char* sql);
  Status Prepare(const char* sql, sqlite3_stmt** st);
  Status Migrate();
  Result<int64_t> EntityId(const std::string& kind, const std::string& name, const std::string& alias);
  std::string Err(const char* what) const;

  sqlite3* db_ = nullptr;
  FoldFn fold_;
  int schema_version_ = 0;
  int64_t run_id_ = 0;
  bool in_batch_ = false;
  // Prepared statements by the address of their SQL literal (every call
  // site passes a string literal; one site, one statement).
  std::unordered_map<const char*, sqlite3_stmt*> stmts_;
  // Entity ids by (kind, key), so a repeated name skips its SELECT. Bounded:
  // cleared at a commit once it holds kMaxCachedEntities, so memory stays
  // flat on corpora with millions of distinct names.
  static constexpr size_t kMaxCachedEntities = 50000;
  std::map<std::pair<std::string, std::string>, int64_t> entity_cache_;
  // (entity id, alias key) pairs stored in this batch: a repeated alias
  // skips its INSERT OR IGNORE. Cleared at every commit and rollback.
  std::unordered_set<std::string> alias_cache_;
  sqlite3_stmt* Stmt(const char* sql);
  // After a rollback: cached entity ids and aliases may name rows that are gone.
  void ClearCaches() {
    entity_cache_.clear();
    alias_cache_.clear();
  }
};

}  // namespace newskb
