// Fuzz target: the JSON Lines reader (pipeline/io), as `newskb ingest
// FILE.jsonl` reads a file. Every document handed on must satisfy what the
// reader promises (valid UTF-8, no NUL, not blank, within the limit, a key);
// every reject must name its line and a reason.
#include <cstdint>
#include <string>

#include "pipeline/io/reader.h"
#include "pipeline/text/utf8.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

struct Check : newskb::DocumentSink {
  uint64_t limit;
  int64_t lines;
  void OnDocument(newskb::Document&& d) override {
    FUZZ_CHECK(newskb::ValidateUtf8(d.raw).ok(), d.key);
    FUZZ_CHECK(d.raw.find('\0') == std::string::npos, d.key);
    FUZZ_CHECK(d.raw.find_first_not_of(" \t\r\n") != std::string::npos, d.key);
    FUZZ_CHECK(d.raw.size() <= limit, d.key);
    FUZZ_CHECK(!d.key.empty(), d.origin);
    FUZZ_CHECK(newskb::ValidateUtf8(d.key).ok() && newskb::ValidateUtf8(d.title).ok(), d.origin);
    FUZZ_CHECK(d.published.empty() || d.published.size() == 4 || d.published.size() == 7 || d.published.size() == 10,
               d.published);
  }
  void OnReject(newskb::Reject&& r) override {
    FUZZ_CHECK(!r.reason.empty(), r.source);
    FUZZ_CHECK(r.line >= 0 && r.line <= lines + 1, r.reason);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string path = newskb::fuzz::WriteScratch("in.jsonl", data, size);
  Check c;
  c.limit = 1 + data[0 % (size ? size : 1)] * 16u;  // small limits too: the streaming skip
  if (size == 0) c.limit = 1024;
  c.lines = 1;
  for (size_t i = 0; i < size; ++i) c.lines += data[i] == '\n';
  newskb::ReadOptions o;
  o.max_doc_bytes = c.limit;
  (void)newskb::ReadInputs({path}, o, &c);
  return 0;
}
