// newskb/pipeline/kb/search_sql.h
//
// Search across scripts, on the SQLite side: what a connection needs to
// read or write the full-text index `documents_fts` (schema/004) and to
// fold names in plain SQL.
//
//   fold(text)        SQL function: the entity key of text (NFKC, case,
//                     Traditional->Simplified, spaces removed), the folding
//                     of v_entities.alias_key: `alias_key = fold('美國能源部')`.
//   tokenize='newskb' FTS5 tokenizer over folded text:
//                     - a run of CJK characters (Han, kana, Hangul) gives,
//                       at each position, the character alone and, as a
//                       colocated token, the bigram of it and the next;
//                     - a run of letters and digits is one word;
//                     - anything else separates tokens.
//                     A query term of CJK characters is its bigrams, then
//                     its last character alone (one character: itself), so
//                     稀土 and 鋰 match, in either script, and a phrase
//                     matches only where its characters stand together. Offsets are those of the
//                     unfolded text, so highlight() and snippet() mark the
//                     characters as stored.
//
// The same source is compiled into the knowledge base (against sqlite3.h)
// and into the loadable extension libnewskb_sqlite.so (against
// sqlite3ext.h, NEWSKB_SQLITE_EXTENSION), so newskb, the sqlite3 shell and
// Python tokenize and fold alike.
//
// Thread safety: the registered functions only read `folding`, which must
// be immutable; SQLite calls them from whatever thread uses the connection.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/kb/kb.h"

namespace newskb {

// The two foldings the SQL side needs, from pipeline/normalize (passed in,
// so neither this module nor the extension's glue links ICU itself).
struct SearchFolding {
  FoldFn key;        // Normalizer::FoldKey
  FoldTextFn text;   // Normalizer::Normalize, as a FoldedText
};

// Registers fold() and the FTS5 tokenizer "newskb" on `db`. Returns false
// with *error set when SQLite refuses (e.g. no FTS5 in this SQLite).
bool RegisterSearchSql(sqlite3* db, std::shared_ptr<const SearchFolding> folding, std::string* error);

// The tokens of `folded` (see above), in order: `emit(token, start, end,
// colocated)` with `start`/`end` byte offsets in the unfolded text.
// kQuery: the tokens of a query phrase instead of a document. `emit`
// returns false to stop.
enum class TokenMode { kDocument, kQuery };
void SearchTokens(const FoldedText& folded, TokenMode mode,
                  const std::function<bool(std::string_view token, int start, int end, bool colocated)>& emit);

// The tokens of unfolded `text`, folded with `fold` a piece of about
// `piece_bytes` at a time (each piece ends where nothing folds or tokenizes
// across the cut: after an ASCII separator or Chinese punctuation such as
// 、。，, before ASCII or a Han character). In a document
// (TokenMode::kDocument), a stretch of another `piece_bytes` without such a
// place (a long run of Han characters: a 15 MiB line of 中) is cut between
// two Han characters instead, and the bigram across the cut is added. The
// tokens and offsets are those of SearchTokens(fold(text)); the memory is a
// piece's (up to two pieces' bytes). Only a stretch of over 64 KiB (or four
// pieces) with no such place at all (31 MiB of digits or of Latin letters)
// is cut at an ASCII byte, splitting the one word token that spans it.
// The FTS5 tokenizer uses kSearchPieceBytes.
constexpr size_t kSearchPieceBytes = size_t{1} << 20;
void SearchTokensOfText(const FoldTextFn& fold, std::string_view text, TokenMode mode, size_t piece_bytes,
                        const std::function<bool(std::string_view token, int start, int end, bool colocated)>& emit);

}  // namespace newskb
