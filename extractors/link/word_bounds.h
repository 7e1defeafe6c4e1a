// newskb/extractors/link/word_bounds.h
//
// Name boundaries from words (link/lexicon.h): a name starts and ends where
// words do, never spans a function word, and a found organization extends
// over the unit that follows it.
//
//   NameStart:  巴西只有圣保罗州保险公司 -> 圣保罗州保险公司 (只有 is a
//               conjunction), 学生能力培养辽宁大学 -> 辽宁大学 (培养 is a
//               verb followed by a place), 中国美术馆的大厅 -> 大厅 (的);
//               a name whose end falls inside a word (北京大学 of 北京大学生)
//               is refused.
//   OnWordBoundaries: a dictionary name (新乐队) does not count inside
//               other words (重新乐队 is 重新 + 乐队).
//   ExtendUnit: 国务院 + 残疾人工作协调委员会, 中央军委 + 法制局.
//
// All offsets are bytes of NORMALISED text. Each call segments a window of
// a few characters around the name (Lexicon::Segment); nothing is cached.
// Thread safety: free functions over immutable inputs.
#pragma once

#include <string>
#include <string_view>

#include "extractors/link/lexicon.h"
#include "extractors/link/spans.h"

namespace newskb {

// True for tags of words no name spans: conjunctions (c), prepositions (p),
// particles (u*), pronouns (r), adverbs (d), modal and interjection words
// (y, e, o), time words (t).
bool IsFunctionTag(std::string_view tag);

// The start of the name t[b, e) by words: past a word straddling `b`, then
// past the last function word inside, or the last verb inside that is
// followed by a place or body head (`heads`) or a place/organization word of
// the lexicon; with `cut_numbers`, past the last numeral or classifier too
// (现拥有两个二级学院 -> 学院). npos if `e` falls inside a word or nothing is left.
size_t NameStart(const Lexicon& lex, const WordList& heads, std::string_view t, size_t b, size_t e,
                 bool cut_numbers = false);

// The end of a dictionary name t[b, e) on word boundaries: npos if `b`
// falls inside a word (新乐队 in 重新乐队 is 重新 + 乐队); `e` if it is a
// word end; the end of the word `e` falls in if that word ends with a head
// of `unit_heads` (国务院法制办 in 国务院法制办公室 -> the whole), else npos.
size_t WordAlignedEnd(const Lexicon& lex, const WordList& unit_heads, std::string_view t, size_t b,
                      size_t e);

// True unless a word crosses the start of the name t[b, e) and ends inside
// it: 民建 in 人民建 (人民 + 建) is cut; 港大 of 港大学生会 (its end inside a
// word) and 白宫 of 美国白宫 (one word holding the name whole) are not.
bool StartsOnWord(const Lexicon& lex, std::string_view t, size_t b, size_t e);

// The length in bytes of the first word of t[b, e) if the lexicon tags it a
// place (ns), it has two characters or more and three more follow it in
// t[b, e) (圣保罗州 of 圣保罗州保险公司); 0 otherwise.
size_t PlaceWordAt(const Lexicon& lex, std::string_view t, size_t b, size_t e);

// The left edge of a built name t[b, e) moved back to a word start: when a
// word of the lexicon starts at or after `lo` (the rule's match), before
// `b`, and ends inside the name, a name word (no function word, verb,
// numeral or classifier), the name starts where that word starts: a place
// head found inside a word is no start (區法院 of 東區法院 -> 東區法院).
// `b` itself when it is a word start or no such word holds it; npos when a
// word that is no name word holds it (the name would start inside 培养).
size_t WordStartBack(const Lexicon& lex, std::string_view t, size_t lo, size_t b, size_t e);

// The end of the unit that extends an organization ending at `e`: name
// words (no function word, no person name, no punctuation, at most one verb
// and only right before the last word), up to ten characters, whose last
// word is a head of `unit_heads` (委员会, 办公室, 局) or an organization word
// of the lexicon right after `e` (nt: 法制局, 法工委), or one word of three
// characters or more ending in a head (学生会 of 港大学生会); a later organization
// word ends the unit (外交部 of 外经贸部经商外交部 is another name). `e`
// itself if none.
size_t ExtendUnit(const Lexicon& lex, const WordList& unit_heads, std::string_view t, size_t e);

}  // namespace newskb
