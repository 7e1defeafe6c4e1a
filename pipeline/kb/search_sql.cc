#include "pipeline/kb/search_sql.h"

#ifdef NEWSKB_SQLITE_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif

#include <vector>

namespace newskb {
namespace {

enum class CharClass { kSeparator, kCjk, kWord };

// Classes of folded code points (folding has made letters lower case and
// full-width forms ASCII).
CharClass ClassOf(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) return CharClass::kWord;
    return CharClass::kSeparator;
  }
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3FFFF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
      (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
      (c >= 0x2E80 && c <= 0x2FDF) || c == 0x3005 || c == 0x3007)
    return CharClass::kCjk;
  // Punctuation, symbols, spaces, private use, emoji: separators.
  if (c <= 0xBF || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
      (c >= 0xFE10 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0xE000 && c <= 0xF8FF) ||
      (c >= 0xFFF0 && c <= 0xFFFF) || (c >= 0x1F000 && c <= 0x1FAFF))
    return CharClass::kSeparator;
  return CharClass::kWord;  // letters of other scripts (Latin accents, Greek, Cyrillic...)
}

char32_t Decode(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + n > s.size()) n = 1;
  char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

struct Run {
  CharClass cls;
  std::vector<size_t> chars;  // byte offset of each code point in the folded text; back() = end
};

// Runs of code points of one class (CJK or word), separators dropped.
std::vector<Run> Runs(std::string_view t) {
  std::vector<Run> runs;
  bool open = false;
  size_t i = 0;
  auto close = [&]() {
    if (open) runs.back().chars.push_back(i);
    open = false;
  };
  while (i < t.size()) {
    size_t len;
    CharClass c = ClassOf(Decode(t, i, &len));
    if (c == CharClass::kSeparator || (open && runs.back().cls != c)) close();
    if (c != CharClass::kSeparator) {
      if (!open) runs.push_back({c, {}});
      open = true;
      runs.back().chars.push_back(i);
    }
    i += len;
  }
  close();
  return runs;
}

}  // namespace

void SearchTokens(const FoldedText& f, TokenMode mode,
                  const std::function<bool(std::string_view, int, int, bool)>& emit) {
  const std::string_view t = f.text;
  // Unfolded byte span of folded bytes [b, e).
  auto start_of = [&](size_t b) { return static_cast<int>(f.byte_of_cp[f.cp_of_byte[b]]); };
  auto end_of = [&](size_t e) { return static_cast<int>(f.byte_of_cp[f.cp_of_byte[e - 1] + 1]); };
  std::vector<Run> runs = Runs(t);
  for (size_t r = 0; r < runs.size(); ++r) {
    const std::vector<size_t>& c = runs[r].chars;  // n code points: c[0..n-1] starts, c[n] end
    const size_t n = c.size() - 1;
    if (runs[r].cls == CharClass::kWord) {
      if (!emit(t.substr(c[0], c[n] - c[0]), start_of(c[0]), end_of(c[n]), false)) return;
      continue;
    }
    // Position i: in a document, the character alone, with the bigram of
    // it and the next as a colocated token; in a query, the bigram (the
    // last character alone). A phrase thus needs its characters adjacent,
    // and highlight() marks exactly them (it marks positions' first tokens).
    for (size_t i = 0; i < n; ++i) {
      const bool has_next = i + 1 < n;
      if (mode == TokenMode::kQuery && has_next) {
        if (!emit(t.substr(c[i], c[i + 2] - c[i]), start_of(c[i]), end_of(c[i + 2]), false)) return;
        continue;
      }
      if (!emit(t.substr(c[i], c[i + 1] - c[i]), start_of(c[i]), end_of(c[i + 1]), false)) return;
      if (mode == TokenMode::kDocument && has_next &&
          !emit(t.substr(c[i], c[i + 2] - c[i]), start_of(c[i]), end_of(c[i + 2]), true))
        return;
    }
  }
}

namespace {

struct Holder {
  std::shared_ptr<const SearchFolding> folding;
};

void FoldSql(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) { sqlite3_result_null(ctx); return; }
  auto* h = static_cast<Holder*>(sqlite3_user_data(ctx));
  const char* s = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  int n = sqlite3_value_bytes(argv[0]);
  std::string key = h->folding->key(std::string_view(s ? s : "", s ? n : 0));
  sqlite3_result_text(ctx, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

// FTS5 tokenizer: the tokenizer object is the Holder itself.
int TokCreate(void* user, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(user);
  return SQLITE_OK;
}
void TokDelete(Fts5Tokenizer*) {}

int TokTokenize(Fts5Tokenizer* tok, void* ctx, int flags, const char* text, int ntext,
                int (*token)(void*, int, const char*, int, int, int)) {
  auto* h = reinterpret_cast<Holder*>(tok);
  if (ntext <= 0) return SQLITE_OK;
  FoldedText f = h->folding->text(std::string_view(text, ntext));
  if (f.cp_of_byte.size() < f.text.size() || f.byte_of_cp.empty()) return SQLITE_ERROR;
  int rc = SQLITE_OK;
  TokenMode mode = (flags & FTS5_TOKENIZE_QUERY) ? TokenMode::kQuery : TokenMode::kDocument;
  SearchTokens(f, mode, [&](std::string_view t, int start, int end, bool colocated) {
    rc = token(ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, t.data(), static_cast<int>(t.size()), start, end);
    return rc == SQLITE_OK;
  });
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

void DeleteHolder(void* p) { delete static_cast<Holder*>(p); }

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(st, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return api;
}

}  // namespace

bool RegisterSearchSql(sqlite3* db, std::shared_ptr<const SearchFolding> folding, std::string* error) {
  if (!folding || !folding->key || !folding->text) { *error = "no folding given"; return false; }
  auto* fold_holder = new Holder{folding};
  if (sqlite3_create_function_v2(db, "fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                 fold_holder, FoldSql, nullptr, nullptr, DeleteHolder) != SQLITE_OK) {
    *error = std::string("registering fold(): ") + sqlite3_errmsg(db);
    return false;
  }
  fts5_api* api = Fts5Api(db);
  if (!api) { *error = "this SQLite has no FTS5"; return false; }
  static fts5_tokenizer kTokenizer = {TokCreate, TokDelete, TokTokenize};
  auto* tok_holder = new Holder{folding};
  if (api->xCreateTokenizer(api, "newskb", tok_holder, &kTokenizer, DeleteHolder) != SQLITE_OK) {
    delete tok_holder;
    *error = "registering the FTS5 tokenizer newskb";
    return false;
  }
  return true;
}

}  // namespace newskb
