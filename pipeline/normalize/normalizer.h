// newskb/pipeline/normalize/normalizer.h
//
// Normalisation for matching, with an offset map back to the stored body.
//
// The article body (Document::body) is never changed. For matching, newskb
// builds a NormText: the body with every code point replaced by its
//   NFKC_Casefold form  (full-width digits/letters/punctuation -> ASCII,
//                        upper -> lower case, compatibility forms unfolded)
//   then Traditional -> Simplified  (ICU's "Traditional-Simplified"
//                        transliterator, applied ONCE per code point at build
//                        time and compiled in as a table, fold_table.h; the
//                        hot path is a table look-up, never a Transliterator)
// Line breaks are kept as '\n' so rules can see paragraph ends.
//
// Offsets: NormText::cp_of_byte maps every byte of NormText::text to the
// code point of the body that produced it, so a match found at bytes
// [b, e) of the normalised text is the body span
//   [ norm.BodyStart(b), norm.BodyEnd(e) )   in code points,
// the unit of the knowledge base's `start`/`end` columns.
//
// Sentences: split on 。！？；!?; and line breaks (the hand split measured
// 4.5x faster than ICU's BreakIterator here, notes/limits.md), kept in both
// unit systems.
//
// Thread safety: a Normalizer is immutable after Create(); share one across
// threads. Cost: Create() ~5 ms (the compiled table); Normalize() is linear.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/text/document.h"
#include "pipeline/text/status.h"

namespace newskb {

struct NormSentence {
  size_t begin = 0, end = 0;       // bytes in NormText::text
  uint32_t start = 0, stop = 0;    // code points in the body (end exclusive)
};

struct NormText {
  std::string text;                  // normalised UTF-8
  std::vector<uint32_t> cp_of_byte;  // size text.size()+1; last = body code-point count
  std::vector<uint32_t> body_byte;   // body_byte[c] = byte offset of code point c in body; size = count+1
  std::vector<NormSentence> sentences;

  // Body span (code points) of normalised bytes [b, e), e > b.
  uint32_t BodyStart(size_t b) const { return cp_of_byte[b]; }
  uint32_t BodyEnd(size_t e) const { return e == 0 ? 0 : cp_of_byte[e - 1] + 1; }
  // The body's text between code points [start, end).
  std::string_view BodyText(std::string_view body, uint32_t start, uint32_t end) const {
    return body.substr(body_byte[start], body_byte[end] - body_byte[start]);
  }
  // Index of the sentence holding body code point `cp` (sentences cover the body).
  size_t SentenceOf(uint32_t cp) const;
};

class Normalizer {
 public:
  // Builds the tables (fold_table.h). Fails only if ICU data is missing.
  static Result<std::shared_ptr<const Normalizer>> Create();

  // REQUIRES: body is valid UTF-8 (pipeline/io validates every input).
  NormText Normalize(std::string_view body) const;

  // The folded key of a short string (entity names, aliases, dictionary
  // entries): same folding as Normalize, plus spaces and middle dots
  // removed, plus variant characters folded: every character of a variant
  // class (pipeline/normalize/variants.txt, generated from OpenCC's
  // Traditional/Simplified, Taiwan and Hong Kong tables) becomes the
  // class's representative, its character most used in Simplified Chinese,
  // so keys read as Simplified text ("計畫署" -> "计划署"). "美國 能源部" and "美国能源部", "ＤＯＥ"/"doe",
  // "峯會"/"峰会", "計畫"/"计划", "臺"/"台", "裏"/"裡", "着"/"著" fold alike.
  // Only keys fold variants; Normalize's text (what rules match) does not.
  std::string FoldKey(std::string_view s) const;

  // Names the folding FoldKey does (ICU version, variant table), so a
  // knowledge base can tell when its stored keys were made differently.
  const std::string& FoldId() const;

  // Folding without removing spaces (for matching text against rules).
  std::string Fold(std::string_view s) const;

  ~Normalizer();

 private:
  Normalizer();
  struct Tables;
  std::unique_ptr<Tables> t_;
};

}  // namespace newskb
