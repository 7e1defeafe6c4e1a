// newskb/pipeline/body/repeats.h
//
// Text a source repeats verbatim across many of its articles is not body: a
// promotional line, a ticker, a notice glued onto the last paragraph (the
// real-news corpus has 454 articles of one source ending with the same
// sentence about the gold price, after an ideographic space).
//
// How it works. A body is cut into segments: its lines, and within a line
// the pieces between runs of ideographic spaces (U+3000), trimmed. Each
// segment of at least Options::min_code_points is hashed (SegmentHash: 64-bit
// FNV-1a of the segment without its white space) and counted once per
// document, per source. A segment already counted in Options::min_documents
// earlier documents of the same source is removed from the body (with the
// ideographic spaces before it; a line left empty goes), unless that would
// leave the body empty. So it starts to apply with the (min_documents + 1)-th
// document of a source that carries the segment; the first ones keep it.
// (What a source is known to repeat before any batch starts is shipped as
// data: pipeline/body/known_repeats.h.)
//
// The source of a document is the host of a URL `source`, else what comes
// before the first ':' ("owner/repo:path/file.md" -> "owner/repo", a JSON
// Lines "path:line" -> path), else the folder of a file path.
//
// Bounded memory: at most Options::max_sources sources and
// Options::max_segments hashes per source (12 bytes each plus the map's
// overhead, about 2.5 MB per source at the defaults). When a source's table
// is full, the hashes seen in only one document are forgotten (a segment
// repeated often survives); when the source table is full, the source seen
// least recently is forgotten.
//
// Deterministic: documents are observed in their input order (`seq`, 0, 1,
// 2, ... with no gap), whatever thread processes them: Observe for seq N
// waits until N-1 was observed or skipped. Every seq must be passed once to
// Observe or Skip, or later ones wait for ever.
//
// Thread safety: all methods may be called from many threads at once.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newskb {

// One segment of a body (see "How it works").
struct RepeatSegment {
  size_t begin = 0, end = 0;  // bytes of the trimmed segment in the body
  size_t cut_begin = 0;       // where its removal starts (the ideographic spaces before it)
  uint64_t hash = 0;          // SegmentHash of the segment; 0 when under min_code_points
  bool glued = false;         // one of several pieces of its line (text beside it, an ideographic space between)
};

// The segments of `body` in order; those of fewer than `min_code_points`
// code points carry hash 0.
std::vector<RepeatSegment> RepeatSegments(std::string_view body, size_t min_code_points);

// 64-bit FNV-1a of `segment` without its white space (ASCII spaces and tabs,
// U+3000, U+00A0), so that "甲 乙" and "甲　乙" are the same text. Never 0.
uint64_t SegmentHash(std::string_view segment);

// Removes from *body the segments `segs` (of that body) whose `drop` is set,
// with the ideographic spaces before each, then the lines left blank.
// Returns the number removed; 0, with *body unchanged, when nothing would
// remain.
int RemoveSegments(const std::vector<RepeatSegment>& segs, const std::vector<bool>& drop,
                   std::string* body);

class RepeatMemory {
 public:
  struct Options {
    int min_documents = 5;
    size_t min_code_points = 12;
    size_t max_sources = 256;
    size_t max_segments = 65536;
  };

  RepeatMemory() : RepeatMemory(Options{}) {}
  explicit RepeatMemory(const Options& options) : options_(options) {}

  // Counts the segments of *body for `source` (document number `seq`) and
  // removes those the source repeated in earlier documents (see above).
  // Returns the number of segments removed.
  int Observe(uint64_t seq, const std::string& source, std::string* body);

  // Document `seq` has no body to observe (it was rejected).
  void Skip(uint64_t seq);

  // The source key of a Document::source (see above).
  static std::string SourceKey(const std::string& source);

 private:
  struct Table {
    std::unordered_map<uint64_t, uint32_t> counts;
    std::list<std::string>::iterator lru;
  };
  void WaitTurn(std::unique_lock<std::mutex>& lock, uint64_t seq);
  void Done(uint64_t seq);
  Table& TableFor(const std::string& key);

  Options options_;
  std::mutex mu_;
  std::condition_variable turn_;
  uint64_t next_ = 0;
  std::unordered_map<std::string, Table> tables_;
  std::list<std::string> lru_;  // most recent first
};

}  // namespace newskb
