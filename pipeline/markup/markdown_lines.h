// newskb/pipeline/markup/markdown_lines.h
//
// Markdown inside a text that is written as plain text: one paragraph a
// line, no blank line between paragraphs, and here and there a Markdown
// heading, bold span or link (a crawler that kept the site's "## " or
// "**"). CommonMark would read such a text as one long paragraph (a single
// newline is a soft break: the lines run together), a line starting with
// "1. " as a list that swallows the next line, four leading spaces as code.
// So such a text is converted line by line instead, each line handed to
// cmark on its own as a paragraph (a heading stays a heading), keeping
// every line and the white space around it:
//
//   "# 標題"                 -> "標題" (the first line, level 1, with more
//                              lines after it: the title, not body)
//   "## 小標題 ##"           -> "小標題"
//   "**重點**在於"           -> "重點在於"   (CommonMark's emphasis and strong
//                              spans; "5**" and "註 **：" stay text)
//   "[網站](https://x/y)"    -> "網站"
//   "![圖](https://x/y.png)" -> ""           (a picture is not text)
//   "1. 第一點" "- 項目" "> 引文" "---"  -> as written (a line CommonMark
//                              would read as a list, quote, rule, fence or
//                              HTML block has its marker escaped: text)
//
// Before cmark, RepairMarkdown (markdown_repair.h) rewrites what cmark
// cannot know: a heading marker written twice, a link to a truncated
// embed "(<iframe src=)" or with spaces in its destination, a grade "5**".
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

// One line alone, converted as above (white space around it kept).
std::string MarkdownInlineToText(std::string_view line);

}  // namespace newskb::markup
