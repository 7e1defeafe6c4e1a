// newskb/pipeline/markup/markdown_repair.h (internal to the markup module)
//
// Markdown as archives and crawlers write it is not always what CommonMark
// reads the way its writer meant. RepairMarkdown rewrites the few forms
// that cmark cannot know, before cmark sees the text (both the whole-text
// path of markup.cc and the line-by-line path of markdown_lines.h):
//
//   "[t](a b)"              -> "[t](<a b>)"    a destination with spaces
//                                              (CommonMark accepts it in
//                                              pointy brackets)
//   "[t](<iframe src=)"     -> "[t]()"         a destination that opens a
//                                              pointy bracket and never closes
//                                              it on its line: a truncated embed
//   "### # 小標題"          -> "### 小標題"     a heading marker written twice
//                                              (the site's own "#" inside the
//                                              archive's heading)
//   "{{< video x >}}"       -> ""              Hugo shortcodes ({{< >}}, {{% %}})
//   "考獲5**的成績"         -> "考獲5&#42;&#42;的成績"  a run of '*' right after an
//                                              ASCII letter or digit that could
//                                              open emphasis (followed by neither
//                                              white space nor punctuation) is a
//                                              grade ("5**") or a times sign
//                                              ("12*0.6"), not bold: written as
//                                              a character reference, it stays
//                                              text in Markdown and in a raw
//                                              HTML block alike
//
// A footnote mark ("基金 **，" ... "註 **：") needs no repair: a "**" after
// a space closes nothing, CommonMark's flanking rule keeps it as text.
//
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace newskb::markup {

std::string RepairMarkdown(std::string_view md);

}  // namespace newskb::markup
