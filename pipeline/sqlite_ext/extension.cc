// libnewskb_sqlite.so: newskb's folding and search tokenizer for any SQLite
// program (the sqlite3 shell, Python's sqlite3, sqlite-utils, DuckDB's
// sqlite scanner is not one: it cannot load extensions).
//
//   sqlite3 newskb.sqlite -cmd '.load build/libnewskb_sqlite'
//   sqlite> SELECT doc_key FROM documents_fts JOIN documents ON doc_id = documents_fts.rowid
//      ...>  WHERE documents_fts MATCH '稀土';
//   sqlite> SELECT * FROM v_entities WHERE alias_key = fold('美國能源部');
//
// Registers on each connection that loads it: fold(text) and the FTS5
// tokenizer "newskb" (pipeline/kb/search_sql.h), built from the same
// Normalizer tables as the newskb binary, so results are the same.
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <memory>
#include <string>

#include "pipeline/cli/search_folding.h"
#include "pipeline/kb/search_sql.h"
#include "pipeline/normalize/normalizer.h"

namespace {

// The Normalizer's tables are built once per process (about 50 ms) and
// shared by every connection; they are immutable.
newskb::Result<std::shared_ptr<const newskb::SearchFolding>> Folding() {
  static const auto kFolding = []() -> newskb::Result<std::shared_ptr<const newskb::SearchFolding>> {
    auto norm = newskb::Normalizer::Create();
    if (!norm.ok()) return norm.status();
    return newskb::MakeSearchFolding(norm.value());
  }();
  return kFolding;
}

int Init(sqlite3* db, char** error, const sqlite3_api_routines* api) {
  SQLITE_EXTENSION_INIT2(api);
  auto folding = Folding();
  std::string err;
  if (!folding.ok()) err = "newskb: " + folding.status().message();
  else if (!newskb::RegisterSearchSql(db, folding.value(), &err)) err = "newskb: " + err;
  if (!err.empty()) {
    if (error) *error = sqlite3_mprintf("%s", err.c_str());
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

}  // namespace

// Entry points: the name the shell derives from the file name
// (libnewskb_sqlite.so -> sqlite3_newskbsqlite_init), and the generic one.
extern "C" __attribute__((visibility("default"))) int sqlite3_newskbsqlite_init(
    sqlite3* db, char** error, const sqlite3_api_routines* api) {
  return Init(db, error, api);
}
extern "C" __attribute__((visibility("default"))) int sqlite3_extension_init(sqlite3* db, char** error,
                                                                            const sqlite3_api_routines* api) {
  return Init(db, error, api);
}
