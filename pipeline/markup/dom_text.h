// newskb/pipeline/markup/dom_text.h (internal to the markup module)
//
// Elements -> plain text, as a reader sees them: each block element (p,
// div, li, h1-h6, tr, blockquote ...) and each <br> starts a new line, a
// table row's cells are separated by a space, runs of white space become
// one space, a space between two CJK characters (a line break of the
// source) is dropped, every line is trimmed (ASCII, no-break and
// ideographic spaces) and blank lines are dropped: paragraphs separated by
// one '\n'. Entities were decoded by the parser.
//
// `clean` (a page's article container): excluded elements (dom.h) are
// left out, and so are the headline (h1, and an h2-h6 that holds
// `headline`, the page's title found by page_meta.h, with at most 8 code
// points of label beside it: "<h2><span>原创</span>標題</h2>") and blocks that are mostly links
// (lists, tables and divs with link density over 0.5: related-article
// lists, tag clouds, pagers) or that carry a negative class/id weight and
// no sentence punctuation (share bars, credits). Without `clean` (a
// fragment or a Markdown text) only excluded elements are left out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/markup/dom.h"

namespace newskb::markup {

std::string NodesText(const Dom& dom, const std::vector<const GumboNode*>& nodes, bool clean,
                      std::string_view headline = {});

// The visible text of one element on one line (spaces collapsed), for
// headlines and dates.
std::string InlineText(const GumboNode* n);

// Trims and collapses the lines of `text` as described above.
std::string TidyLines(const std::string& text);

}  // namespace newskb::markup
