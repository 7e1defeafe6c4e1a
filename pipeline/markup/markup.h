// newskb/pipeline/markup/markup.h
//
// The markup stage: a crawled page or a marked-up text in, the article as
// plain text out. It sits between reading (pipeline/io) and the line-level
// body rules (pipeline/body):
//
//   read -> MARKUP -> body -> normalise -> extract -> link -> facts -> store
//
// Usage:
//   MarkupKind k = doc.markup_hint == MarkupHint::kHtml ? MarkupKind::kHtmlPage
//                                                       : DetectMarkup(doc.raw);
//   Result<Article> a = ConvertMarkup(doc.raw, k, MarkupOptions{});
//   if (!a.ok()) reject(a.status().message());   // "no article body found", ...
//   // a->text: paragraphs separated by '\n'; a->title, a->published may be empty
//
// What each kind does:
//  * kHtmlPage (an .html/.htm file, a JSON Lines `html` field, or a `text`
//    that is a whole page: <html>, <body> or a doctype): the bytes are
//    decoded (BOM, else <meta charset> / http-equiv in the first 4 KiB, else
//    UTF-8; Big5, GBK, GB18030 and whatever else ICU's converters know; a
//    declared charset the bytes are not valid in gives way to UTF-8 when the
//    bytes are valid UTF-8), parsed by gumbo (an HTML5 tree builder that
//    follows the WHATWG parsing algorithm, as browsers do; entities are
//    decoded by it), and the article container is found by a DOM score (see
//    dom_body.h). Title and date come from the page's metadata.
//  * kHtmlFragment (a `text` holding HTML elements but no page around
//    them, e.g. <p>...</p><p>...</p>): the whole fragment is the article;
//    figures, captions, scripts and styles are left out, and so are what
//    follows a thematic break (<hr>, ---) after three quarters of the text
//    (an appendix: subscription prompt, author box) and a last block that
//    is all link text ("查看原文").
//  * kMarkdown (a `text` with Markdown block or link syntax): rendered by
//    cmark (CommonMark) to HTML, raw HTML blocks included, then treated as
//    kHtmlFragment. A leading "# heading" is the title.
//  * kPlain: returned as it is (the line-level body rules do the rest).
//
// Bounds (bad input never crashes, memory and time stay bounded):
//  * comments, <style>, <noscript> and <script> bodies are dropped before
//    parsing (a JSON-LD <script> up to 256 KiB is kept for its date);
//  * elements nested deeper than MarkupOptions::max_depth lose their
//    deeper start and end tags before parsing (their text is kept): the
//    HTML5 tree builder is quadratic in nesting depth;
//  * what remains after that must be at most max_parse_bytes, else the page
//    is rejected with a message saying so.
//
// Thread safety: everything here is reentrant; no global state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "pipeline/text/status.h"

namespace newskb {

enum class MarkupKind { kPlain, kHtmlPage, kHtmlFragment, kMarkdown };

// "plain", "html", "html-fragment", "markdown".
const char* MarkupKindName(MarkupKind k);

// Recognises a text by its structure, not by single characters:
//  * HTML: at least two tags of known HTML elements (<p>, </p>, <br>,
//    <div class=...>, <figure>...) that are well formed (name, attributes,
//    '>'); a whole page if it has a doctype, <html> or <body>.
//  * Markdown: an ATX heading line ("# title"), a link or image
//    ("[text](url)", "![alt](url)"), or two or more **strong** spans. A
//    text with both (HTML paragraphs and a Markdown link line) is Markdown:
//    CommonMark passes the HTML blocks through, and a line ending with the
//    end tag of a block element (</p>, </div>, </figure> ...) ends its HTML
//    block, as if a blank line followed.
// Checked in that order: page, Markdown, HTML fragment; anything else is
// kPlain.
MarkupKind DetectMarkup(std::string_view text);

struct MarkupOptions {
  size_t max_depth = 200;                  // element nesting kept (see Bounds)
  size_t max_parse_bytes = size_t{24} << 20;  // markup handed to the parser
  size_t min_body_code_points = 20;        // shorter: "no article body found"
};

struct Article {
  std::string text;       // the article body, paragraphs separated by '\n'
  std::string title;      // from metadata/headline; may be empty
  std::string published;  // ISO "YYYY-MM-DD" (or "YYYY-MM"); may be empty
  std::string charset;    // the charset the bytes were decoded from ("UTF-8", "Big5", ...)
  MarkupKind kind = MarkupKind::kPlain;
};

// Converts `input` (UTF-8 for every kind but kHtmlPage, which may be in any
// charset it declares). Errors (InvalidInput): "no article body found" (a
// page whose best container holds no sentence-like text: an index page, an
// error page, a log-in wall), a page over the parser budget, bytes in no
// charset that can be decoded.
Result<Article> ConvertMarkup(std::string_view input, MarkupKind kind,
                              const MarkupOptions& options);

}  // namespace newskb
