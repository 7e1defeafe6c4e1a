// newskb/pipeline/body/body.h
//
// Body extraction ("boilerplate removal") for plain-text news pages.
//
// A crawled page, flattened to text, holds the article and much else: site
// menus, lists of other headlines, bylines, photo captions and credits,
// teaser links, log-in prompts, comment rules, copyright lines, and often
// the next (unrelated) article. ExtractBody picks the article body out of it
// and, when it can, the headline.
//
// Usage:
//   Result<BodyMarkers> m = LoadBodyMarkers("extractors/rules/boilerplate.txt");
//   if (!m.ok()) { report(m.status().message()); return; }
//   BodyResult r = ExtractBody(doc.raw, m.value());   // m shared by all threads
//   doc.body = std::move(r.body);
//   if (doc.title.empty()) doc.title = r.title;
//
// The method, adapted from jusText and trafilatura to text without markup:
//
//  1. Each line is one paragraph. It is measured (code points without
//     spaces, CJK ideographs, sentence punctuation in full and half width:
//     。！？；… are final, ，、：, : are internal, a half-width , or : after
//     a digit is not punctuation) and classified, in this order:
//       kBlock      the whole line is a marker that opens a block of other
//                   content: 延伸閱讀, 相關新聞, 上一則, 往下滑看下一篇文章...
//                   (brackets, spaces and a trailing ：:>» are ignored);
//       kEnd        the line holds a strong boilerplate phrase: copyright,
//                   reprint notice, log-in prompt, comment rules;
//       kTeaser     a teaser prefix followed by a separator and a headline
//                   (延伸閱讀：headline): one line, dropped;
//       kCredit     a photo credit (圖／路透, 圖/ shutterstock), a figure
//                   label (圖1. ..., 表2), an image file name, a caption
//                   ending in a credit in parentheses ("...出口。(Reuters)"),
//                   or a short line without a full stop touching one of
//                   those with no blank line between (the caption text);
//       kByline     a byline, editor or metadata line (記者XXX／台北報導,
//                   責任編輯：, 來源：, a dateline "2024-05-01 10:00 ...",
//                   any short line "name／organisation" without a full
//                   stop or comma);
//       kRepeated   a line equal to the next non-blank line, or a line cut
//                   off with "..." that the next line continues: a title or
//                   caption printed twice. Both copies are dropped;
//       kHeadline   a line without final punctuation whose words are split
//                   by spaces (Chinese headline style);
//       kNav        a menu or breadcrumb: two or more | ｜ > ＞ » ›
//                   separators, no final punctuation;
//       kGood       content: long enough and punctuated like sentences;
//       kNearGood   a short sentence;
//       kShort      a short line of no known kind (a subheading);
//       kBad        a longer line without sentence punctuation.
//  2. Runs: the lines between two kBlock or kEnd lines (or four kBad,
//     kHeadline or kNav lines in a row) form a run. A run's score is the
//     code points of its kGood lines plus half of its kNearGood lines.
//     A title-like line (no 。) directly above a kByline line becomes
//     kHeadline.
//  3. The body is taken from the FIRST run whose score is at least half the
//     best run's score (the article comes before the next article and the
//     related-stories boxes): from its first kGood line (extended back over
//     adjacent kNearGood lines) to its last kGood line (extended forward
//     likewise); in a run without kGood lines, from its first to its last
//     kNearGood line. A signature block right after (up to three short
//     lines, the last a date alone: "中国人民银行 / 二〇二六年一月二十日") is
//     kept. Inside, kTeaser, kCredit, kByline and kRepeated lines are
//     dropped; short lines between content (subheadings) are kept; a blank
//     line is kept unless it would follow another blank line.
//
// The marker phrases are data (extractors/rules/boilerplate.txt); the
// thresholds above are the method and live in body.cc.
//
// Guarantees:
//  * body is made of whole lines of `raw`, characters unchanged, in order,
//    joined by '\n'; a trailing '\r' of each line is dropped.
//  * A short document (at most kWholeMaxLines non-blank lines) is kept
//    whole, and so is a document in which nothing looks like content: body
//    is then all lines of raw (leading and trailing blank lines removed).
//    body is never empty when raw has a non-blank line.
//
// Cost: linear in raw's length, one pass over each line's bytes plus one
// Aho-Corasick scan for the "contains" phrases; no regular expressions, no
// allocation per line except the diagnostics vector.
//
// Thread safety: BodyMarkers is immutable once built and may be shared by any
// number of threads; ExtractBody is reentrant. No global state.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/text/status.h"

namespace newskb {

namespace body_internal {
struct PhraseMatcher;  // compiled "contains" phrases (Aho-Corasick), opaque
}  // namespace body_internal

// The marker phrase lists, parsed from a boilerplate file. File format:
//
//   # a comment (only whole lines; '#' as first non-space character)
//   [section]
//   one phrase a line (leading and trailing spaces removed)
//
// Sections (every phrase must be under one of them):
//   [block]          the line, stripped of brackets, spaces and a trailing
//                    : ： > » ›, equals the phrase: opens a block of other
//                    content (kBlock). Matched on lines of <= 24 code points.
//   [teaser]         the line starts with the phrase (after opening
//                    brackets), then a separator (: ： 】 ] 》 > | ｜ ／ / or
//                    a space) and at least two more code points (kTeaser).
//   [end]            the line contains the phrase (ASCII case folded) and
//                    has <= 160 code points: strong boilerplate (kEnd).
//   [end_short]      as [end], on lines of <= 24 code points without final
//                    punctuation (words such as 登入 or 版權所有 that are
//                    boilerplate only as a button or footer, not in a
//                    sentence).
//   [byline_prefix]  the line starts with the phrase (after opening
//                    brackets), has <= 80 code points and no final
//                    punctuation (kByline).
//   [credit_prefix]  as [byline_prefix], but a photo credit (kCredit).
//   [credit_contains] the line contains the phrase and has <= 80 code points
//                    and no full stop, or <= 40 code points (kCredit), e.g.
//                    圖片來源, 資料圖片.
//   [byline_contains] the line contains the phrase, has <= 80 code points
//                    and no full stop (kByline), e.g. （記者.
//   [caption_credit] a line ending in "(...)" or "（...）" whose content
//                    (<= 20 code points) contains the phrase is a caption
//                    (kCredit) if the line has <= 140 code points.
//
// Copyable (the compiled matcher is shared and immutable).
struct BodyMarkers {
  std::string name;  // file name, for messages
  std::vector<std::string> block;          // sorted
  std::vector<std::string> teaser;
  std::vector<std::string> end;
  std::vector<std::string> end_short;
  std::vector<std::string> byline_prefix;
  std::vector<std::string> credit_prefix;
  std::vector<std::string> credit_contains;
  std::vector<std::string> byline_contains;
  std::vector<std::string> caption_credit;
  std::shared_ptr<const body_internal::PhraseMatcher> matcher;  // built by Parse
};

// Reads and parses the boilerplate file at `path`.
// Errors: NotFound / IoError if it cannot be read; InvalidInput as
// ParseBodyMarkers.
Result<BodyMarkers> LoadBodyMarkers(const std::string& path);

// Parses boilerplate-file content; `name` is used in messages.
// Errors: InvalidInput "<name>:<line>: ..." for an unknown section, a phrase
// before any section, an empty section header, or a file with no phrase.
Result<BodyMarkers> ParseBodyMarkers(std::string_view text, const std::string& name);

// How one line of raw was classified (see the method above).
enum class LineClass : uint8_t {
  kBlank,
  kBlock,
  kEnd,
  kTeaser,
  kCredit,
  kByline,
  kRepeated,
  kHeadline,
  kNav,
  kGood,
  kNearGood,
  kShort,
  kBad,
};

// Stable lower-case name: "blank", "block", "end", "teaser", "credit",
// "byline", "repeated", "headline", "nav", "good", "near_good", "short",
// "bad".
const char* LineClassName(LineClass c);

// Diagnostics for one line of raw.
struct BodyLine {
  uint32_t begin = 0;  // byte offset of the line in raw
  uint32_t end = 0;    // byte offset of its end (before '\r' and '\n')
  uint32_t code_points = 0;  // without spaces
  LineClass cls = LineClass::kBlank;
  int32_t run = -1;    // index of the run it belongs to, -1 for none
  bool in_body = false;  // copied into BodyResult::body
};

struct BodyResult {
  std::string body;   // see Guarantees above
  std::string title;  // the headline if identified (spaces trimmed), else ""
  bool whole = false; // body is all of raw (short or no content found)
  int32_t chosen_run = -1;
  std::vector<BodyLine> lines;  // one per line of raw, for debugging
};

// Documents with at most this many non-blank lines are kept whole.
inline constexpr int kWholeMaxLines = 3;

// Extracts the body of `raw` (valid UTF-8, the whole page text with any date
// prefix removed). Never fails.
// REQUIRES: raw.size() < 4 GiB (line offsets are 32-bit).
BodyResult ExtractBody(std::string_view raw, const BodyMarkers& markers);

// One line a line: "<line no>\t<class>\t<in body ? '*' : ' '>\t<text>", for
// debugging a page's classification.
std::string DescribeBody(std::string_view raw, const BodyResult& result);

}  // namespace newskb
