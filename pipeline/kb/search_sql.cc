#include "pipeline/kb/search_sql.h"

#ifdef NEWSKB_SQLITE_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif

#include <algorithm>
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

}  // namespace

void SearchTokens(const FoldedText& f, TokenMode mode,
                  const std::function<bool(std::string_view, int, int, bool)>& emit) {
  const std::string_view t = f.text;
  // Unfolded byte span of folded bytes [b, e).
  auto start_of = [&](size_t b) { return static_cast<int>(f.byte_of_cp[f.cp_of_byte[b]]); };
  auto end_of = [&](size_t e) { return static_cast<int>(f.byte_of_cp[f.cp_of_byte[e - 1] + 1]); };
  // One pass over the code points, runs of one class (CJK or word) closed
  // by a separator or a change of class, holding only the open run's start
  // and, in a CJK run, the character whose tokens wait for the next one.
  // Position i of a CJK run: in a document, the character alone, with the
  // bigram of it and the next as a colocated token; in a query, the bigram
  // (the last character alone). A phrase thus needs its characters
  // adjacent, and highlight() marks exactly them (it marks positions' first
  // tokens).
  constexpr size_t kNone = std::string_view::npos;
  CharClass open = CharClass::kSeparator;
  size_t word_begin = 0;                   // open word run: its start
  size_t wait_begin = kNone, wait_end = 0;  // open CJK run: the character waiting
  auto close = [&](size_t at) {
    if (open == CharClass::kWord) {
      if (!emit(t.substr(word_begin, at - word_begin), start_of(word_begin), end_of(at), false)) return false;
    } else if (open == CharClass::kCjk && wait_begin != kNone) {
      if (!emit(t.substr(wait_begin, wait_end - wait_begin), start_of(wait_begin), end_of(wait_end), false))
        return false;
    }
    open = CharClass::kSeparator;
    wait_begin = kNone;
    return true;
  };
  for (size_t i = 0; i < t.size();) {
    size_t len;
    const CharClass c = ClassOf(Decode(t, i, &len));
    if (c != open && !close(i)) return;
    if (c == CharClass::kWord && open != CharClass::kWord) word_begin = i;
    if (c == CharClass::kCjk) {
      if (wait_begin != kNone) {  // the waiting character has its next: its tokens
        if (mode == TokenMode::kQuery) {
          if (!emit(t.substr(wait_begin, i + len - wait_begin), start_of(wait_begin), end_of(i + len), false))
            return;
        } else {
          if (!emit(t.substr(wait_begin, wait_end - wait_begin), start_of(wait_begin), end_of(wait_end), false))
            return;
          if (!emit(t.substr(wait_begin, i + len - wait_begin), start_of(wait_begin), end_of(i + len), true))
            return;
        }
      }
      wait_begin = i;
      wait_end = i + len;
    }
    open = c;
    i += len;
  }
  close(t.size());
}

namespace {

// True if the text may be cut before text[p] for folding in pieces, with
// the same folded text and tokens as whole: an ASCII separator before it
// (no token spans it; folding maps it alone), and ASCII or a Han character
// at it (nothing that composes with what precedes it, as a combining mark
// or a Hangul jamo would).
// Chinese punctuation that folds to itself or to ASCII punctuation, alone,
// and is a separator before and after folding: 、。「」『』【】，；：！？（）.
bool IsCjkPunctuation(char32_t c) {
  return c == 0x3001 || c == 0x3002 || (c >= 0x300C && c <= 0x3011) || c == 0xFF0C || c == 0xFF1B ||
         c == 0xFF1A || c == 0xFF01 || c == 0xFF1F || c == 0xFF08 || c == 0xFF09;
}

bool SafeCut(std::string_view text, size_t p) {
  if (p == 0 || p >= text.size()) return p >= text.size();
  unsigned char before = static_cast<unsigned char>(text[p - 1]);
  if (before >= 0x80) {  // or after Chinese punctuation (3 bytes): a text with no ASCII separator
    size_t len;
    if (p < 3 || !IsCjkPunctuation(Decode(text, p - 3, &len)) || len != 3) return false;
  } else if (ClassOf(before) != CharClass::kSeparator || before == '\r') {
    return false;
  }
  unsigned char at = static_cast<unsigned char>(text[p]);
  if (at < 0x80) return at != '\n';
  size_t len;
  char32_t cp = Decode(text, p, &len);
  return cp >= 0x4E00 && cp <= 0x9FFF;
}

// A place to cut a long stretch that has no safe cut (a run of Han
// characters without any ASCII separator): between two Han characters, each
// of which folds alone. Only the bigram across the cut is then missing from
// the pieces' tokens; SearchTokensOfText adds it.
bool HanPair(std::string_view text, size_t p) {
  if (p < 3 || p >= text.size()) return false;
  size_t len;
  char32_t a = Decode(text, p - 3, &len);
  if (len != 3 || a < 0x4E00 || a > 0x9FFF) return false;
  char32_t b = Decode(text, p, &len);
  return len == 3 && b >= 0x4E00 && b <= 0x9FFF;
}

// A stretch this long past a piece's end with no safe cut and no two Han
// characters side by side (31 MiB of digits, or of Latin letters) is cut at
// an ASCII byte anyway: in a document, a word token longer than this is
// split there.
constexpr size_t kForcedCutBytes = size_t{64} << 10;

// Where the piece that starts at `b` ends: the first safe cut at or past
// b + piece; in a document, when the next `piece` bytes have none, the first
// place between two Han characters (*bridge = true: the caller adds the
// bigram across it), else the first safe cut in the next
// max(4 pieces, kForcedCutBytes), else the first ASCII byte after that;
// in a query, the first safe cut however far.
size_t PieceCut(std::string_view text, size_t b, size_t piece, TokenMode mode, bool* bridge) {
  *bridge = false;
  size_t e = std::min(text.size(), b + piece);
  size_t limit = std::min(text.size(), e + piece);
  for (size_t p = e; p <= limit; ++p)
    if (SafeCut(text, p)) return p;
  if (mode == TokenMode::kDocument) {
    // (at least one character past b, however small the piece)
    for (size_t p = std::max(e, b + 3), end = std::max(limit, std::min(text.size(), b + 6)); p < end; ++p)
      if (HanPair(text, p)) {
        *bridge = true;
        return p;
      }
  }
  size_t p = limit;
  if (mode == TokenMode::kDocument) {
    const size_t far = std::min(text.size(), limit + std::max(4 * piece, kForcedCutBytes));
    for (; p < far; ++p)
      if (SafeCut(text, p)) return p;
    for (; p < text.size(); ++p)
      if (static_cast<unsigned char>(text[p]) < 0x80) return p;
    return p;
  }
  while (!SafeCut(text, p)) ++p;
  return p;
}

}  // namespace

void SearchTokensOfText(const FoldTextFn& fold, std::string_view text, TokenMode mode, size_t piece_bytes,
                        const std::function<bool(std::string_view, int, int, bool)>& emit) {
  bool go = true;
  for (size_t b = 0; b < text.size() && go;) {
    bool bridge = false;
    size_t e = PieceCut(text, b, std::max<size_t>(piece_bytes, 1), mode, &bridge);
    FoldedText f = fold(text.substr(b, e - b));
    if (f.cp_of_byte.size() < f.text.size() || f.byte_of_cp.empty()) return;
    const int base = static_cast<int>(b);
    SearchTokens(f, mode, [&](std::string_view t, int start, int end, bool colocated) {
      return go = emit(t, base + start, base + end, colocated);
    });
    if (bridge && go) {  // the bigram of the two Han characters around the cut, as whole
      FoldedText two = fold(text.substr(e - 3, 6));
      if (two.cp_of_byte.size() < two.text.size() || two.byte_of_cp.empty()) return;
      const int at = static_cast<int>(e - 3);
      SearchTokens(two, mode, [&](std::string_view t, int start, int end, bool colocated) {
        if (colocated) go = emit(t, at + start, at + end, true);
        return go;
      });
    }
    b = e;
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
  int rc = SQLITE_OK;
  TokenMode mode = (flags & FTS5_TOKENIZE_QUERY) ? TokenMode::kQuery : TokenMode::kDocument;
  // Folded a piece at a time: a 30 MB article holds a folded piece and its
  // offset maps (9 bytes a byte), not the whole text's.
  SearchTokensOfText(h->folding->text, std::string_view(text, ntext), mode, kSearchPieceBytes,
                     [&](std::string_view t, int start, int end, bool colocated) {
                       rc = token(ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, t.data(),
                                  static_cast<int>(t.size()), start, end);
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
