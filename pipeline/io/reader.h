// newskb/pipeline/io/reader.h
//
// Reading articles from the inputs a user names on the command line:
//   * a UTF-8 text file: one article; doc key = file name without folder and
//     extension. It may begin with ` date YYYY-MM-DD ` (the leading space is
//     optional): that is the publication date, and the rest of that first
//     line is article text;
//   * a folder: every *.txt and *.jsonl below it, recursively, in sorted
//     order (files named *.expected.jsonl and *.questions.jsonl are sample
//     annotations, not articles, and are skipped; other files are counted
//     as skipped);
//   * a JSON Lines file (*.jsonl): one article per line,
//     {"id","title","date","source","text"}; `text` is required, the others
//     optional (null allowed); `id` defaults to "<file stem>:<line>";
//   * "-": JSON Lines on standard input.
//
// Streaming: documents are handed to the sink one at a time as they are
// read, so memory stays flat in corpus size (a JSON Lines file is read line
// by line; one simdjson parser is reused).
//
// Bad input never stops the batch: each bad record is handed to
// DocumentSink::OnReject with its source, line (0 for a whole file) and a
// specific reason: invalid UTF-8 (with the byte offset), a NUL byte, an
// empty document, a document over the size limit, malformed JSON, a missing
// `text`, a field of the wrong type, a duplicate key in one record.
//
// Thread safety: ReadInputs is reentrant; the sink is called on the calling
// thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/text/document.h"
#include "pipeline/text/status.h"

namespace newskb {

struct Reject {
  std::string source;  // input path, or "-" for stdin
  int64_t line = 0;    // 1-based JSON Lines line; 0 for a whole file
  std::string doc_key; // when known
  std::string reason;
};

class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  virtual void OnDocument(Document&& doc) = 0;
  virtual void OnReject(Reject&& reject) = 0;
  // A file in a folder that is neither *.txt nor *.jsonl.
  virtual void OnSkippedFile(const std::string& path) {}
};

struct ReadOptions {
  // A document (file or JSON line) larger than this is rejected, not read.
  uint64_t max_doc_bytes = uint64_t{32} << 20;
};

// Reads every input in order. Returns a non-OK Status only for an input that
// cannot be opened at all (a missing path) — after reading the others; each
// such path is also reported as a Reject.
Status ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& opts,
                  DocumentSink* sink);

// Total size in bytes of the regular files the inputs name (folders walked),
// for progress and ETA; 0 when unknown (stdin).
uint64_t TotalInputBytes(const std::vector<std::string>& inputs);

// Parses the date forms a crawler writes ("2026-02-18", "2026/2/18",
// "2026-02-18T10:00:00Z", "2026-02", "2026") into ISO "YYYY-MM-DD" (or
// "YYYY-MM", "YYYY"). Returns false if `s` is none of them.
bool ParseIsoDate(const std::string& s, std::string* iso);

// If `text` starts with " date YYYY-MM-DD " (leading space optional), sets
// *date and returns the number of bytes of that prefix; else 0.
size_t DatePrefixLength(const std::string& text, std::string* date);

}  // namespace newskb
