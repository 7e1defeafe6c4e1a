// newskb/extractors/link/word_bounds.cc
#include "extractors/link/word_bounds.h"

#include <vector>

#include "extractors/link/linker.h"

namespace newskb {
namespace {

// Up to `n` characters before `pos`, not crossing a line break.
size_t BackChars(std::string_view t, size_t pos, int n) {
  size_t p = pos;
  for (int k = 0; k < n && p > 0 && t[p - 1] != '\n'; ++k) {
    --p;
    while (p > 0 && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) --p;
  }
  return p;
}

// Up to `n` characters after `pos`, not crossing a line break.
size_t AheadChars(std::string_view t, size_t pos, int n) {
  size_t p = pos;
  for (int k = 0; k < n && p < t.size() && t[p] != '\n'; ++k) p += Utf8CharLen(t, p);
  return p;
}

bool IsBoundary(const std::vector<LexWord>& words, size_t pos) {
  for (const LexWord& w : words) {
    if (w.b == pos || w.e == pos) return true;
    if (w.b < pos && pos < w.e) return false;
  }
  return true;
}

bool IsPlaceOrBodyWord(std::string_view tag) { return tag == "ns" || tag == "nt"; }

}  // namespace

bool IsFunctionTag(std::string_view tag) {
  if (tag.empty()) return false;
  switch (tag[0]) {
    case 'c': case 'p': case 'u': case 'r': case 'd': case 'y': case 'e': case 'o':
      return true;
    case 't':
      return tag == "t";
    default:
      return false;
  }
}

size_t NameStart(const Lexicon& lex, const WordList& heads, std::string_view t, size_t b, size_t e,
                 bool cut_numbers) {
  size_t ws = BackChars(t, b, 6), we = AheadChars(t, e, 2);
  std::vector<LexWord> words = lex.Segment(t, ws, we);
  if (!IsBoundary(words, e)) return std::string_view::npos;
  size_t start = b;
  for (const LexWord& w : words)
    if (w.b < b && b < w.e) start = w.e;  // a word straddles b: start after it
  for (size_t i = 0; i < words.size(); ++i) {
    const LexWord& w = words[i];
    if (w.b < start || w.e > e) continue;
    // A numeral that starts a place (四 of 四川) is none, nor a measure word
    // that ends the name (台 of 四川有线电视台: its head); a numeral that
    // ends it leaves nothing (世界首部: a count, no body).
    bool number = cut_numbers && heads.MatchAt(t, w.b) == 0 && (w.tag == "m" || (w.tag == "q" && w.e < e));
    // An adverb modifies a verb or an adjective, never a noun: one character
    // tagged d between the name's first character, alone, and its last
    // word, a noun, is the brand's second character (石 + 尚 + 公司 is 石尚公司, 友尚
    // 公司; not 企业 or 公司 alone).
    bool brand_char = w.tag == "d" && w.e - w.b <= 3 && i > 0 && words[i - 1].b == start &&
                      words[i - 1].e - words[i - 1].b <= 3 && words[i - 1].e == w.b &&
                      i + 1 < words.size() && words[i + 1].b == w.e && words[i + 1].e == e &&
                      !words[i + 1].tag.empty() && words[i + 1].tag[0] == 'n' && !IsFunctionTag(words[i - 1].tag) &&
                      words[i - 1].tag != "v";
    if ((IsFunctionTag(w.tag) && !brand_char) || number) {
      start = w.e;
    } else if (w.tag == "v" && i + 1 < words.size() && words[i + 1].e <= e) {
      const LexWord& n = words[i + 1];
      if (heads.MatchAt(t, n.b) > 0 || IsPlaceOrBodyWord(n.tag)) start = w.e;
    }
  }
  return start < e ? start : std::string_view::npos;
}

size_t WordAlignedEnd(const Lexicon& lex, const WordList& unit_heads, std::string_view t, size_t b,
                      size_t e) {
  std::vector<LexWord> words = lex.Segment(t, BackChars(t, b, 4), AheadChars(t, e, 4));
  if (!IsBoundary(words, b)) return std::string_view::npos;
  for (const LexWord& w : words) {
    if (w.e == e) return e;
    if (w.b < e && e < w.e)
      return unit_heads.EndsWithEntry(t.substr(w.b, w.e - w.b)) ? w.e : std::string_view::npos;
  }
  return e;
}

bool StartsOnWord(const Lexicon& lex, std::string_view t, size_t b, size_t e) {
  for (const LexWord& w : lex.Segment(t, BackChars(t, b, 4), AheadChars(t, e, 4)))
    if (w.b < b && b < w.e) return w.e >= e;  // 美国白宫 holds 白宫 whole; 人民 cuts 民建
  return true;
}

size_t PlaceWordAt(const Lexicon& lex, std::string_view t, size_t b, size_t e) {
  std::vector<LexWord> words = lex.Segment(t, b, e);
  if (words.empty() || words[0].tag != "ns") return 0;
  size_t n = words[0].e - words[0].b;
  // Two characters or more, and three more after it: 圣保罗州保险公司, not 华兴银行.
  if (Utf8Length(t.substr(b, n)) < 2 || Utf8Length(t.substr(b + n, e - b - n)) < 3) return 0;
  return n;
}

size_t WordStartBack(const Lexicon& lex, std::string_view t, size_t lo, size_t b, size_t e) {
  if (b <= lo) return b;
  for (const LexWord& w : lex.Segment(t, BackChars(t, b, 6), AheadChars(t, e, 2))) {
    if (!(w.b < b && b < w.e)) continue;
    if (w.b < lo || w.e > e) return b;  // not the rule's to move
    std::string_view tag = w.tag;
    if (!w.known || IsFunctionTag(tag) || tag[0] == 'v' || tag == "m" || tag == "q") return std::string_view::npos;
    return w.b;
  }
  return b;
}

size_t ExtendUnit(const Lexicon& lex, const WordList& unit_heads, std::string_view t, size_t e) {
  size_t we = AheadChars(t, e, 12);
  // Cheap test first: no unit head starts in the Han run after `e`, no unit
  // (most names are followed by a verb or punctuation).
  bool any_head = false;
  for (size_t i = e; i < we && !any_head; i += Utf8CharLen(t, i)) {
    if (!HasHan(t.substr(i, Utf8CharLen(t, i)))) break;
    any_head = unit_heads.MatchAt(t, i) > 0;
  }
  if (!any_head) return e;
  std::vector<LexWord> words = lex.Segment(t, e, we);
  size_t best = e;
  int verbs = 0, chars = 0;
  // A unit that starts with a verb needs a long head (below).
  const bool verb_first = !words.empty() && words[0].tag == "v";
  for (size_t i = 0; i < words.size(); ++i) {
    const LexWord& w = words[i];
    if (!HasHan(t.substr(w.b, w.e - w.b)) || IsFunctionTag(w.tag)) break;
    if (w.tag == "nr" || w.tag == "nrfg" || w.tag == "nrt" || w.tag == "m" || w.tag == "q") break;
    chars += static_cast<int>(Utf8Length(t.substr(w.b, w.e - w.b)));
    if (chars > 10) break;
    std::string_view word = t.substr(w.b, w.e - w.b);
    // A further organization is another name, not a unit: 外经贸部经商 | 外交部.
    if (w.tag == "nt" && i > 0) break;
    bool head = (unit_heads.Contains(word) && Utf8Length(word) >= 2) || w.tag == "nt";
    // One word of three characters or more ending in a head is a unit of its
    // own: 港大 + 学生会, 北京大学 + 研究生院 (never a bare 公司 or 总部).
    bool unit_word = i == 0 && Utf8Length(word) >= 3 && unit_heads.EndsWithEntry(word);
    // A unit that starts with a verb ends in a head of three characters or
    // more (预算委员会); before a shorter one the verb is what the body does
    // and the word its object: 台中市政府 + 批評中央, 国资委 + 牵头组织.
    bool short_head = Utf8Length(word) < 3;
    if (((head && (i > 0 || w.tag == "nt")) || unit_word) && !(verb_first && short_head))
      best = w.e;  // 法制局 alone
    if (w.tag == "v") {
      // One verb, right before the head: 协调委员会, not 决定成立委员会.
      if (++verbs > 1 || i + 1 >= words.size()) break;
      std::string_view nxt = t.substr(words[i + 1].b, words[i + 1].e - words[i + 1].b);
      if (!unit_heads.Contains(nxt)) break;
    }
  }
  return best;
}

}  // namespace newskb
