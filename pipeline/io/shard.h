// newskb/pipeline/io/shard.h
//
// Extracted shards: what `newskb extract` writes and `newskb load` reads.
// A shard is JSON Lines, one record per input record, in input order:
//
//   a document:
//     {"n":0,"id":"k","title":"…","date":"2026-02-18","source":"…","origin":"f.jsonl:1",
//      "raw":"…","body":"…","script":"hant","rules":"9f…","sentences":[[0,31],[31,60]],
//      "mentions":[{"kind":"organization","start":3,"end":8,"text":"美國能源部",
//                   "name":"美國能源部","key":"美国能源部","rule":"dict.org"}, …],
//      "facts":[{"subject":0,"predicate":"invests","figure":2,"rule":"facts.verb"}, …]}
//   a rejected input record (read error, or no article body):
//     {"n":1,"reject":"reason","where":"f.jsonl:2","source":"f.jsonl","line":2,"id":"k2"}
//
// `raw` is the input as given; one that is not UTF-8 (a web page in Big5 or
// GBK, kept in its bytes) is written as "raw_base64" instead.
// `n` is the record's ordinal in the extract's input (all inputs, in order).
// Offsets (sentences, mentions) are code points of `body`. A mention's
// `name` is the canonical name the linker gave it and `key` that name
// folded (Simplified script, half width, lower case), the knowledge base's
// entity key; empty fields and absent values are left out. `mentions`
// indices are what `facts` refer to (-1 fields left out). Numbers are
// written in the shortest form that reads back to the same double, so the
// same input gives the same bytes.
//
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/io/reader.h"
#include "pipeline/text/document.h"
#include "pipeline/text/status.h"

namespace newskb {

// One shard record, as read back.
struct ShardRecord {
  int64_t n = 0;
  bool is_reject = false;
  // A document:
  Document doc;  // key, title, published, source, origin, raw, body
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<Fact> facts;
  std::string script;  // the body's script ("hant", "hans", or empty), as ingest stores it
  std::string rules_hash;  // of the rules that extracted it (RulesHash), or empty
  // A reject: `where` alone (the pipeline refused the document at that
  // origin), or source + line (the reader refused the record).
  std::string where;
  Reject reject;
};

// One line (with its '\n') for a document. `keys[i]` is mention i's entity
// key ("" for none); `keys` may be empty. `script` is the body's script,
// `rules_hash` the hash of the rules that extracted it.
std::string ShardDocumentLine(int64_t n, const Document& doc, const std::vector<Sentence>& sentences,
                              const std::vector<Mention>& mentions, const std::vector<Fact>& facts,
                              const std::vector<std::string>& keys, const std::string& script,
                              const std::string& rules_hash);
// One line for a record the reader rejected.
std::string ShardReaderRejectLine(int64_t n, const Reject& r);
// One line for a document the pipeline refused at `where` (its origin).
std::string ShardRejectLine(int64_t n, const std::string& where, const std::string& key,
                            const std::string& reason);

// Reads a shard file ("-": standard input) line by line and calls `record`
// for each record. A line that is not a shard record is passed to `bad`
// with its line number and the reason (the rest goes on). Returns NotFound
// ("cannot open for reading") or IoError when the file cannot be read at
// all; the caller names the file.
Status ReadShard(const std::string& path, const std::function<void(ShardRecord&&)>& record,
                 const std::function<void(int64_t line, const std::string& reason)>& bad);

}  // namespace newskb
