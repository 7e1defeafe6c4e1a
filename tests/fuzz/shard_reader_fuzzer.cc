// Fuzz target: the reader of extracted shards (pipeline/io/shard), as
// `newskb load SHARD` reads a file that `newskb extract` (or anything else)
// wrote. Every record handed on must keep what the reader promises (offsets
// ordered, sentences and facts well formed); every bad line must be named
// by its number with a reason; nothing may crash or hang.
#include <cstdint>
#include <string>

#include "pipeline/io/shard.h"
#include "pipeline/text/utf8.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string path = newskb::fuzz::WriteScratch("in.shard.jsonl", data, size);
  int64_t lines = 1;
  for (size_t i = 0; i < size; ++i) lines += data[i] == '\n';
  (void)newskb::ReadShard(
      path,
      [&](newskb::ShardRecord&& r) {
        if (r.is_reject) {
          FUZZ_CHECK(!r.where.empty() || !r.reject.source.empty(), r.reject.reason);
          return;
        }
        FUZZ_CHECK(!r.doc.key.empty(), r.doc.origin);
        FUZZ_CHECK(newskb::ValidateUtf8(r.doc.body).ok() && newskb::ValidateUtf8(r.doc.raw).ok(), r.doc.key);
        for (const newskb::Sentence& s : r.sentences) FUZZ_CHECK(s.start <= s.end, r.doc.key);
        for (const newskb::Mention& m : r.mentions) FUZZ_CHECK(m.start <= m.end, m.text);
        // A shard line written back from what was read parses to the same record.
        std::string again = newskb::ShardDocumentLine(r.n, r.doc, r.sentences, r.mentions, r.facts, {}, r.script,
                                                      r.rules_hash);
        FUZZ_CHECK(!again.empty() && again.back() == '\n', r.doc.key);
      },
      [&](int64_t line, const std::string& reason) {
        FUZZ_CHECK(line >= 1 && line <= lines, reason);
        FUZZ_CHECK(!reason.empty(), std::to_string(line));
      });
  return 0;
}
