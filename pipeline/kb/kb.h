// newskb/pipeline/kb/kb.h
//
// The knowledge base: one SQLite file in WAL mode, schema from schema/*.sql
// (versioned with PRAGMA user_version; an older file is migrated on open).
// The public face is ../shared/kb-contract.md: the `documents` table and the
// v_* views. This is the only module that talks to SQLite (its
// search_sql.cc is compiled again into libnewskb_sqlite.so, pipeline/sqlite_ext).
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
// Search: `documents_fts` (schema/004) is an FTS5 index of documents(title,
// text) over folded text (search_sql.h). A stored document's index row is
// written in the same batch transaction, between documents (FTS5 writes a
// segment at every savepoint), so the two commit or roll back together.
// It is an external-content index: a tool that deletes or changes
// documents rows must delete them from documents_fts too (with the
// tokenizer loaded: libnewskb_sqlite.so).
//
// Thread safety: a KnowledgeBase is used by one thread at a time.
#pragma once

#include <csignal>
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
// spaces, variant characters): Normalizer::FoldKey, passed in so this
// module needs no ICU.
using FoldFn = std::function<std::string(std::string_view)>;

// An entity's display names in Traditional (Taiwan's standard characters)
// and Simplified: ScriptConverter::Names, passed in so this module needs no
// OpenCC. `words`, when not empty, is the name in Taiwan's words (意大利政府
// -> 義大利政府): never shown, an alias by which a name written in those
// words finds the entity.
struct EntityNames {
  std::string hant, hans;
  std::string words;
};
using DisplayFn = std::function<EntityNames(std::string_view)>;

// The script a document's body is written in: "hant", "hans", or "" when
// it has no script-specific character (ScriptConverter::Detect).
using ScriptFn = std::function<std::string(std::string_view)>;

enum class AddOutcome { kStored, kDuplicate };

struct KbStats {
  int64_t documents = 0, sentences = 0, rejects = 0, entities = 0, facts = 0;
  std::map<std::string, int64_t> mentions_by_kind;
  std::map<std::string, int64_t> entities_by_kind;
  int64_t file_bytes = 0;
  int64_t search_index_bytes = 0;  // documents_fts's data; 0 before schema 4
  int schema_version = 0;
  std::vector<std::string> pipeline_versions;
  std::string display_script;        // "hant" | "hans" ("" before schema 6)
  std::string display_script_chosen_by;  // "user" | "majority"
  std::map<std::string, int64_t> documents_by_script;  // "hant", "hans", "none"
  // Entities of one kind whose names fold to one key (Stats with a fold):
  // one real-world thing stored as several. Each group lists its names.
  int64_t split_entities = 0;
  std::vector<std::vector<std::string>> split_groups;
  // Pairs of entities of one kind where one's display name has the other's
  // key: one thing in two regions' words, stored apart (schema 6).
  int64_t split_by_display_name = 0;
  std::vector<std::vector<std::string>> display_split_pairs;
  // Entities shown by the form their articles write most often rather than
  // by their official name (schema 7), and the most mentioned of them:
  // {shown name, official name}, both in the display script.
  int64_t shown_by_usage = 0;
  std::string name_choice;  // settings.names: "usage" (default) or "official"
  std::vector<std::pair<std::string, std::string>> shown_by_usage_top;
  // Entities without both display names (0 once the file is at schema 6).
  int64_t entities_without_display_names = 0;
  int64_t warnings = 0;  // rejects rows of severity 'warning' (stored with a field left NULL)
  // The newest run: id, command, status (running | finished | interrupted |
  // failed; "" before schema 5), documents stored, start time.
  struct Run {
    int64_t id = 0, stored = 0;
    std::string command, status, started_at;
  };
  std::optional<Run> last_run;
  int64_t interrupted_runs = 0;
};

// One value of a query result, with the SQLite storage class it had
// (NULL, INTEGER, REAL, TEXT or BLOB), so that output formats can keep the
// types: the TEXT '2026' is a string, the INTEGER 2026 a number.
struct Value {
  enum class Type { kNull, kInteger, kReal, kText, kBlob };
  Type type = Type::kNull;
  int64_t integer = 0;   // kInteger
  double real = 0;       // kReal
  std::string bytes;     // kText (UTF-8) or kBlob (any bytes)

  static Value Null() { return Value(); }
  static Value Integer(int64_t v) { Value x; x.type = Type::kInteger; x.integer = v; return x; }
  static Value Real(double v) { Value x; x.type = Type::kReal; x.real = v; return x; }
  static Value Text(std::string s) { Value x; x.type = Type::kText; x.bytes = std::move(s); return x; }
  static Value Blob(std::string b) { Value x; x.type = Type::kBlob; x.bytes = std::move(b); return x; }

  bool is_null() const { return type == Type::kNull; }
  // The value as text: "" for NULL, decimal for numbers (a REAL keeps a
  // ".0" or exponent, the shortest form that reads back to the same
  // double), the text itself, a BLOB as lower-case hex.
  std::string ToText() const;
  // optional-like access for code that wants text or "is it NULL":
  // `v ? *v : ""`.
  explicit operator bool() const { return !is_null(); }
  std::string operator*() const { return ToText(); }
};

// One result row of Query.
using Row = std::vector<Value>;

// Limits on one Query call (`newskb query --timeout`, Ctrl-C).
struct QueryLimits {
  double timeout_seconds = 0;                       // 0: none
  // Checked every few thousand SQLite instructions: set (from a signal
  // handler) to stop the query at once.
  const volatile std::sig_atomic_t* interrupted = nullptr;
};

// Folding of running text for the search index (Normalizer::Normalize):
// the folded text and, per folded byte, the code point of the input it
// came from; `byte_of_cp[c]` is the input byte offset of code point c
// (size: code points + 1).
struct FoldedText {
  std::string text;
  std::vector<uint32_t> cp_of_byte;
  std::vector<uint32_t> byte_of_cp;
};
using FoldTextFn = std::function<FoldedText(std::string_view)>;

struct WriteOptions {
  FoldFn fold;              // entity and alias keys; null: the name itself
  std::string fold_id;      // names `fold` (Normalizer::FoldId): a file whose
                            // keys were made by another fold is re-keyed on open
  DisplayFn display;        // null: both display names are the name as first seen
  ScriptFn script_of;       // fills documents.script of files older than schema 6
  FoldTextFn fold_text;     // the search index's folding (OpenForWrite)
};

// A stored document as re-extraction, `show` and the report read it back.
struct StoredDocument {
  int64_t doc_id = 0;
  Document doc;            // key, title, published, source, raw, body (= documents.text)
  std::string rules_hash;  // of the run that last extracted it; "" if unknown
};

// One result row of Select: column values as text (numbers in SQLite's
// text form), nullopt for NULL.
using TextRow = std::vector<std::optional<std::string>>;

class KnowledgeBase {
 public:
  ~KnowledgeBase();

  // Opens or creates `path`, sets WAL, migrates the schema to the newest
  // version. Then, in one transaction, brings older data up to the current
  // folding and naming: entity and alias keys made by another fold
  // (settings.key_fold != opts.fold_id) are re-folded and entities that then
  // share a key are merged (mentions, facts and aliases move to the oldest);
  // entities without display names get them; documents without a script
  // get one. `opts.fold` and `opts.fold_text` are also registered as SQL
  // (search_sql.h).
  static Result<std::unique_ptr<KnowledgeBase>> OpenForWrite(const std::string& path, WriteOptions opts);
  // `fold` gives entity keys; `fold_text` folds article text for the search
  // index (without it, the index holds the text unfolded: for tests only).
  static Result<std::unique_ptr<KnowledgeBase>> OpenForWrite(const std::string& path, FoldFn fold,
                                                             FoldTextFn fold_text = nullptr);
  // Opens an existing file read-only. NotFound if it does not exist. With
  // both foldings, the connection has fold() and the search tokenizer, so
  // queries may use the full-text index `documents_fts`.
  static Result<std::unique_ptr<KnowledgeBase>> OpenReadOnly(const std::string& path, FoldFn fold = nullptr,
                                                             FoldTextFn fold_text = nullptr);

  // Records a run (status 'running'); `rules_hash` (RulesHash in
  // pipeline/cli/rules_hash.h) is stored on the run and on every document it
  // stores or re-extracts.
  Status BeginRun(const std::string& command, const std::string& rules_hash = "");
  // For `newskb load`: documents stored from now on name these rules (each
  // shard record says which rules extracted it), not the run's.
  void set_rules_hash(const std::string& rules_hash) { rules_hash_ = rules_hash; }
  // Ends the run: `status` is "finished", "interrupted" or "failed";
  // `stored` the documents it stored.
  Status FinishRun(const std::string& status = "finished", int64_t stored = -1);
  Status BeginBatch();
  Status CommitBatch();

  // Stores a document with its sentences and mentions, linking named
  // mentions (organization, policy, place, commodity; Mention::name) to
  // entities by (kind, fold(name)); a name with no entity of its key joins
  // the entity it names in the other region's words (its display name
  // folds to that entity's key, or that entity's display name to its key:
  // 意大利政府 and 義大利政府 are one entity), else becomes a new one.
  // kDuplicate (nothing written) when a document with the same content
  // hash is stored. InvalidInput when the
  // doc key is already stored with different content.
  // `facts` refer to `mentions` by index; a fact with an index out of range
  // is an internal error (nothing of the document is stored).
  // `script` is the body's script ("hant", "hans", "" for neither: ScriptFn).
  Result<AddOutcome> AddDocument(const Document& doc, const std::vector<Sentence>& sentences,
                                 const std::vector<Mention>& mentions,
                                 const std::vector<Fact>& facts = {}, const std::string& script = "");
  // `severity`: "rejected" (not stored) or "warning" (stored, a field left NULL).
  Status AddReject(const std::string& source, int64_t line, const std::string& doc_key,
                   const std::string& reason, const std::string& severity = "rejected");

  // ---- re-extraction (newskb reextract): one document per transaction.
  // Ids of the documents whose rules hash is not `rules_hash` (all with
  // `all`), in doc_id order.
  Result<std::vector<int64_t>> DocumentsToReextract(const std::string& rules_hash, bool all);
  // NotFound if no such document.
  Result<StoredDocument> LoadDocument(int64_t doc_id);
  Result<StoredDocument> FindDocument(const std::string& doc_key);
  // Replaces the document's body (doc.body), sentences, mentions and facts
  // in one transaction of its own (outside any batch): all or nothing.
  // The document's run_id stays (the run that stored it); the new rows and
  // documents.rules_hash name the current run.
  Status ReplaceExtraction(int64_t doc_id, const Document& doc, const std::vector<Sentence>& sentences,
                           const std::vector<Mention>& mentions, const std::vector<Fact>& facts);
  // Drops entities (and their aliases) no mention or fact refers to any more.
  Result<int64_t> DropOrphanEntities();

  // Runs one read-only statement with `params` bound as text (?1, ?2 ...),
  // calling `row` per result row. For the read-side commands (show, report).
  Status Select(const std::string& sql, const std::vector<std::string>& params,
                const std::function<void(const TextRow&)>& row);

  // Runs `sql` (one or more statements) read-only, streaming: calls
  // `header` once with the column names of each statement, `row` per
  // result row as it is stepped (nothing is held). Refused before it runs,
  // with a message saying why: a statement that would write, ATTACH, and
  // the functions that reach outside the file or leak memory addresses
  // (load_extension, fts3_tokenizer, readfile, writefile, edit). `limits`:
  // a time limit and an interrupt flag; the Status then says which stopped it.
  Status Query(const std::string& sql, const std::function<void(const std::vector<std::string>&)>& header,
               const std::function<void(const Row&)>& row, const QueryLimits& limits = {});

  // True when a document with this content hash (ContentHash of its raw
  // input) is stored and committed. Works on a read-only connection too, so
  // an ingest's workers can skip a duplicate before extracting it (a
  // duplicate costs a hash and one index lookup, not an extraction).
  Result<bool> HasContent(const std::string& content_hash);

  // The display script: entities.name (and so every view's name, subject
  // and object) is each entity's display name in it. "hans" for a new file
  // until documents say otherwise.
  std::string display_script() const { return script_; }
  // Chooses the display script: "hant" or "hans" (the user's choice, kept
  // until changed), or "auto" (the script most stored documents use,
  // re-chosen by UpdateDisplayScript). Rewrites entities.name when the
  // script changes. InvalidInput for any other value.
  Status SetDisplayScript(const std::string& script);
  // Unless the user chose the script: makes it the one most stored
  // documents use (a tie keeps the current one) and rewrites names if it
  // changed. `newskb ingest` calls it after its last batch.
  Status UpdateDisplayScript();

  // Which name entities.name (and so every view) shows: "usage" (the
  // default: the form the entity's articles write most often,
  // display_form.h) or "official" (the gazetteer's canonical name, or the
  // fullest form of the first article: stable as the knowledge base grows).
  // Stored in the file (settings.names) and kept until changed; the counts
  // are kept either way, so switching back needs no re-ingest.
  // InvalidInput for any other value.
  Status SetNameChoice(const std::string& names);
  std::string name_choice() const { return names_by_usage_ ? "usage" : "official"; }

  // Counts; with a fold, also the entities whose names fold to one key
  // (split_entities, split_groups).
  Result<KbStats> Stats(const FoldFn& fold = nullptr);
  int schema_version() const { return schema_version_; }

 private:
  KnowledgeBase() = default;
  // How long a writer waits for another process's lock before it gives up.
  static constexpr int kBusyTimeoutMs = 10000;
  Status Exec(const char* sql);
  Status EnterWal();
  Status Prepare(const char* sql, sqlite3_stmt** st);
  Status Migrate();
  Status RunQuery(const std::string& sql, const std::function<void(const std::vector<std::string>&)>& header,
                  const std::function<void(const Row&)>& row, void* guard);
  Status RegisterSearch(FoldFn fold, FoldTextFn fold_text);
  // The entity of `kind` that a new name (key `key`, display names
  // `shown`) names in the other script's or region's words: one whose key
  // is a display name's key, or whose display name has key `key`. 0 if none.
  int64_t ByDisplayName(const std::string& kind, const std::string& key, const EntityNames& shown);
  Result<int> UserVersion();
  Result<int64_t> EntityId(const std::string& kind, const std::string& name, const std::string& alias);
  // OpenForWrite's catch-up steps (see there), each inside the caller's transaction.
  Status RefoldKeys();
  Status FillDisplayNames();
  // Merges entities one of whose display names has another's key (stored
  // before ByDisplayName joined them); the older entity stays.
  Status MergeByDisplayNames();
  Status MergeEntity(int64_t from, int64_t into);
  Status FillDocumentScripts();
  Status CatchUp(int version_before);
  Status LoadSettings();
  Status UpdateDisplayScriptIn();
  Status AddDisplayAliases(int64_t id, const EntityNames& n);
  EntityNames DisplayNamesOf(const std::string& name) const;
  std::string Key(std::string_view s) const;
  Status PutSetting(const char* key, const std::string& value);
  Status RewriteNames();
  // ---- shown names (schema 7, display_form.h): counts of each entity's
  // surface forms, kept as documents come and go, and the form shown.
  // Indicators are not counted (they keep the gazetteer's name): their
  // mentions span the phrase around the name (全國固定資產投資,
  // 社會融資規模存量), not another name for it.
  // Adds `forms` ((entity, surface text) -> mentions, negative to remove)
  // to entity_forms and marks the entities, and those whose shown name has
  // one of these keys (it may have become ambiguous), for ChooseShownNames.
  Status AddFormCounts(const std::map<std::pair<int64_t, std::string>, int64_t>& forms);
  // Re-chooses the shown name of every marked entity; rewrites its name.
  Status ChooseShownNames();
  Status ChooseShownName(int64_t entity_id);
  // Rebuilds entity_forms from the mentions and re-chooses every shown
  // name (a file older than schema 7, or after entities were merged).
  Status RebuildForms();
  // Inserts the sentences, mentions and facts of stored document `doc_id`
  // (inside the caller's savepoint); on error the caller rolls back.
  // Replaces the search index row of `doc_id` when its title or body changes.
  Status ReindexForSearch(int64_t doc_id, const Document& doc);
  Status InsertExtraction(int64_t doc_id, const Document& doc, const std::vector<Sentence>& sentences,
                          const std::vector<Mention>& mentions, const std::vector<Fact>& facts);
  std::string Err(const char* what) const;

  sqlite3* db_ = nullptr;
  WriteOptions opts_;
  std::string script_ = "hans";     // display script
  bool script_by_user_ = false;
  bool names_by_usage_ = true;      // settings.names: usage | official
  bool refilled_ = false;           // CatchUp made display names or keys anew
  std::string key_fold_;            // settings.key_fold: the fold the stored keys were made with
  int schema_version_ = 0;
  int64_t run_id_ = 0;
  std::string rules_hash_;
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
  // Surface forms of the entity mentions of the document being inserted,
  // then of the open batch (merged when the document's savepoint is
  // released), written to entity_forms at CommitBatch; and the entities
  // whose shown name is to be chosen again.
  std::map<std::pair<int64_t, std::string>, int64_t> doc_forms_, batch_forms_;
  std::unordered_set<int64_t> dirty_names_;
  sqlite3_stmt* Stmt(const char* sql);
  // After a rollback: cached entity ids and aliases may name rows that are gone.
  void ClearCaches() {
    entity_cache_.clear();
    alias_cache_.clear();
  }
  // Stored documents of the open batch not yet in documents_fts; indexed
  // by CommitBatch, or as soon as they hold kPendingFtsBytes. Dropped with
  // the batch when it rolls back.
  struct PendingFts {
    int64_t doc_id;
    std::string title, text;
  };
  static constexpr size_t kPendingFtsBytes = 8 << 20;
  std::vector<PendingFts> pending_fts_;
  size_t pending_fts_bytes_ = 0;
  Status FlushSearchIndex();
  // Indexes one document's title and text (`text` is not copied).
  Status IndexForSearch(int64_t doc_id, const std::string& title, std::string_view text);
};

}  // namespace newskb
