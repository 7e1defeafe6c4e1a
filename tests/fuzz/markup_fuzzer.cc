// Fuzz target: the markup stage (pipeline/markup): a crawled page in any
// bytes, or a UTF-8 text taken as HTML fragment or Markdown. It converts or
// fails with a message; what it returns is valid UTF-8 with no NUL byte,
// and a date it finds is ISO.
#include <cstdint>
#include <string>

#include "pipeline/markup/markup.h"
#include "pipeline/text/utf8.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  // The first byte picks the kind; the rest is the input.
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  newskb::MarkupKind kind;
  switch (data[0] % 4) {
    case 0: kind = newskb::MarkupKind::kHtmlPage; break;
    case 1: kind = newskb::MarkupKind::kHtmlFragment; break;
    case 2: kind = newskb::MarkupKind::kMarkdown; break;
    default:
      if (!newskb::ValidateUtf8(input).ok()) return 0;
      kind = newskb::DetectMarkup(input);
  }
  // What the reader rejects before this stage: invalid UTF-8 (but for a
  // page, which may be in another charset) and NUL bytes.
  if (kind != newskb::MarkupKind::kHtmlPage && !newskb::ValidateUtf8(input).ok()) return 0;
  if (input.find('\0') != std::string_view::npos) return 0;
  newskb::MarkupOptions o;
  o.max_parse_bytes = 1 << 20;
  auto r = newskb::ConvertMarkup(input, kind, o);
  if (!r.ok()) {
    FUZZ_CHECK(!r.status().message().empty(), "an error without a message");
    return 0;
  }
  const newskb::Article& a = r.value();
  FUZZ_CHECK(newskb::ValidateUtf8(a.text).ok(), "article text is not valid UTF-8");
  FUZZ_CHECK(newskb::ValidateUtf8(a.title).ok(), "title is not valid UTF-8");
  FUZZ_CHECK(a.text.find('\0') == std::string::npos, "NUL byte in the article text");
  FUZZ_CHECK(a.published.empty() || a.published.size() == 7 || a.published.size() == 10, a.published);
  return 0;
}
