// newskb/extractors/link/spans.h
//
// Helpers shared by the organization and policy extractors for bounding a
// name inside normalised text: word lists (stop words, place heads, non-name
// nouns) loaded from extractors/rules/gazetteer/*.txt, left trimming, and
// checks against the original (un-folded) body.
//
// Word list files: UTF-8, one entry a line, `#` comments; entries are folded
// with Normalizer::Fold when loaded, so either script may be written. An
// entry starting with `!` is a negative entry: where it matches at least as
// long as a positive one, MatchAt reports no match (heads.txt: `!市场`
// keeps 市 from being a head inside 市场).
//
// Thread safety: WordList is immutable after loading; all functions are
// const or free and may run on many threads at once.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/link/gazetteer.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/document.h"
#include "pipeline/text/status.h"

namespace newskb {

// The entries of a word-list file: one a line, trimmed of spaces and tabs;
// blank lines and lines starting with `#` are skipped.
Result<std::vector<std::string>> ReadWordLines(const std::string& path);

class WordList {
 public:
  static Result<std::shared_ptr<const WordList>> LoadFile(const std::string& path,
                                                          const Normalizer& norm);
  static std::shared_ptr<const WordList> FromWords(const std::vector<std::string>& words,
                                                   const Normalizer& norm);
  // Longest entry starting at text[pos]; 0 if none (ASCII boundaries apply).
  size_t MatchAt(std::string_view text, size_t pos) const;
  // True if the whole of `s` (folded) is an entry.
  bool Contains(std::string_view folded) const;
  // True if folded `s` ends with an entry, and no negative entry is a
  // longer suffix of it (!大会 keeps 会 from ending 交易会).
  bool EndsWithEntry(std::string_view folded) const;
  size_t size() const { return words_.size(); }

 private:
  LiteralTrie trie_, negative_;
  std::vector<std::string> words_;  // folded, sorted
};

// Moves `b` right past the last stop word lying in [b, limit) that leaves at
// least `min_keep` code points before `limit`; returns the new begin (b
// itself if none). So 硅和平 keeps its 和, 美国推动硅和平 loses 美国推动.
size_t TrimAfterStops(std::string_view text, size_t b, size_t limit, const WordList& stops,
                      size_t min_keep = 2);

// Leftmost position p in [b, limit) where a `heads` entry starts; npos if none.
size_t FirstHead(std::string_view text, size_t b, size_t limit, const WordList& heads);

// Non-empty spans [b, e) kept in priority order, none overlapping another:
// TryAdd keeps a span unless it overlaps one kept before. O(log k) a call,
// so resolving k candidates costs O(k log k), however long the document.
class DisjointSpans {
 public:
  bool Overlaps(size_t b, size_t e) const;
  // Keeps [b, e) and returns true unless it overlaps a kept span.
  bool TryAdd(size_t b, size_t e);

 private:
  std::map<size_t, size_t> spans_;  // begin -> end; disjoint, so ends ascend too
};

// A fixed set of spans (they may overlap each other), asked whether a span
// [b, e) overlaps any of them. Built in O(k log k); each question O(log k).
class SpanSet {
 public:
  explicit SpanSet(std::vector<std::pair<size_t, size_t>> spans);
  bool Overlaps(size_t b, size_t e) const;

 private:
  std::vector<size_t> begins_;   // ascending
  std::vector<size_t> max_end_;  // max_end_[i]: the largest end of spans 0..i
};

// Spans added one by one (they may overlap each other), asked whether a
// span [b, e) overlaps any. A question costs O(log k) plus the spans that
// begin within the longest span's length before e (names are short, so a
// few), not a scan of all k.
class GrowingSpans {
 public:
  void Add(size_t b, size_t e);
  bool Overlaps(size_t b, size_t e) const;

 private:
  std::multimap<size_t, size_t> spans_;  // begin -> end
  size_t longest_ = 0;
};

// The body text of normalised bytes [b, e).
std::string_view BodySpan(const Document& doc, const NormText& norm, size_t b, size_t e);

// For a span with Latin letters: true if every Latin word of the body text
// begins with an upper-case letter or digit, except short function words
// (of, for, and, the, de, &). False if the span has no Latin letter.
bool LatinCapitalized(std::string_view body_text);

// True if the span's body text has at least one upper-case ASCII letter.
bool HasUpper(std::string_view body_text);

// Code-point length of UTF-8 text.
size_t Utf8Length(std::string_view s);
// Byte length of the UTF-8 character at s[i].
size_t Utf8CharLen(std::string_view s, size_t i);
// True if s is non-empty and every byte is ASCII.
bool IsAscii(std::string_view s);

}  // namespace newskb
