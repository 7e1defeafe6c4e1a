// Fuzz target: the normaliser's offset map (pipeline/normalize). For any
// valid UTF-8 body, every normalised byte maps to a code point of the body,
// in order; the map's ends are the body's; sentences cover the body in
// order and each maps back to valid UTF-8 of the body. The search index's
// tokens of the body, folded a few bytes at a time (pipeline/kb: pieces cut
// at safe places, or between two Han characters with the bigram across
// added), are those of the body folded whole.
#include <cstdint>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "pipeline/cli/search_folding.h"
#include "pipeline/kb/search_sql.h"

#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/utf8.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

const newskb::Normalizer& Norm() {
  static std::shared_ptr<const newskb::Normalizer> n = [] {
    auto r = newskb::Normalizer::Create();
    FUZZ_CHECK(r.ok(), r.status().message());
    return r.value();
  }();
  return *n;
}

uint32_t CodePoints(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  if (!newskb::ValidateUtf8(body).ok()) return 0;  // the reader rejects it first
  newskb::NormText n = Norm().Normalize(body);
  const uint32_t ncp = CodePoints(body);
  FUZZ_CHECK(newskb::ValidateUtf8(n.text).ok(), "normalised text is not valid UTF-8");
  FUZZ_CHECK(n.cp_of_byte.size() == n.text.size() + 1, "map size");
  FUZZ_CHECK(n.cp_of_byte.back() == ncp, "map end is not the body's code point count");
  FUZZ_CHECK(n.body_byte.size() == ncp + 1 && n.body_byte.back() == body.size(), "body_byte size");
  for (size_t b = 0; b < n.text.size(); ++b) {
    FUZZ_CHECK(n.cp_of_byte[b] < ncp, "byte " + std::to_string(b) + " maps past the body");
    FUZZ_CHECK(b == 0 || n.cp_of_byte[b] >= n.cp_of_byte[b - 1], "map goes backwards at byte " + std::to_string(b));
  }
  for (uint32_t c = 0; c < ncp; ++c) FUZZ_CHECK(n.body_byte[c] < n.body_byte[c + 1], "body_byte not increasing");
  // Sentences in order, not overlapping; between them only white space.
  auto is_space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
  auto blank = [&](size_t from, size_t to) {
    std::string_view gap(n.text.data() + from, to - from);
    for (size_t k = 0; k < gap.size(); ++k) {
      if (is_space(gap[k])) continue;
      if (gap.substr(k, 3) == "\xE3\x80\x80") { k += 2; continue; }  // U+3000
      return false;
    }
    return true;
  };
  uint32_t prev_stop = 0;
  size_t prev_end = 0;
  for (const newskb::NormSentence& s : n.sentences) {
    FUZZ_CHECK(s.begin < s.end && s.end <= n.text.size(), "sentence bytes");
    FUZZ_CHECK(s.start < s.stop && s.stop <= ncp, "sentence code points");
    FUZZ_CHECK(s.begin >= prev_end && s.start >= prev_stop, "sentences overlap or go backwards");
    FUZZ_CHECK(blank(prev_end, s.begin), "text between sentences is not white space");
    FUZZ_CHECK(s.start == n.BodyStart(s.begin) && s.stop == n.BodyEnd(s.end), "sentence map");
    FUZZ_CHECK(newskb::ValidateUtf8(n.BodyText(body, s.start, s.stop)).ok(), "sentence text");
    prev_stop = s.stop;
    prev_end = s.end;
  }
  FUZZ_CHECK(blank(prev_end, n.text.size()), "text after the last sentence is not white space");
  static const newskb::FoldTextFn fold = newskb::TextFolding(
      std::shared_ptr<const newskb::Normalizer>(std::shared_ptr<const newskb::Normalizer>(), &Norm()));
  using Tok = std::tuple<std::string, int, int, bool>;
  auto tokens = [&](size_t piece) {
    std::vector<Tok> out;
    newskb::SearchTokensOfText(fold, body, newskb::TokenMode::kDocument, piece,
                               [&](std::string_view t, int b, int e, bool c) {
                                 out.emplace_back(std::string(t), b, e, c);
                                 return true;
                               });
    return out;
  };
  const std::vector<Tok> whole = tokens(body.size() + 1);
  for (size_t piece : {size_t{1}, size_t{7}, size_t{64}})
    FUZZ_CHECK(tokens(piece) == whole, "search tokens in pieces of " + std::to_string(piece) + " differ from whole");
  return 0;
}
