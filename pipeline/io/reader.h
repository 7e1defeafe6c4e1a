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
//     optional (null allowed); `id` defaults to "<file stem>:<line>".
//     `date` may be any form ParseIsoDate reads; one it cannot read leaves
//     the date empty and adds a warning to Document::warnings (the article
//     still goes in). The publisher or site is `source`, else `publisher`,
//     `site_name`, `site`, `media` or `outlet`, else the host of `url`/`link`;
//     when the record names none, Document::source is the input location;
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
  // Asked between records: true stops the reading (an interrupted ingest).
  virtual bool Stopped() const { return false; }
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

// Parses the date forms a crawler writes into ISO "YYYY-MM-DD" (or
// "YYYY-MM", "YYYY"): "2026-02-18", "2026/2/18", "2026.2.18", "20260218",
// ISO 8601 with a time ("2026-02-18T10:00:00+08:00", "2026-02-18 10:00"),
// "2026年2月18日" (with or without a time after it, "2026年2月", "2026年"), RFC 2822
// ("Wed, 18 Feb 2026 10:00:00 +0800", the weekday optional), "2026-02",
// "2026". The date is the one written (no time-zone shift). Returns false
// for anything else, an impossible day (2026-02-30) among them, and for
// day-first or month-first forms like 03/01/2026, which are ambiguous.
bool ParseIsoDate(const std::string& s, std::string* iso);

// If `text` starts with " date YYYY-MM-DD " (leading space optional), sets
// *date and returns the number of bytes of that prefix; else 0.
size_t DatePrefixLength(const std::string& text, std::string* date);

}  // namespace newskb
