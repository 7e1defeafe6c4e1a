// Fuzz target: the text-file reader (pipeline/io) and body extraction
// (pipeline/body), as `newskb ingest FILE.txt` runs them. The body must be
// pieces of the raw text's lines, characters unchanged, in order, and never
// empty when the text has a non-blank line.
#include <cstdint>
#include <string>

#include "pipeline/body/body.h"
#include "pipeline/io/reader.h"
#include "pipeline/text/utf8.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

const newskb::BodyMarkers& Markers() {
  static const newskb::BodyMarkers m = [] {
    auto r = newskb::LoadBodyMarkers(newskb::fuzz::RulesDir() + "/boilerplate.txt");
    FUZZ_CHECK(r.ok(), r.status().message());
    return std::move(r).value();
  }();
  return m;
}

struct Check : newskb::DocumentSink {
  void OnDocument(newskb::Document&& d) override {
    FUZZ_CHECK(newskb::ValidateUtf8(d.raw).ok(), d.key);
    newskb::BodyResult b = newskb::ExtractBody(d.raw, Markers());
    FUZZ_CHECK(newskb::ValidateUtf8(b.body).ok(), "body is not valid UTF-8");
    FUZZ_CHECK(newskb::ValidateUtf8(b.title).ok(), "title is not valid UTF-8");
    FUZZ_CHECK(!b.body.empty() || d.raw.find_first_not_of(" \t\r\n") == std::string::npos, "empty body");
    size_t pos = 0, from = 0;
    while (from <= b.body.size()) {
      size_t nl = b.body.find('\n', from);
      if (nl == std::string::npos) nl = b.body.size();
      std::string_view piece(b.body.data() + from, nl - from);
      size_t at = d.raw.find(piece, pos);
      FUZZ_CHECK(at != std::string::npos, "body piece not in the raw text, in order: " + std::string(piece));
      pos = at + piece.size();
      from = nl + 1;
    }
  }
  void OnReject(newskb::Reject&& r) override { FUZZ_CHECK(!r.reason.empty(), r.source); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Markers();
  std::string path = newskb::fuzz::WriteScratch("in.txt", data, size);
  Check c;
  newskb::ReadOptions o;
  o.max_doc_bytes = 1 << 20;
  (void)newskb::ReadInputs({path}, o, &c);
  return 0;
}
