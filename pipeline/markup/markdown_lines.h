// newskb/pipeline/markup/markdown_lines.h
//
// Markdown inside a text that is written as plain text: one paragraph a
// line, no blank line between paragraphs, and here and there a Markdown
// heading, bold span or link (a crawler that kept the site's "## " or
// "**"). CommonMark would read such a text as one long paragraph (a single
// newline is a soft break: the lines run together), a line starting with
// "1. " as a list that swallows the next line, four leading spaces as code.
// So such a text is converted line by line instead, keeping every line and
// every other character as written:
//
//   "# 標題"                 -> "標題" (the first line, level 1, with more
//                              lines after it: the title, not body)
//   "## 小標題 ##"           -> "小標題"
//   "**重點**在於"           -> "重點在於"   (opening ** before a non-space,
//                              closing ** after one, as CommonMark's flanking rule;
//                              "5**" and "註 **：" stay text)
//   "[網站](https://x/y)"    -> "網站"       (also "(<a b>)" and a destination
//                              CommonMark cannot read, "(<iframe src=)")
//   "![圖](https://x/y.png)" -> ""           (a picture is not text)
//
// Usage:
//   if (IsLineStructured(text)) article.text = MarkdownLinesToText(text, &article.title);
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace newskb::markup {

// True when the text is written one paragraph a line: more pairs of
// adjacent prose lines (the first ending in sentence punctuation, no hard
// line break "  " or "\" at its end, neither a Markdown block line) than
// paragraph breaks made of blank lines.
bool IsLineStructured(std::string_view text);

// The line-by-line conversion above. *title receives a leading level-1
// heading (when other lines follow), else stays as it was.
std::string MarkdownLinesToText(std::string_view text, std::string* title);

// The inline part alone, on one line: strong spans, links and pictures.
std::string MarkdownInlineToText(std::string_view line);

}  // namespace newskb::markup
