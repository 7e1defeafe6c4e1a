#include "pipeline/kb/kb.h"
#include "pipeline/kb/display_form.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "pipeline/kb/migrations.h"
#include "pipeline/kb/search_sql.h"
#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

void BindText(sqlite3_stmt* st, int i, std::string_view s) {
  sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}
// A large text that outlives the statement's step (a document's body or
// raw): bound without SQLite's copy (SQLITE_STATIC); the caller unbinds it
// (sqlite3_bind_null) after the step, so a cached statement never keeps a
// pointer to it. For a 31 MiB article that is 31 MB less a binding.
void BindLargeText(sqlite3_stmt* st, int i, std::string_view s) {
  sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
}
// documents.raw is the input as given: TEXT when it is UTF-8, else (a web
// page in Big5, GBK...) a BLOB of its bytes, which SQLite keeps unchanged
// in the TEXT-affinity column. Only web pages may be other than UTF-8 (the
// reader validates every text), so a BLOB raw reads back as a web page.
// Bound like BindLargeText: not copied, unbound by the caller after the step.
void BindRaw(sqlite3_stmt* st, int i, std::string_view s) {
  if (ValidateUtf8(s).ok()) { BindLargeText(st, i, s); return; }
  sqlite3_bind_blob64(st, i, s.data(), s.size(), SQLITE_STATIC);
}

std::string ColumnText(sqlite3_stmt* st, int i) {
  const unsigned char* t = sqlite3_column_text(st, i);
  return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(st, i)) : std::string();
}

void BindTextOrNull(sqlite3_stmt* st, int i, const std::string& s) {
  if (s.empty()) sqlite3_bind_null(st, i); else BindText(st, i, s);
}
void BindOpt(sqlite3_stmt* st, int i, const std::optional<double>& v) {
  if (v) sqlite3_bind_double(st, i, *v); else sqlite3_bind_null(st, i);
}

bool IsEntityKind(MentionKind k) {
  return k == MentionKind::kOrganization || k == MentionKind::kPolicy || k == MentionKind::kPlace ||
         k == MentionKind::kCommodity || k == MentionKind::kIndicator ||
         k == MentionKind::kProject || k == MentionKind::kActor;
}

// Unfolded text as a FoldedText: the search index without a Normalizer (tests).
FoldedText IdentityFold(std::string_view s) {
  FoldedText f;
  f.text = std::string(s);
  f.cp_of_byte.reserve(s.size() + 1);
  uint32_t cp = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++cp;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) f.byte_of_cp.push_back(static_cast<uint32_t>(i));
    f.cp_of_byte.push_back(cp);
  }
  f.cp_of_byte.push_back(static_cast<uint32_t>(f.byte_of_cp.size()));
  f.byte_of_cp.push_back(static_cast<uint32_t>(s.size()));
  return f;
}

// Functions a query may not call: they reach outside the file (extensions,
// files, an editor) or reveal memory addresses (fts3_tokenizer).
const char* const kDeniedFunctions[] = {"load_extension", "fts3_tokenizer", "readfile", "writefile", "edit"};

struct QueryGuard {
  std::string refused;  // why the authorizer said no, for the message
  std::chrono::steady_clock::time_point deadline;
  bool has_deadline = false;
  double timeout_seconds = 0;
  bool timed_out = false;
  const volatile std::sig_atomic_t* interrupted = nullptr;
};

int Authorize(void* p, int action, const char* a, const char* b, const char*, const char*) {
  auto* g = static_cast<QueryGuard*>(p);
  if (action == SQLITE_FUNCTION && b) {
    for (const char* f : kDeniedFunctions)
      if (sqlite3_stricmp(b, f) == 0) {
        g->refused = std::string("the function ") + f + "() is not allowed in `newskb query` (" +
                     (std::string(f) == "fts3_tokenizer" ? "it reveals memory addresses" : "it reaches outside the file") +
                     ")";
        return SQLITE_DENY;
      }
  }
  if (action == SQLITE_ATTACH || action == SQLITE_DETACH) {
    g->refused = "ATTACH and DETACH are not allowed in `newskb query` (it reads one knowledge base)";
    return SQLITE_DENY;
  }
  return SQLITE_OK;
}

int Progress(void* p) {
  auto* g = static_cast<QueryGuard*>(p);
  if (g->interrupted && *g->interrupted) return 1;
  if (g->has_deadline && std::chrono::steady_clock::now() > g->deadline) {
    g->timed_out = true;
    return 1;
  }
  return 0;
}

Value ColumnValue(sqlite3_stmt* st, int i) {
  switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: return Value::Integer(sqlite3_column_int64(st, i));
    case SQLITE_FLOAT: return Value::Real(sqlite3_column_double(st, i));
    case SQLITE_TEXT: {
      const unsigned char* t = sqlite3_column_text(st, i);
      return Value::Text(std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(st, i)));
    }
    case SQLITE_BLOB: {
      const void* b = sqlite3_column_blob(st, i);
      int n = sqlite3_column_bytes(st, i);
      return Value::Blob(n ? std::string(static_cast<const char*>(b), n) : std::string());
    }
    default: return Value::Null();
  }
}

}  // namespace

std::string Value::ToText() const {
  switch (type) {
    case Type::kNull: return "";
    case Type::kInteger: return std::to_string(integer);
    case Type::kReal: {
      if (std::isinf(real)) return real > 0 ? "Inf" : "-Inf";
      if (std::isnan(real)) return "NaN";
      char buf[40];
      for (int prec = 15; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*g", prec, real);
        if (std::strtod(buf, nullptr) == real) break;
      }
      std::string out = buf;
      if (out.find_first_of(".e") == std::string::npos) out += ".0";
      return out;
    }
    case Type::kText: return bytes;
    case Type::kBlob: {
      static const char kHex[] = "0123456789abcdef";
      std::string out;
      out.reserve(bytes.size() * 2);
      for (unsigned char c : bytes) { out += kHex[c >> 4]; out += kHex[c & 15]; }
      return out;
    }
  }
  return "";
}

KnowledgeBase::~KnowledgeBase() {
  for (auto& [sql, st] : stmts_) sqlite3_finalize(st);
  if (db_) {
    if (in_batch_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
  }
}

std::string KnowledgeBase::Err(const char* what) const {
  return std::string(what) + ": " + (db_ ? sqlite3_errmsg(db_) : "no database");
}

Status KnowledgeBase::Exec(const char* sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string m = msg ? msg : "unknown error";
    sqlite3_free(msg);
    return Status::IoError(m);
  }
  return Status::Ok();
}

// Switching a new file to WAL needs the exclusive lock. When another
// process opening the same new file holds a lock at that moment, SQLite
// may answer SQLITE_BUSY at once without calling the busy handler (it
// would be a deadlock to wait while holding a shared lock), so the switch
// is retried here for as long as the busy timeout would have waited.
Status KnowledgeBase::EnterWal() {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (int attempt = 0;; ++attempt) {
    Status s = Exec("PRAGMA journal_mode=WAL");
    if (s.ok()) return s;
    int code = sqlite3_errcode(db_);
    if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || Clock::now() >= deadline)
      return s.WithContext("switching to write-ahead logging");
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(50, 1 + attempt * 5)));
  }
}

sqlite3_stmt* KnowledgeBase::Stmt(const char* sql) {
  auto it = stmts_.find(sql);
  if (it != stmts_.end()) {
    sqlite3_reset(it->second);
    sqlite3_clear_bindings(it->second);
    return it->second;
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK) return nullptr;
  stmts_[sql] = st;
  return st;
}

Result<int> KnowledgeBase::UserVersion() {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &st, nullptr) != SQLITE_OK)
    return Status::IoError(Err("reading the schema version"));
  int rc = sqlite3_step(st);
  int v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW) return Status::IoError(Err("reading the schema version"));
  return v;
}

// The version is read under the write lock (BEGIN IMMEDIATE): two ingests
// opening a new file at once must not both see version 0 and both create
// the tables; the second waits for the lock (busy timeout), then reads the
// version the first one wrote and has nothing to do.
Status KnowledgeBase::Migrate() {
  const auto& migs = Migrations();
  int newest = migs.empty() ? 0 : migs.back().version;
  Result<int> seen = UserVersion();  // without the lock: the common case, nothing to do
  if (!seen.ok()) return seen.status();
  if (seen.value() < newest) {
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s.WithContext("migrating the schema");
    seen = UserVersion();
    if (!seen.ok()) { Exec("ROLLBACK"); return seen.status(); }
    int v = seen.value();
    for (const Migration& m : migs) {
      if (m.version <= v) continue;
      if (Status s = Exec(m.sql); !s.ok()) {
        Exec("ROLLBACK");
        return s.WithContext(std::string("schema migration ") + m.name);
      }
    }
    if (v < newest) {
      std::string pv = "PRAGMA user_version = " + std::to_string(newest);
      if (Status s = Exec(pv.c_str()); !s.ok()) { Exec("ROLLBACK"); return s; }
    }
    if (Status s = Exec("COMMIT"); !s.ok()) { Exec("ROLLBACK"); return s.WithContext("migrating the schema"); }
  }
  if (seen.value() > newest)
    return Status::InvalidInput("the knowledge base has schema version " + std::to_string(seen.value()) +
                                ", newer than this newskb understands (" + std::to_string(newest) +
                                "); use a newer newskb");
  schema_version_ = newest;
  return Status::Ok();
}

Status KnowledgeBase::RegisterSearch(FoldFn fold, FoldTextFn fold_text) {
  auto folding = std::make_shared<SearchFolding>();
  folding->key = fold ? std::move(fold) : [](std::string_view s) { return std::string(s); };
  folding->text = fold_text ? std::move(fold_text) : IdentityFold;
  std::string error;
  if (!RegisterSearchSql(db_, std::move(folding), &error)) return Status::Internal(error);
  return Status::Ok();
}

Result<std::unique_ptr<KnowledgeBase>> KnowledgeBase::OpenForWrite(const std::string& path, FoldFn fold,
                                                                   FoldTextFn fold_text) {
  WriteOptions o;
  o.fold = std::move(fold);
  o.fold_text = std::move(fold_text);
  return OpenForWrite(path, std::move(o));
}

Result<std::unique_ptr<KnowledgeBase>> KnowledgeBase::OpenForWrite(const std::string& path, WriteOptions opts) {
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  kb->opts_ = std::move(opts);
  if (sqlite3_open_v2(path.c_str(), &kb->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    return Status::IoError(path + ": " + kb->Err("cannot open the knowledge base"));
  sqlite3_busy_timeout(kb->db_, kBusyTimeoutMs);
  if (Status s = kb->RegisterSearch(kb->opts_.fold, kb->opts_.fold_text); !s.ok()) return s.WithContext(path);
  if (Status s = kb->EnterWal(); !s.ok()) return s.WithContext(path);
  if (Status s = kb->Exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=10000;");
      !s.ok())
    return s.WithContext(path);
  int before = 0;
  if (sqlite3_stmt* st = kb->Stmt("PRAGMA user_version")) {
    if (sqlite3_step(st) == SQLITE_ROW) before = sqlite3_column_int(st, 0);
    sqlite3_reset(st);  // no read snapshot left open
  }
  if (Status s = kb->Migrate(); !s.ok()) return s.WithContext(path);
  if (Status s = kb->CatchUp(before); !s.ok()) return s.WithContext(path);
  return kb;
}

Status KnowledgeBase::CatchUp(int version_before) {
  if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s.WithContext("opening the knowledge base");
  auto steps = [&]() -> Status {
    if (Status s = LoadSettings(); !s.ok()) return s;
    if (opts_.fold && !opts_.fold_id.empty() && key_fold_ != opts_.fold_id) {
      if (Status s = RefoldKeys(); !s.ok()) return s.WithContext("re-folding entity keys");
      if (Status s = PutSetting("key_fold", opts_.fold_id); !s.ok()) return s;
    }
    if (Status s = FillDisplayNames(); !s.ok()) return s.WithContext("making display names");
    if (refilled_)
      if (Status s = MergeByDisplayNames(); !s.ok()) return s.WithContext("merging entities");
    if (Status s = PutSetting("script", script_); !s.ok()) return s;
    if (Status s = PutSetting("script_chosen_by", script_by_user_ ? "user" : "majority"); !s.ok()) return s;
    if (version_before < 6 && opts_.script_of)
      if (Status s = FillDocumentScripts(); !s.ok()) return s.WithContext("finding document scripts");
    if (version_before < 7 || refilled_)
      if (Status s = RebuildForms(); !s.ok()) return s.WithContext("counting the forms of entity names");
    return RewriteNames();
  };
  if (Status s = steps(); !s.ok()) {
    (void)Exec("ROLLBACK");
    ClearCaches();
    return s;
  }
  return Exec("COMMIT");
}

Status KnowledgeBase::LoadSettings() {
  sqlite3_stmt* st = Stmt("SELECT key, value FROM settings");
  if (!st) return Status::IoError(Err("reading settings"));
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string k = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    std::string v = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
    if (k == "script" && (v == "hant" || v == "hans")) script_ = v;
    else if (k == "script_chosen_by") script_by_user_ = v == "user";
    else if (k == "key_fold") key_fold_ = v;
    else if (k == "names") names_by_usage_ = v != "official";
  }
  return Status::Ok();
}

Status KnowledgeBase::PutSetting(const char* key, const std::string& value) {
  sqlite3_stmt* st = Stmt("INSERT OR REPLACE INTO settings(key, value) VALUES (?,?)");
  if (!st) return Status::IoError(Err("preparing a setting"));
  BindText(st, 1, key);
  BindText(st, 2, value);
  if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("storing a setting"));
  return Status::Ok();
}

EntityNames KnowledgeBase::DisplayNamesOf(const std::string& name) const {
  if (opts_.display) return opts_.display(name);
  return {name, name};
}

std::string KnowledgeBase::Key(std::string_view s) const {
  std::string k = opts_.fold ? opts_.fold(s) : std::string(s);
  return k.empty() ? std::string(s) : k;
}

Status KnowledgeBase::RewriteNames() {
  // ?2 = 1: the shown name (names by usage), else the official one.
  sqlite3_stmt* st = Stmt(
      "UPDATE entities SET name = CASE WHEN ?1 = 'hant' THEN coalesce(iif(?2, shown_hant, NULL), name_hant, name) "
      "ELSE coalesce(iif(?2, shown_hans, NULL), name_hans, name) END "
      "WHERE name IS NOT (CASE WHEN ?1 = 'hant' THEN coalesce(iif(?2, shown_hant, NULL), name_hant, name) "
      "ELSE coalesce(iif(?2, shown_hans, NULL), name_hans, name) END)");
  if (!st) return Status::IoError(Err("preparing the name rewrite"));
  BindText(st, 1, script_);
  sqlite3_bind_int(st, 2, names_by_usage_ ? 1 : 0);
  if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("rewriting entity names"));
  return Status::Ok();
}

Status KnowledgeBase::AddFormCounts(const std::map<std::pair<int64_t, std::string>, int64_t>& forms) {
  for (const auto& [form, n] : forms) {
    if (n == 0) continue;
    const auto& [id, text] = form;
    const std::string key = Key(text);
    sqlite3_stmt* st = Stmt(
        "INSERT INTO entity_forms(entity_id, key, form, n) VALUES (?,?,?,?) "
        "ON CONFLICT(entity_id, key) DO UPDATE SET n = n + excluded.n");
    if (!st) return Status::IoError(Err("preparing the form counts"));
    sqlite3_bind_int64(st, 1, id);
    BindText(st, 2, key);
    BindText(st, 3, text);
    sqlite3_bind_int64(st, 4, n);
    if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("counting the forms of entity names"));
    if (n < 0) {
      st = Stmt("DELETE FROM entity_forms WHERE entity_id = ? AND key = ? AND n <= 0");
      sqlite3_bind_int64(st, 1, id);
      BindText(st, 2, key);
      if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("counting the forms of entity names"));
    }
    dirty_names_.insert(id);
    // An entity shown by this key may have lost it to ambiguity (the key is
    // now an alias of `id` too).
    st = Stmt("SELECT entity_id FROM entities WHERE shown_key = ? AND entity_id != ?");
    BindText(st, 1, key);
    sqlite3_bind_int64(st, 2, id);
    while (sqlite3_step(st) == SQLITE_ROW) dirty_names_.insert(sqlite3_column_int64(st, 0));
    sqlite3_reset(st);
  }
  return Status::Ok();
}

Status KnowledgeBase::ChooseShownNames() {
  std::vector<int64_t> ids(dirty_names_.begin(), dirty_names_.end());
  dirty_names_.clear();
  std::sort(ids.begin(), ids.end());
  for (int64_t id : ids)
    if (Status s = ChooseShownName(id); !s.ok()) return s;
  return Status::Ok();
}

Status KnowledgeBase::ChooseShownName(int64_t entity_id) {
  sqlite3_stmt* st = Stmt("SELECT key, shown_key FROM entities WHERE entity_id = ?");
  if (!st) return Status::IoError(Err("reading an entity"));
  sqlite3_bind_int64(st, 1, entity_id);
  if (sqlite3_step(st) != SQLITE_ROW) { sqlite3_reset(st); return Status::Ok(); }  // dropped
  const std::string official_key = ColumnText(st, 0), was = ColumnText(st, 1);
  sqlite3_reset(st);
  std::vector<FormCount> forms;
  st = Stmt("SELECT key, form, n FROM entity_forms WHERE entity_id = ? AND n > 0");
  sqlite3_bind_int64(st, 1, entity_id);
  while (sqlite3_step(st) == SQLITE_ROW)
    forms.push_back({ColumnText(st, 0), ColumnText(st, 1), sqlite3_column_int64(st, 2), false});
  sqlite3_reset(st);
  for (FormCount& f : forms) {
    if (f.key == official_key) continue;
    st = Stmt("SELECT 1 FROM aliases WHERE key = ? AND entity_id != ? LIMIT 1");
    BindText(st, 1, f.key);
    sqlite3_bind_int64(st, 2, entity_id);
    f.ambiguous = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
  }
  const int i = ChooseDisplayForm(forms, official_key);
  if (i < 0 && was.empty()) return Status::Ok();  // the official name, as before
  if (i < 0) {
    st = Stmt(
        "UPDATE entities SET shown_hant = NULL, shown_hans = NULL, shown_key = NULL, "
        "name = CASE WHEN ?2 = 'hant' THEN coalesce(name_hant, name) ELSE coalesce(name_hans, name) END "
        "WHERE entity_id = ?1");
    sqlite3_bind_int64(st, 1, entity_id);
    BindText(st, 2, script_);
  } else {
    const EntityNames n = DisplayNamesOf(forms[i].form);
    st = Stmt(
        "UPDATE entities SET shown_hant = ?2, shown_hans = ?3, shown_key = ?4, "
        "name = iif(?6, ?5, CASE WHEN ?7 = 'hant' THEN coalesce(name_hant, name) ELSE coalesce(name_hans, name) END) "
        "WHERE entity_id = ?1");
    sqlite3_bind_int64(st, 1, entity_id);
    BindText(st, 2, n.hant);
    BindText(st, 3, n.hans);
    BindText(st, 4, forms[i].key);
    BindText(st, 5, script_ == "hant" ? n.hant : n.hans);
    sqlite3_bind_int(st, 6, names_by_usage_ ? 1 : 0);
    BindText(st, 7, script_);
  }
  if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("storing a shown name"));
  return Status::Ok();
}

Status KnowledgeBase::RebuildForms() {
  if (Status s = Exec("DELETE FROM entity_forms; "
                      "UPDATE entities SET shown_hant = NULL, shown_hans = NULL, shown_key = NULL "
                      "WHERE shown_key IS NOT NULL");
      !s.ok())
    return s;
  std::map<std::pair<int64_t, std::string>, int64_t> forms;
  sqlite3_stmt* st = Stmt("SELECT entity_id, text, count(*) FROM mentions WHERE entity_id IS NOT NULL AND kind != 'indicator' "
                          "GROUP BY 1, 2");
  if (!st) return Status::IoError(Err("reading mentions"));
  while (sqlite3_step(st) == SQLITE_ROW)
    forms[{sqlite3_column_int64(st, 0), ColumnText(st, 1)}] = sqlite3_column_int64(st, 2);
  if (Status s = AddFormCounts(forms); !s.ok()) return s;
  return ChooseShownNames();
}

Status KnowledgeBase::SetDisplayScript(const std::string& script) {
  if (script != "hant" && script != "hans" && script != "auto")
    return Status::InvalidInput("unknown script '" + script + "' (hant, hans or auto)");
  bool own = !in_batch_;
  if (own)
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s.WithContext("setting the display script");
  auto steps = [&]() -> Status {
    script_by_user_ = script != "auto";
    if (Status s = PutSetting("script_chosen_by", script_by_user_ ? "user" : "majority"); !s.ok()) return s;
    if (!script_by_user_) return UpdateDisplayScriptIn();
    script_ = script;
    if (Status s = PutSetting("script", script_); !s.ok()) return s;
    return RewriteNames();
  };
  Status s = steps();
  if (own) {
    if (!s.ok()) { (void)Exec("ROLLBACK"); return s; }
    return Exec("COMMIT");
  }
  return s;
}

Status KnowledgeBase::SetNameChoice(const std::string& names) {
  if (names != "usage" && names != "official")
    return Status::InvalidInput("unknown name choice '" + names + "' (usage or official)");
  bool own = !in_batch_;
  if (own)
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s.WithContext("choosing the names shown");
  names_by_usage_ = names == "usage";
  Status s = PutSetting("names", names);
  if (s.ok()) s = RewriteNames();
  if (own) {
    if (!s.ok()) { (void)Exec("ROLLBACK"); return s; }
    return Exec("COMMIT");
  }
  return s;
}

Status KnowledgeBase::UpdateDisplayScript() {
  if (script_by_user_) return Status::Ok();
  bool own = !in_batch_;
  if (own)
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s.WithContext("updating the display script");
  Status s = UpdateDisplayScriptIn();
  if (own) {
    if (!s.ok()) { (void)Exec("ROLLBACK"); return s; }
    return Exec("COMMIT");
  }
  return s;
}

Status KnowledgeBase::UpdateDisplayScriptIn() {
  int64_t hant = 0, hans = 0;
  sqlite3_stmt* st = Stmt("SELECT script, count(*) FROM documents WHERE script IN ('hant','hans') GROUP BY script");
  if (!st) return Status::IoError(Err("counting document scripts"));
  while (sqlite3_step(st) == SQLITE_ROW)
    (std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "hant" ? hant : hans) =
        sqlite3_column_int64(st, 1);
  std::string want = hant > hans ? "hant" : hans > hant ? "hans" : script_;
  bool changed = want != script_;
  script_ = want;
  if (Status s = PutSetting("script", script_); !s.ok()) return s;
  return changed ? RewriteNames() : Status::Ok();
}

Status KnowledgeBase::FillDisplayNames() {
  struct Todo { int64_t id; std::string name; };
  std::vector<Todo> todo;
  sqlite3_stmt* st = Stmt(
      "SELECT e.entity_id, coalesce((SELECT a.alias FROM aliases a WHERE a.entity_id = e.entity_id "
      "AND a.key = e.key), e.name) FROM entities e WHERE e.name_hant IS NULL OR e.name_hans IS NULL");
  if (!st) return Status::IoError(Err("reading entities"));
  while (sqlite3_step(st) == SQLITE_ROW)
    todo.push_back({sqlite3_column_int64(st, 0), reinterpret_cast<const char*>(sqlite3_column_text(st, 1))});
  refilled_ = refilled_ || !todo.empty();
  for (const Todo& t : todo) {
    EntityNames n = DisplayNamesOf(t.name);
    st = Stmt("UPDATE entities SET name_hant = ?, name_hans = ? WHERE entity_id = ?");
    BindText(st, 1, n.hant);
    BindText(st, 2, n.hans);
    sqlite3_bind_int64(st, 3, t.id);
    if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("storing display names"));
    if (Status s = AddDisplayAliases(t.id, n); !s.ok()) return s;
  }
  return Status::Ok();
}

Status KnowledgeBase::AddDisplayAliases(int64_t id, const EntityNames& n) {
  for (const std::string* a : {&n.hant, &n.hans, &n.words}) {
    if (a->empty()) continue;
    sqlite3_stmt* st = Stmt("INSERT OR IGNORE INTO aliases(entity_id, key, alias) VALUES (?,?,?)");
    sqlite3_bind_int64(st, 1, id);
    BindText(st, 2, Key(*a));
    BindText(st, 3, *a);
    if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("storing an alias"));
  }
  return Status::Ok();
}

Status KnowledgeBase::FillDocumentScripts() {
  std::vector<std::pair<int64_t, std::string>> scripts;
  sqlite3_stmt* st = Stmt("SELECT doc_id, text FROM documents WHERE script IS NULL");
  if (!st) return Status::IoError(Err("reading documents"));
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string_view text(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                          static_cast<size_t>(sqlite3_column_bytes(st, 1)));
    std::string sc = opts_.script_of(text);
    if (!sc.empty()) scripts.emplace_back(sqlite3_column_int64(st, 0), sc);
  }
  for (const auto& [id, sc] : scripts) {
    st = Stmt("UPDATE documents SET script = ? WHERE doc_id = ?");
    BindText(st, 1, sc);
    sqlite3_bind_int64(st, 2, id);
    if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("storing a document's script"));
  }
  return Status::Ok();
}

Status KnowledgeBase::RefoldKeys() {
  // Each entity's new key, from the name it was first stored under (the
  // alias that carries its old key; entities.name may be a display name).
  struct Ent { int64_t id; std::string kind, key; };
  std::vector<Ent> ents;
  sqlite3_stmt* st = Stmt(
      "SELECT e.entity_id, e.kind, coalesce((SELECT a.alias FROM aliases a WHERE a.entity_id = e.entity_id "
      "AND a.key = e.key), e.name) FROM entities e ORDER BY e.entity_id");
  if (!st) return Status::IoError(Err("reading entities"));
  while (sqlite3_step(st) == SQLITE_ROW)
    ents.push_back({sqlite3_column_int64(st, 0), reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                    Key(reinterpret_cast<const char*>(sqlite3_column_text(st, 2)))});
  std::map<std::pair<std::string, std::string>, int64_t> owner;  // (kind, key) -> oldest entity
  std::unordered_map<int64_t, int64_t> into;                      // merged entity -> survivor
  for (const Ent& e : ents) {
    auto [it, fresh] = owner.emplace(std::make_pair(e.kind, e.key), e.id);
    if (!fresh) into[e.id] = it->second;
  }
  // Aliases are re-keyed as a whole: read, clear, re-insert under survivors.
  std::vector<std::pair<int64_t, std::string>> aliases;
  st = Stmt("SELECT entity_id, alias FROM aliases");
  while (sqlite3_step(st) == SQLITE_ROW)
    aliases.emplace_back(sqlite3_column_int64(st, 0), reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
  if (Status s = Exec("DELETE FROM aliases"); !s.ok()) return s;
  for (const auto& [from, to] : into) {
    for (const char* sql : {"UPDATE mentions SET entity_id = ?1 WHERE entity_id = ?2",
                            "UPDATE facts SET subject_id = ?1 WHERE subject_id = ?2",
                            "UPDATE facts SET object_id = ?1 WHERE object_id = ?2",
                            "DELETE FROM entities WHERE entity_id = ?2 AND ?1 IS NOT NULL"}) {
      st = Stmt(sql);
      sqlite3_bind_int64(st, 1, to);
      sqlite3_bind_int64(st, 2, from);
      if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("merging entities"));
    }
  }
  // New keys; first a unique placeholder, so no update meets a key another
  // entity has not given up yet.
  if (Status s = Exec("UPDATE entities SET key = char(1) || entity_id"); !s.ok()) return s;
  for (const Ent& e : ents) {
    if (into.count(e.id)) continue;
    st = Stmt("UPDATE entities SET key = ? WHERE entity_id = ?");
    BindText(st, 1, e.key);
    sqlite3_bind_int64(st, 2, e.id);
    if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("storing an entity key"));
  }
  for (const auto& [id, alias] : aliases) {
    auto m = into.find(id);
    st = Stmt("INSERT OR IGNORE INTO aliases(entity_id, key, alias) VALUES (?,?,?)");
    sqlite3_bind_int64(st, 1, m == into.end() ? id : m->second);
    BindText(st, 2, Key(alias));
    BindText(st, 3, alias);
    if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("storing an alias"));
  }
  ClearCaches();
  refilled_ = true;
  return Status::Ok();
}

Status KnowledgeBase::MergeEntity(int64_t from, int64_t into) {
  for (const char* sql : {"UPDATE mentions SET entity_id = ?1 WHERE entity_id = ?2",
                          "UPDATE facts SET subject_id = ?1 WHERE subject_id = ?2",
                          "UPDATE facts SET object_id = ?1 WHERE object_id = ?2",
                          "INSERT OR IGNORE INTO aliases(entity_id, key, alias) "
                          "SELECT ?1, key, alias FROM aliases WHERE entity_id = ?2",
                          "DELETE FROM aliases WHERE entity_id = ?2",
                          "DELETE FROM entities WHERE entity_id = ?2"}) {
    sqlite3_stmt* st = Stmt(sql);
    sqlite3_bind_int64(st, 1, into);
    sqlite3_bind_int64(st, 2, from);
    if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("merging entities"));
  }
  return Status::Ok();
}

Status KnowledgeBase::MergeByDisplayNames() {
  std::vector<std::pair<int64_t, int64_t>> pairs;
  sqlite3_stmt* st = Stmt(
      "SELECT DISTINCT e.entity_id, o.entity_id FROM aliases a JOIN entities e ON e.entity_id = a.entity_id "
      "JOIN entities o ON o.kind = e.kind AND o.key = a.key AND o.entity_id != e.entity_id "
      "WHERE a.alias = e.name_hant OR a.alias = e.name_hans");
  if (!st) return Status::IoError(Err("finding entities to merge"));
  while (sqlite3_step(st) == SQLITE_ROW) pairs.emplace_back(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
  std::unordered_map<int64_t, int64_t> parent;
  auto find = [&](int64_t x) {
    parent.emplace(x, x);
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (auto [a, b] : pairs) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the older entity stays
  }
  std::vector<int64_t> ids;
  for (const auto& [id, p] : parent) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  for (int64_t id : ids)
    if (int64_t root = find(id); root != id)
      if (Status s = MergeEntity(id, root); !s.ok()) return s;
  ClearCaches();
  return Status::Ok();
}

Result<std::unique_ptr<KnowledgeBase>> KnowledgeBase::OpenReadOnly(const std::string& path, FoldFn fold,
                                                                   FoldTextFn fold_text) {
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  if (sqlite3_open_v2(path.c_str(), &kb->db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    return Status::NotFound(path + ": no knowledge base here (run `newskb ingest` first)");
  sqlite3_busy_timeout(kb->db_, kBusyTimeoutMs);
  // Queries come from users: no schema-defined function may do harm, no
  // direct writes to shadow tables.
  sqlite3_db_config(kb->db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(kb->db_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  if (fold && fold_text)
    if (Status s = kb->RegisterSearch(std::move(fold), std::move(fold_text)); !s.ok()) return s.WithContext(path);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(kb->db_, "PRAGMA user_version", -1, &st, nullptr) != SQLITE_OK) {
    return Status::InvalidInput(path + ": " + kb->Err("not a knowledge base"));
  }
  if (sqlite3_step(st) == SQLITE_ROW) kb->schema_version_ = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return kb;
}

Status KnowledgeBase::BeginRun(const std::string& command, const std::string& rules_hash) {
  rules_hash_ = rules_hash;
  sqlite3_stmt* st = Stmt(
      "INSERT INTO runs(pipeline_version, command, started_at, status, rules_hash) VALUES (?,?,?,'running',?)");
  if (!st) return Status::IoError(Err("preparing runs insert"));
  BindText(st, 1, NEWSKB_PIPELINE_VERSION);
  BindText(st, 2, command);
  BindText(st, 3, NowIso());
  BindTextOrNull(st, 4, rules_hash);
  if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("recording the run"));
  run_id_ = sqlite3_last_insert_rowid(db_);
  return Status::Ok();
}

Status KnowledgeBase::FinishRun(const std::string& status, int64_t stored) {
  sqlite3_stmt* st = Stmt("UPDATE runs SET finished_at = ?, status = ?, stored = ? WHERE run_id = ?");
  BindText(st, 1, NowIso());
  BindText(st, 2, status);
  if (stored >= 0) sqlite3_bind_int64(st, 3, stored); else sqlite3_bind_null(st, 3);
  sqlite3_bind_int64(st, 4, run_id_);
  if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("finishing the run"));
  return Status::Ok();
}

Status KnowledgeBase::BeginBatch() {
  if (in_batch_) return Status::Ok();
  if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s.WithContext("starting a transaction");
  in_batch_ = true;
  return Status::Ok();
}

Status KnowledgeBase::CommitBatch() {
  if (!in_batch_) return Status::Ok();
  Status named = AddFormCounts(batch_forms_);
  batch_forms_.clear();
  if (named.ok()) named = ChooseShownNames();
  if (Status s = named.ok() ? FlushSearchIndex() : named; !s.ok()) {
    in_batch_ = false;
    Exec("ROLLBACK");
    ClearCaches();
    dirty_names_.clear();
    return s.WithContext("committing a batch (nothing of it is stored)");
  }
  in_batch_ = false;
  if (Status s = Exec("COMMIT"); !s.ok()) {
    Exec("ROLLBACK");
    ClearCaches();
    pending_fts_.clear();
    pending_fts_bytes_ = 0;
    return s.WithContext("committing a batch");
  }
  alias_cache_.clear();
  if (entity_cache_.size() >= kMaxCachedEntities) entity_cache_.clear();
  return Status::Ok();
}

Result<bool> KnowledgeBase::HasContent(const std::string& content_hash) {
  sqlite3_stmt* st = Stmt("SELECT 1 FROM documents WHERE content_hash = ?");
  if (!st) return Status::IoError(Err("looking up a content hash"));
  BindText(st, 1, content_hash);
  int rc = sqlite3_step(st);
  // Reset at once: a statement left on its row would keep this connection's
  // read snapshot open (stale answers, and the WAL could not be checkpointed).
  sqlite3_reset(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Status::IoError(Err("looking up a content hash"));
  return rc == SQLITE_ROW;
}

int64_t KnowledgeBase::ByDisplayName(const std::string& kind, const std::string& key, const EntityNames& shown) {
  // A display name of the new name, or its name in Taiwan's words, is an
  // entity's key (意大利政府 in Taiwan's words is 義大利政府, stored as an
  // entity) ...
  for (const std::string* d : {&shown.hant, &shown.hans, &shown.words}) {
    if (d->empty()) continue;
    std::string k = Key(*d);
    if (k == key) continue;
    sqlite3_stmt* st = Stmt("SELECT entity_id FROM entities WHERE kind = ? AND key = ?");
    BindText(st, 1, kind);
    BindText(st, 2, k);
    int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (id) return id;
  }
  // ... or the new name is an entity's display name or its name in
  // Taiwan's words (the reverse).
  sqlite3_stmt* st = Stmt(
      "SELECT a.entity_id, a.alias, e.name_hant, e.name_hans FROM aliases a "
      "JOIN entities e ON e.entity_id = a.entity_id WHERE a.key = ? AND e.kind = ? ORDER BY a.entity_id");
  BindText(st, 1, key);
  BindText(st, 2, kind);
  int64_t id = 0;
  while (id == 0 && sqlite3_step(st) == SQLITE_ROW) {
    auto col = [&](int c) {
      const unsigned char* v = sqlite3_column_text(st, c);
      return v ? std::string(reinterpret_cast<const char*>(v)) : std::string();
    };
    std::string alias = col(1), hant = col(2), hans = col(3);
    if (alias == hant || alias == hans || (!hans.empty() && alias == DisplayNamesOf(hans).words))
      id = sqlite3_column_int64(st, 0);
  }
  sqlite3_reset(st);
  return id;
}

Result<int64_t> KnowledgeBase::EntityId(const std::string& kind, const std::string& name,
                                        const std::string& alias) {
  std::string key = Key(name);
  int64_t id = 0;
  auto it = entity_cache_.find({kind, key});
  if (it != entity_cache_.end()) {
    id = it->second;
  } else {
    sqlite3_stmt* st = Stmt("SELECT entity_id FROM entities WHERE kind = ? AND key = ?");
    BindText(st, 1, kind);
    BindText(st, 2, key);
    if (sqlite3_step(st) == SQLITE_ROW) {
      id = sqlite3_column_int64(st, 0);
    } else if (EntityNames shown = DisplayNamesOf(name); (id = ByDisplayName(kind, key, shown)) != 0) {
      // The same thing in the other region's words (意大利政府 / 義大利政府).
      sqlite3_stmt* a = Stmt("INSERT OR IGNORE INTO aliases(entity_id, key, alias) VALUES (?,?,?)");
      sqlite3_bind_int64(a, 1, id);
      BindText(a, 2, key);
      BindText(a, 3, name);
      if (sqlite3_step(a) != SQLITE_DONE) return Status::IoError(Err("storing an alias"));
    } else {
      // Display names are made here, once per entity.
      sqlite3_stmt* ins =
          Stmt("INSERT INTO entities(kind, name, key, name_hant, name_hans) VALUES (?,?,?,?,?)");
      BindText(ins, 1, kind);
      BindText(ins, 2, script_ == "hant" ? shown.hant : shown.hans);
      BindText(ins, 3, key);
      BindText(ins, 4, shown.hant);
      BindText(ins, 5, shown.hans);
      if (sqlite3_step(ins) != SQLITE_DONE) return Status::IoError(Err("storing an entity"));
      id = sqlite3_last_insert_rowid(db_);
      sqlite3_stmt* a = Stmt("INSERT OR IGNORE INTO aliases(entity_id, key, alias) VALUES (?,?,?)");
      sqlite3_bind_int64(a, 1, id);
      BindText(a, 2, key);
      BindText(a, 3, name);
      if (sqlite3_step(a) != SQLITE_DONE) return Status::IoError(Err("storing an alias"));
      // The display names are aliases too: `newskb entity` finds what the views show.
      if (Status s = AddDisplayAliases(id, shown); !s.ok()) return s;
    }
    entity_cache_[{kind, key}] = id;
  }
  std::string akey = opts_.fold ? opts_.fold(alias) : alias;
  if (!akey.empty() && akey != key &&
      alias_cache_.insert(std::to_string(id) + '\x1f' + akey).second) {
    sqlite3_stmt* a = Stmt("INSERT OR IGNORE INTO aliases(entity_id, key, alias) VALUES (?,?,?)");
    sqlite3_bind_int64(a, 1, id);
    BindText(a, 2, akey);
    BindText(a, 3, alias);
    if (sqlite3_step(a) != SQLITE_DONE) return Status::IoError(Err("storing an alias"));
  }
  return id;
}

Result<AddOutcome> KnowledgeBase::AddDocument(const Document& doc, const std::vector<Sentence>& sentences,
                                              const std::vector<Mention>& mentions,
                                              const std::vector<Fact>& facts, const std::string& script) {
  if (!in_batch_) return Status::Internal("AddDocument outside a batch");
  std::string hash = ContentHash(doc.Raw());
  {
    sqlite3_stmt* st = Stmt("SELECT doc_key FROM documents WHERE content_hash = ?");
    BindText(st, 1, hash);
    if (sqlite3_step(st) == SQLITE_ROW) return AddOutcome::kDuplicate;
    st = Stmt("SELECT source FROM documents WHERE doc_key = ?");
    BindText(st, 1, doc.key);
    if (sqlite3_step(st) == SQLITE_ROW) {
      const char* first = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      return Status::InvalidInput("duplicate id '" + doc.key + "' with different content (first stored from " +
                                  (first ? first : "?") + ")");
    }
  }
  if (Status s = Exec("SAVEPOINT doc"); !s.ok()) return s;
  sqlite3_stmt* st = Stmt(
      "INSERT INTO documents(doc_key, title, published, source, text, raw, content_hash, run_id, script, rules_hash) "
      "VALUES (?,?,?,?,?,?,?,?,?,?)");
  BindText(st, 1, doc.key);
  BindTextOrNull(st, 2, doc.title);
  BindTextOrNull(st, 3, doc.published);
  BindTextOrNull(st, 4, doc.source);
  BindLargeText(st, 5, doc.body);
  BindRaw(st, 6, doc.Raw());
  BindText(st, 7, hash);
  sqlite3_bind_int64(st, 8, run_id_);
  BindTextOrNull(st, 9, script);
  BindTextOrNull(st, 10, rules_hash_);
  Status s = sqlite3_step(st) == SQLITE_DONE ? Status::Ok() : Status::IoError(Err(("storing document " + doc.key).c_str()));
  sqlite3_reset(st);
  sqlite3_bind_null(st, 5);
  sqlite3_bind_null(st, 6);
  const int64_t doc_id = sqlite3_last_insert_rowid(db_);
  if (s.ok()) s = InsertExtraction(doc_id, doc, sentences, mentions, facts);
  if (!s.ok()) {
    Exec("ROLLBACK TO doc; RELEASE doc");
    ClearCaches();
    return s;
  }
  if (Status r = Exec("RELEASE doc"); !r.ok()) return r;
  for (const auto& [form, n] : doc_forms_) batch_forms_[form] += n;
  if (doc.title.size() + doc.body.size() > kPendingFtsBytes) {
    // A large document is indexed at once from its own body, not copied
    // into the pending list (the ones before it first, in rowid order).
    if (Status f = FlushSearchIndex(); !f.ok()) return f;
    if (Status f = IndexForSearch(doc_id, doc.title, doc.body); !f.ok()) return f;
    return AddOutcome::kStored;
  }
  pending_fts_bytes_ += doc.title.size() + doc.body.size();
  pending_fts_.push_back({doc_id, doc.title, doc.body});
  if (pending_fts_bytes_ > kPendingFtsBytes) {
    if (Status f = FlushSearchIndex(); !f.ok()) return f;
  }
  return AddOutcome::kStored;
}

Status KnowledgeBase::InsertExtraction(int64_t doc_id, const Document& doc, const std::vector<Sentence>& sentences,
                                       const std::vector<Mention>& mentions, const std::vector<Fact>& facts) {
  // Code point -> byte offset of the body, for sentence texts: a cursor
  // walked forward (sentences come in order; one out of order restarts it),
  // not a table of 4 bytes a character (126 MB for a 31 MiB article).
  const std::string_view body(doc.body);
  size_t cur_cp = 0, cur_byte = 0;
  auto byte_of = [&](uint32_t cp) {
    if (cp < cur_cp) cur_cp = cur_byte = 0;
    for (; cur_cp < cp && cur_byte < body.size(); ++cur_cp) {
      ++cur_byte;
      while (cur_byte < body.size() && (static_cast<unsigned char>(body[cur_byte]) & 0xC0) == 0x80) ++cur_byte;
    }
    return cur_byte;
  };
  uint32_t ncp = 0;
  for (unsigned char c : body) ncp += (c & 0xC0) != 0x80;
  auto fail = [&](const std::string& what) { return Status::IoError(Err(what.c_str())); };
  sqlite3_stmt* st = nullptr;
  std::vector<Sentence> sents = sentences;
  if (sents.empty()) sents.push_back({0, ncp});
  for (size_t i = 0; i < sents.size(); ++i) {
    st = Stmt("INSERT INTO sentences(doc_id, idx, start, \"end\", text) VALUES (?,?,?,?,?)");
    uint32_t a = std::min(sents[i].start, ncp), b = std::min(sents[i].end, ncp);
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int64(st, 2, static_cast<int64_t>(i));
    sqlite3_bind_int64(st, 3, a);
    sqlite3_bind_int64(st, 4, b);
    const size_t ba = byte_of(a), bb = byte_of(b);
    BindText(st, 5, body.substr(ba, bb - ba));
    if (sqlite3_step(st) != SQLITE_DONE) return fail("storing sentences of " + doc.key);
  }
  std::vector<int64_t> mention_ids, entity_ids;
  doc_forms_.clear();
  mention_ids.reserve(mentions.size());
  entity_ids.reserve(mentions.size());
  for (const Mention& m : mentions) {
    if (m.end > ncp || m.start >= m.end)
      return Status::Internal("mention out of the body's range (rule " + m.rule + ") in " + doc.key);
    auto it = std::upper_bound(sents.begin(), sents.end(), m.start,
                               [](uint32_t v, const Sentence& s) { return v < s.start; });
    int64_t sidx = it == sents.begin() ? 0 : (it - sents.begin()) - 1;
    int64_t entity = 0;
    if (IsEntityKind(m.kind)) {
      const std::string& name = m.name.empty() ? m.text : m.name;
      Result<int64_t> e = EntityId(MentionKindName(m.kind), name, m.text);
      if (!e.ok()) return e.status();
      entity = e.value();
      if (m.kind != MentionKind::kIndicator) ++doc_forms_[{entity, m.text}];
    }
    st = Stmt(
        "INSERT INTO mentions(doc_id, kind, start, \"end\", text, sentence_idx, value, low, high, unit, "
        "qualifier, date_value, entity_id, policy_kind, note, rule, run_id) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    sqlite3_bind_int64(st, 1, doc_id);
    BindText(st, 2, MentionKindName(m.kind));
    sqlite3_bind_int64(st, 3, m.start);
    sqlite3_bind_int64(st, 4, m.end);
    BindText(st, 5, m.text);
    sqlite3_bind_int64(st, 6, sidx);
    BindOpt(st, 7, m.value);
    BindOpt(st, 8, m.low);
    BindOpt(st, 9, m.high);
    BindTextOrNull(st, 10, m.unit);
    BindTextOrNull(st, 11, m.qualifier);
    BindTextOrNull(st, 12, m.date_value);
    if (entity) sqlite3_bind_int64(st, 13, entity); else sqlite3_bind_null(st, 13);
    BindTextOrNull(st, 14, m.policy_kind);
    BindTextOrNull(st, 15, m.note);
    BindText(st, 16, m.rule.empty() ? "unknown" : m.rule);
    sqlite3_bind_int64(st, 17, run_id_);
    if (sqlite3_step(st) != SQLITE_DONE) return fail("storing mentions of " + doc.key);
    mention_ids.push_back(sqlite3_last_insert_rowid(db_));
    entity_ids.push_back(entity);
  }
  const int nm = static_cast<int>(mentions.size());
  for (const Fact& f : facts) {
    auto ok = [nm](int i) { return i >= -1 && i < nm; };
    if (f.figure < 0 || !ok(f.figure) || !ok(f.subject) || !ok(f.object) || !ok(f.date))
      return Status::Internal("fact refers to no mention (rule " + f.rule + ") in " + doc.key);
    st = Stmt(
        "INSERT INTO facts(doc_id, subject_id, predicate, object_id, figure_id, date_id, rule, run_id) "
        "VALUES (?,?,?,?,?,?,?,?)");
    sqlite3_bind_int64(st, 1, doc_id);
    if (f.subject >= 0 && entity_ids[f.subject]) sqlite3_bind_int64(st, 2, entity_ids[f.subject]);
    else sqlite3_bind_null(st, 2);
    BindText(st, 3, f.predicate.empty() ? "other" : f.predicate);
    if (f.object >= 0 && entity_ids[f.object]) sqlite3_bind_int64(st, 4, entity_ids[f.object]);
    else sqlite3_bind_null(st, 4);
    sqlite3_bind_int64(st, 5, mention_ids[f.figure]);
    if (f.date >= 0) sqlite3_bind_int64(st, 6, mention_ids[f.date]); else sqlite3_bind_null(st, 6);
    BindText(st, 7, f.rule.empty() ? "unknown" : f.rule);
    sqlite3_bind_int64(st, 8, run_id_);
    if (sqlite3_step(st) != SQLITE_DONE) return fail("storing facts of " + doc.key);
  }
  return Status::Ok();
}

// FTS5 writes its pending terms to a new segment at every SAVEPOINT, so
// indexing inside each document's savepoint made one segment per document
// (and merges of them: +50% ingest CPU). The batch's rows are indexed
// together, between documents, in the batch transaction.
Status KnowledgeBase::IndexForSearch(int64_t doc_id, const std::string& title, std::string_view text) {
  sqlite3_stmt* st = Stmt("INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)");
  sqlite3_bind_int64(st, 1, doc_id);
  BindTextOrNull(st, 2, title);
  BindLargeText(st, 3, text);
  Status s = sqlite3_step(st) == SQLITE_DONE ? Status::Ok() : Status::IoError(Err("indexing documents for search"));
  sqlite3_reset(st);
  sqlite3_bind_null(st, 3);
  return s;
}

Status KnowledgeBase::FlushSearchIndex() {
  for (const PendingFts& p : pending_fts_) {
    if (Status s = IndexForSearch(p.doc_id, p.title, p.text); !s.ok()) {
      pending_fts_.clear();
      pending_fts_bytes_ = 0;
      return s;
    }
  }
  pending_fts_.clear();
  pending_fts_bytes_ = 0;
  return Status::Ok();
}

Status KnowledgeBase::AddReject(const std::string& source, int64_t line, const std::string& doc_key,
                                const std::string& reason, const std::string& severity) {
  sqlite3_stmt* st =
      Stmt("INSERT INTO rejects(source, line, doc_key, reason, run_id, at, severity) VALUES (?,?,?,?,?,?,?)");
  BindText(st, 1, source);
  sqlite3_bind_int64(st, 2, line);
  BindTextOrNull(st, 3, doc_key);
  BindText(st, 4, reason);
  sqlite3_bind_int64(st, 5, run_id_);
  BindText(st, 6, NowIso());
  BindText(st, 7, severity);
  if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("recording a reject"));
  return Status::Ok();
}

// ---------------------------------------------------------------- re-extraction

Result<std::vector<int64_t>> KnowledgeBase::DocumentsToReextract(const std::string& rules_hash, bool all) {
  std::vector<int64_t> ids;
  sqlite3_stmt* st = Stmt(all ? "SELECT doc_id FROM documents ORDER BY doc_id"
                              : "SELECT doc_id FROM documents WHERE rules_hash IS NOT ?1 ORDER BY doc_id");
  if (!st) return Status::IoError(Err("listing documents to re-extract"));
  if (!all) BindText(st, 1, rules_hash);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(st, 0));
  if (rc != SQLITE_DONE) return Status::IoError(Err("listing documents to re-extract"));
  return ids;
}

namespace {
}  // namespace

#define NEWSKB_DOC_COLUMNS "doc_id, doc_key, title, published, source, raw, text, rules_hash FROM documents "

static Result<StoredDocument> ReadStoredDocument(sqlite3_stmt* st, const std::string& what, sqlite3* db) {
  int rc = sqlite3_step(st);
  if (rc == SQLITE_DONE) return Status::NotFound("no document " + what + " in the knowledge base");
  if (rc != SQLITE_ROW) return Status::IoError(std::string("reading document ") + what + ": " + sqlite3_errmsg(db));
  StoredDocument d;
  d.doc_id = sqlite3_column_int64(st, 0);
  d.doc.key = ColumnText(st, 1);
  d.doc.title = ColumnText(st, 2);
  d.doc.published = ColumnText(st, 3);
  d.doc.source = ColumnText(st, 4);
  d.doc.origin = d.doc.key;
  if (sqlite3_column_type(st, 5) == SQLITE_BLOB) {
    const void* b = sqlite3_column_blob(st, 5);
    d.doc.raw.assign(static_cast<const char*>(b ? b : ""), sqlite3_column_bytes(st, 5));
    d.doc.raw_is_html = true;  // see BindRaw
  } else {
    d.doc.raw = ColumnText(st, 5);
  }
  d.doc.body = ColumnText(st, 6);
  d.rules_hash = ColumnText(st, 7);
  return d;
}

Result<StoredDocument> KnowledgeBase::LoadDocument(int64_t doc_id) {
  sqlite3_stmt* st = nullptr;
  std::string sql = schema_version_ >= 5 ? "SELECT " NEWSKB_DOC_COLUMNS "WHERE doc_id = ?"
                                         : "SELECT doc_id, doc_key, title, published, source, raw, text, NULL "
                                           "FROM documents WHERE doc_id = ?";
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return Status::IoError(Err("reading a document"));
  sqlite3_bind_int64(st, 1, doc_id);
  Result<StoredDocument> r = ReadStoredDocument(st, "#" + std::to_string(doc_id), db_);
  sqlite3_finalize(st);
  return r;
}

Result<StoredDocument> KnowledgeBase::FindDocument(const std::string& doc_key) {
  sqlite3_stmt* st = nullptr;
  std::string sql = schema_version_ >= 5 ? "SELECT " NEWSKB_DOC_COLUMNS "WHERE doc_key = ?"
                                         : "SELECT doc_id, doc_key, title, published, source, raw, text, NULL "
                                           "FROM documents WHERE doc_key = ?";
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return Status::IoError(Err("reading a document"));
  BindText(st, 1, doc_key);
  Result<StoredDocument> r = ReadStoredDocument(st, "'" + doc_key + "'", db_);
  sqlite3_finalize(st);
  return r;
}

Status KnowledgeBase::ReplaceExtraction(int64_t doc_id, const Document& doc, const std::vector<Sentence>& sentences,
                                        const std::vector<Mention>& mentions, const std::vector<Fact>& facts) {
  if (in_batch_) return Status::Internal("ReplaceExtraction inside a batch");
  if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s.WithContext("re-extracting " + doc.key);
  auto step = [&](const char* sql, bool with_body) -> Status {
    sqlite3_stmt* st = Stmt(sql);
    if (!st) return Status::IoError(Err("preparing a re-extraction statement"));
    if (with_body) {
      BindText(st, 1, doc.body);
      BindTextOrNull(st, 2, rules_hash_);
      sqlite3_bind_int64(st, 3, doc_id);
    } else {
      sqlite3_bind_int64(st, 1, doc_id);
    }
    return sqlite3_step(st) == SQLITE_DONE ? Status::Ok() : Status::IoError(Err("re-extracting"));
  };
  // The old mentions' forms leave the counts, the new ones' come in.
  std::map<std::pair<int64_t, std::string>, int64_t> forms;
  if (sqlite3_stmt* st = Stmt("SELECT entity_id, text FROM mentions WHERE doc_id = ? AND entity_id IS NOT NULL AND kind != 'indicator'")) {
    sqlite3_bind_int64(st, 1, doc_id);
    while (sqlite3_step(st) == SQLITE_ROW) --forms[{sqlite3_column_int64(st, 0), ColumnText(st, 1)}];
    sqlite3_reset(st);
  }
  Status s = ReindexForSearch(doc_id, doc);
  if (s.ok()) s = step("DELETE FROM facts WHERE doc_id = ?", false);
  if (s.ok()) s = step("DELETE FROM mentions WHERE doc_id = ?", false);
  if (s.ok()) s = step("DELETE FROM sentences WHERE doc_id = ?", false);
  if (s.ok()) s = step("UPDATE documents SET text = ?, rules_hash = ? WHERE doc_id = ?", true);
  if (s.ok()) s = InsertExtraction(doc_id, doc, sentences, mentions, facts);
  if (s.ok()) {
    for (const auto& [form, n] : doc_forms_) forms[form] += n;
    s = AddFormCounts(forms);
  }
  if (s.ok()) s = ChooseShownNames();
  if (s.ok()) s = Exec("COMMIT");
  if (!s.ok()) {
    Exec("ROLLBACK");
    ClearCaches();
    dirty_names_.clear();
    return s.WithContext("re-extracting " + doc.key + " (left as it was)");
  }
  return Status::Ok();
}

// documents_fts is an external-content index: a changed body leaves it with
// the old row's terms unless they are deleted (with the old values) first.
Status KnowledgeBase::ReindexForSearch(int64_t doc_id, const Document& doc) {
  if (schema_version_ < 4) return Status::Ok();
  std::string old_title, old_text;
  bool found = false;
  sqlite3_stmt* st = Stmt("SELECT coalesce(title, ''), text FROM documents WHERE doc_id = ?");
  sqlite3_bind_int64(st, 1, doc_id);
  if (sqlite3_step(st) == SQLITE_ROW) {
    found = true;
    old_title = ColumnText(st, 0);
    old_text = ColumnText(st, 1);
  }
  if (!found || (old_title == doc.title && old_text == doc.body)) return Status::Ok();
  st = Stmt("INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)");
  sqlite3_bind_int64(st, 1, doc_id);
  BindTextOrNull(st, 2, old_title);
  BindText(st, 3, old_text);
  if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("updating the search index"));
  st = Stmt("INSERT INTO documents_fts(rowid, title, text) VALUES (?, ?, ?)");
  sqlite3_bind_int64(st, 1, doc_id);
  BindTextOrNull(st, 2, doc.title);
  BindText(st, 3, doc.body);
  if (sqlite3_step(st) != SQLITE_DONE) return Status::IoError(Err("updating the search index"));
  return Status::Ok();
}

Result<int64_t> KnowledgeBase::DropOrphanEntities() {
  const char* orphan =
      "entity_id NOT IN (SELECT entity_id FROM mentions WHERE entity_id IS NOT NULL) "
      "AND entity_id NOT IN (SELECT subject_id FROM facts WHERE subject_id IS NOT NULL) "
      "AND entity_id NOT IN (SELECT object_id FROM facts WHERE object_id IS NOT NULL)";
  std::string sql = std::string("BEGIN IMMEDIATE; DELETE FROM aliases WHERE ") + orphan +
                    "; DELETE FROM entity_forms WHERE " + orphan + "; DELETE FROM entities WHERE " + orphan + ";";
  if (Status s = Exec(sql.c_str()); !s.ok()) { Exec("ROLLBACK"); return s.WithContext("dropping unused entities"); }
  int64_t n = sqlite3_changes(db_);
  if (Status s = Exec("COMMIT"); !s.ok()) { Exec("ROLLBACK"); return s; }
  ClearCaches();
  return n;
}

Status KnowledgeBase::Select(const std::string& sql, const std::vector<std::string>& params,
                             const std::function<void(const TextRow&)>& row) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
    return Status::InvalidInput(Err("preparing a query"));
  if (!sqlite3_stmt_readonly(st)) {
    sqlite3_finalize(st);
    return Status::Internal("Select is read-only");
  }
  for (size_t i = 0; i < params.size(); ++i) BindText(st, static_cast<int>(i) + 1, params[i]);
  int n = sqlite3_column_count(st), rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    TextRow r(n);
    for (int i = 0; i < n; ++i)
      if (sqlite3_column_type(st, i) != SQLITE_NULL) r[i] = ColumnText(st, i);
    row(r);
  }
  Status s = rc == SQLITE_DONE ? Status::Ok() : Status::IoError(Err("running a query"));
  sqlite3_finalize(st);
  return s;
}

Status KnowledgeBase::Query(const std::string& sql,
                            const std::function<void(const std::vector<std::string>&)>& header,
                            const std::function<void(const Row&)>& row, const QueryLimits& limits) {
  QueryGuard guard;
  guard.interrupted = limits.interrupted;
  if (limits.timeout_seconds > 0) {
    guard.has_deadline = true;
    guard.timeout_seconds = limits.timeout_seconds;
    guard.deadline = std::chrono::steady_clock::now() +
                     std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                         std::chrono::duration<double>(limits.timeout_seconds));
  }
  sqlite3_set_authorizer(db_, Authorize, &guard);
  sqlite3_progress_handler(db_, 1000, Progress, &guard);
  Status result = RunQuery(sql, header, row, &guard);
  sqlite3_progress_handler(db_, 0, nullptr, nullptr);
  sqlite3_set_authorizer(db_, nullptr, nullptr);
  return result;
}

Status KnowledgeBase::RunQuery(const std::string& sql,
                               const std::function<void(const std::vector<std::string>&)>& header,
                               const std::function<void(const Row&)>& row, void* guard_ptr) {
  auto* guard = static_cast<QueryGuard*>(guard_ptr);
  auto stopped = [&](int rc, const std::string& msg) -> Status {
    if (rc == SQLITE_INTERRUPT && guard->timed_out) {
      char secs[32];
      std::snprintf(secs, sizeof secs, "%g", guard->timeout_seconds);
      return Status::InvalidInput(std::string("stopped: the query ran longer than its time limit of ") + secs +
                                  " s");
    }
    if (rc == SQLITE_INTERRUPT) return Status::InvalidInput("interrupted");
    if (rc == SQLITE_AUTH && !guard->refused.empty()) return Status::InvalidInput("refused: " + guard->refused);
    if (rc == SQLITE_READONLY) return Status::InvalidInput("refused: `newskb query` is read-only: " + msg);
    return Status::InvalidInput(msg);
  };
  // SQLite stops reading at a NUL, so the text after one would never run
  // (and a statement list would not advance past it).
  if (sql.find('\0') != std::string::npos) return Status::InvalidInput("the SQL text contains a NUL byte");
  const char* tail = sql.c_str();
  const char* end = tail + sql.size();
  while (tail < end) {
    sqlite3_stmt* st = nullptr;
    const char* next = nullptr;
    int prc = sqlite3_prepare_v2(db_, tail, static_cast<int>(end - tail), &st, &next);
    if (prc != SQLITE_OK) return stopped(guard->refused.empty() ? prc & 0xff : SQLITE_AUTH, sqlite3_errmsg(db_));
    if (!st && (!next || next <= tail)) break;  // nothing left that SQLite reads
    tail = next;
    if (!st) continue;  // whitespace or comment
    if (!sqlite3_stmt_readonly(st)) {
      std::string text = sqlite3_sql(st);
      sqlite3_finalize(st);
      return Status::InvalidInput("refused: `newskb query` is read-only, and this statement writes: " + text);
    }
    int n = sqlite3_column_count(st);
    std::vector<std::string> cols;
    for (int i = 0; i < n; ++i) cols.push_back(sqlite3_column_name(st, i));
    if (n > 0) header(cols);
    int rc;
    Row r(n);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      for (int i = 0; i < n; ++i) r[i] = ColumnValue(st, i);
      row(r);
      if (guard->interrupted && *guard->interrupted) { rc = SQLITE_INTERRUPT; break; }
    }
    std::string msg = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db_);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return stopped(rc & 0xff, msg);
  }
  return Status::Ok();
}

Result<KbStats> KnowledgeBase::Stats(const FoldFn& fold) {
  KbStats s;
  s.schema_version = schema_version_;
  auto one = [&](const char* sql, int64_t* out) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
      *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  };
  auto grouped = [&](const char* sql, std::map<std::string, int64_t>* out) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) == SQLITE_OK)
      while (sqlite3_step(st) == SQLITE_ROW)
        (*out)[reinterpret_cast<const char*>(sqlite3_column_text(st, 0))] = sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
  };
  one("SELECT count(*) FROM documents", &s.documents);
  one("SELECT count(*) FROM sentences", &s.sentences);
  if (schema_version_ >= 5) {
    one("SELECT count(*) FROM rejects WHERE severity = 'rejected'", &s.rejects);
    one("SELECT count(*) FROM rejects WHERE severity = 'warning'", &s.warnings);
    one("SELECT count(*) FROM runs WHERE status = 'interrupted'", &s.interrupted_runs);
  } else {
    one("SELECT count(*) FROM rejects", &s.rejects);
  }
  one("SELECT count(*) FROM entities", &s.entities);
  one("SELECT count(*) FROM facts", &s.facts);
  one("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", &s.file_bytes);
  one("SELECT sum(length(block)) FROM documents_fts_data", &s.search_index_bytes);
  grouped("SELECT kind, count(*) FROM mentions GROUP BY kind", &s.mentions_by_kind);
  grouped("SELECT kind, count(*) FROM entities GROUP BY kind", &s.entities_by_kind);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT DISTINCT pipeline_version FROM runs ORDER BY run_id", -1, &st, nullptr) == SQLITE_OK)
    while (sqlite3_step(st) == SQLITE_ROW)
      s.pipeline_versions.push_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  if (schema_version_ >= 6) {
    if (sqlite3_prepare_v2(db_, "SELECT key, value FROM settings", -1, &st, nullptr) == SQLITE_OK)
      while (sqlite3_step(st) == SQLITE_ROW) {
        std::string k = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        std::string v = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
        if (k == "script") s.display_script = v;
        if (k == "script_chosen_by") s.display_script_chosen_by = v;
        if (k == "names") s.name_choice = v;
      }
    sqlite3_finalize(st);
    grouped("SELECT coalesce(script, 'none'), count(*) FROM documents GROUP BY 1", &s.documents_by_script);
    one("SELECT count(*) FROM entities WHERE name_hant IS NULL OR name_hans IS NULL",
        &s.entities_without_display_names);
  }
  if (schema_version_ >= 6 &&
      sqlite3_prepare_v2(db_,
                         "SELECT DISTINCT e.name, o.name FROM aliases a JOIN entities e ON e.entity_id = a.entity_id "
                         "JOIN entities o ON o.kind = e.kind AND o.key = a.key AND o.entity_id != e.entity_id "
                         "WHERE a.alias = e.name_hant OR a.alias = e.name_hans ORDER BY 1, 2",
                         -1, &st, nullptr) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      ++s.split_by_display_name;
      s.display_split_pairs.push_back({reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                                       reinterpret_cast<const char*>(sqlite3_column_text(st, 1))});
    }
    sqlite3_finalize(st);
  }
  if (schema_version_ >= 7) {
    one("SELECT count(*) FROM entities WHERE shown_key IS NOT NULL", &s.shown_by_usage);
    if (s.name_choice.empty()) s.name_choice = "usage";
    if (sqlite3_prepare_v2(db_,
                           "SELECT e.name, CASE (SELECT value FROM settings WHERE key = 'script') WHEN 'hant' "
                           "THEN e.name_hant ELSE e.name_hans END FROM entities e WHERE e.shown_key IS NOT NULL "
                           "ORDER BY (SELECT sum(n) FROM entity_forms f WHERE f.entity_id = e.entity_id) DESC, "
                           "e.entity_id LIMIT 10",
                           -1, &st, nullptr) == SQLITE_OK)
      while (sqlite3_step(st) == SQLITE_ROW) s.shown_by_usage_top.emplace_back(ColumnText(st, 0), ColumnText(st, 1));
    sqlite3_finalize(st);
  }
  if (fold) {
    // Entities of one kind whose first-stored names fold to one key.
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> by_key;
    if (sqlite3_prepare_v2(db_,
                           "SELECT e.kind, coalesce((SELECT a.alias FROM aliases a WHERE a.entity_id = "
                           "e.entity_id AND a.key = e.key), e.name), e.name FROM entities e ORDER BY e.entity_id",
                           -1, &st, nullptr) == SQLITE_OK)
      while (sqlite3_step(st) == SQLITE_ROW) {
        std::string kind = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        std::string first = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
        std::string k = fold(first);
        by_key[{kind, k.empty() ? first : k}].push_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 2)));
      }
    sqlite3_finalize(st);
    for (auto& [k, names] : by_key) {
      if (names.size() < 2) continue;
      s.split_entities += static_cast<int64_t>(names.size());
      s.split_groups.push_back(std::move(names));
    }
  }
  st = nullptr;
  const char* last = schema_version_ >= 5
      ? "SELECT run_id, command, started_at, coalesce(status, CASE WHEN finished_at IS NULL THEN 'unfinished' "
        "ELSE 'finished' END), coalesce(stored, (SELECT count(*) FROM documents d WHERE d.run_id = runs.run_id)) "
        "FROM runs ORDER BY run_id DESC LIMIT 1"
      : "SELECT run_id, command, started_at, CASE WHEN finished_at IS NULL THEN 'unfinished' ELSE 'finished' END, "
        "(SELECT count(*) FROM documents d WHERE d.run_id = runs.run_id) FROM runs ORDER BY run_id DESC LIMIT 1";
  if (sqlite3_prepare_v2(db_, last, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    KbStats::Run r;
    r.id = sqlite3_column_int64(st, 0);
    r.command = ColumnText(st, 1);
    r.started_at = ColumnText(st, 2);
    r.status = ColumnText(st, 3);
    r.stored = sqlite3_column_int64(st, 4);
    s.last_run = r;
  }
  sqlite3_finalize(st);
  return s;
}

}  // namespace newskb
