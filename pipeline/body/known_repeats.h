// newskb/pipeline/body/known_repeats.h
//
// Text a source is known to repeat, shipped as data, so that a small batch
// is cleaned as well as a large one. RepeatMemory (repeats.h) learns what a
// source repeats during one run and applies it from the sixth document that
// carries it; a user who ingests ten articles of a site never gets there.
// KnownRepeats holds what the development corpus taught: per source, the
// hashes of the segments (repeats.h: lines, and pieces of a line between
// ideographic spaces, SegmentHash of the text without white space) that
// stood in many documents of that source. Such a segment leaves a body from
// the first document, before RepeatMemory sees it.
//
// The data file (RULES_DIR/repeats.tsv) is written by `newskb rules repeats`
// (scripts/learn-repeats.sh runs it over the development corpus). One
// segment a line, tab-separated:
//
//   SOURCE  HASH  DOCUMENTS  IDS
//   NadalChi/AML  8f3c0d2a9b1e4477  463  aml-12 aml-40 aml-77
//
// SOURCE is a RepeatMemory::SourceKey, HASH 16 hex digits, DOCUMENTS how
// many documents of the corpus held the segment, IDS some of them (where to
// look). Lines starting with '#' and blank lines are comments. The file holds
// no text of the articles.
//
// RepeatLearner counts segments over a corpus for `newskb rules repeats`.
//
// Thread safety: a KnownRepeats is immutable once loaded and may be shared
// by any number of threads; RepeatLearner is not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pipeline/text/status.h"

namespace newskb {

class KnownRepeats {
 public:
  // Segments shorter than this are never known (RepeatMemory's default).
  static constexpr size_t kMinCodePoints = 12;

  KnownRepeats() = default;

  // Parses the data file's text; errors name `name`:LINE and the reason.
  static Result<KnownRepeats> Parse(std::string_view text, const std::string& name);
  // Reads and parses `path`; a missing file is an empty set (a rules folder
  // without repeats.tsv knows no repeats).
  static Result<KnownRepeats> Load(const std::string& path);

  // Removes from *body the segments known for the source of `source` (a
  // Document::source; RepeatMemory::SourceKey), and a segment known for any
  // source where it stands glued to other text of its line (after an
  // ideographic space: how a notice sits, whoever delivers the article; a
  // record without its source, or a site syndicating another's articles),
  // unless nothing would remain. Returns the number removed.
  int Remove(const std::string& source, std::string* body) const;

  size_t size() const { return count_; }

 private:
  std::unordered_map<std::string, std::unordered_set<uint64_t>> by_source_;
  std::unordered_set<uint64_t> any_source_;  // every source's segments
  size_t count_ = 0;
};

class RepeatLearner {
 public:
  // Counts the segments of `body` (once per document) for the source of
  // `source`; `id` names the document in the output.
  // A segment is "foreign" to a document when at most kForeignShare of its
  // Chinese character pairs (a stand-in for words: 黃金, 現貨) occur in the
  // rest of the document: text on another topic than the article's.
  static constexpr double kForeignShare = 0.2;
  void Add(const std::string& id, const std::string& source, std::string_view body);

  struct Entry {
    std::string source;
    uint64_t hash = 0;
    uint32_t documents = 0;
    uint32_t glued = 0;            // documents where it stood glued to other text of its line
    uint32_t glued_at_end = 0;     // ... as the last piece of the body's last line
    uint32_t foreign = 0;          // documents whose other text shares none of its words
    std::vector<std::string> ids;  // the first documents that held it (at most 3)
    std::string text;              // the segment as it first repeated
  };
  // Segments held by at least `min_documents` documents of their source, by
  // source, then most documents first, then hash. With `glued_only`, only
  // notices glued onto an article: in at least half of those documents the
  // segment ends the body glued onto its last paragraph (after an
  // ideographic space), and in at least half it is foreign to the article
  // (kForeignShare). On the development corpus (29,411 documents, segments
  // held by 3 or more of their source) gluing anywhere on a line takes 12
  // segments, of which 1 is a notice (the others: subheadings and live-blog
  // paragraphs of re-crawled articles); gluing at the end 3; foreignness
  // alone 166 (a sample of 30: 4 notices, 12 news formulas such as
  // 蔡奇、王毅等参加上述活动。, 14 paragraphs that related articles repeat);
  // both 2; both in 10 or more documents 1, the gold-price notice.
  std::vector<Entry> Entries(uint32_t min_documents, bool glued_only) const;

  size_t documents() const { return ids_.size(); }

 private:
  struct Count {
    uint32_t documents = 0;
    uint32_t glued = 0;
    uint32_t glued_at_end = 0;
    uint32_t foreign = 0;
    uint32_t first[3] = {0, 0, 0};  // indexes into ids_
    std::string text;               // kept from the second document on
  };
  std::vector<std::string> ids_;
  std::unordered_map<std::string, std::unordered_map<uint64_t, Count>> counts_;
};

// One line of the data file for `e` (without the newline).
std::string KnownRepeatLine(const RepeatLearner::Entry& e);

}  // namespace newskb
