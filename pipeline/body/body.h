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
//     kept, and so is a [closing_reference] line right after the last line
//     (a court report's "案件編號：WKCC813/2021"), and a closing list of references is left out: a
//     [references_heading] line ("註：", "參考資料：") and under it only
//     bibliographic citations (a 《title》 or 〈title〉 with a page or a year:
//     "1：張三著：《某某研究》，第147頁。"); a list of notes with any prose
//     item stays whole. Inside, kTeaser, kCredit, kByline and kRepeated lines are
//     dropped; short lines between content (subheadings) are kept; a blank
//     line is kept unless it would follow another blank line.
//  4. Affixes: news agencies write the dateline and the editor note inside
//     the first and last paragraph ("（中央社記者潘智義台北3日電）經濟部今天…",
//     "新华社深圳2月2日电 比亚迪…", "…補助名單。（編輯：林家嫻）1150303").
//     The first body line loses a leading [dateline_prefix] match (repeated,
//     up to four, with the spaces after each: "中新网北京1月5日电(记者 张三)")
//     if at least two code points remain; the last body line loses a
//     trailing [editor_suffix] match (up to four, the last first) if what
//     remains ends with sentence-final punctuation. Before that, the last
//     body line loses the sentences at its end (up to three) that hold an
//     [end] phrase: a comment-board notice or a subscription appeal glued
//     onto the last paragraph ("…的理想未來。　違反上述規定者，…請先閱讀
//     留言板規則，謝謝配合。"), if what remains is a sentence of its own and
//     holds no [end] phrase, and before them a teaser glued after the last
//     sentence (a [teaser] phrase, then : or ：: "…工會會留意行業變化。其他
//     報道：【施政報告】…"). Likewise the first body line loses the sentences
//     at its start (up to three) that hold a [lead_notice] phrase, a site notice
//     glued before the article ("為達最佳瀏覽效果，建議使用 Chrome…的瀏覽器。
//     〔記者…〕1名…"), if the sentence after them holds none; for step 1 a
//     line is measured without such a notice only when it is longer than an
//     [end] line may be (160 code points), so that a two-sentence notice
//     line stays a notice. Nothing else is cut from inside a line. BodyLine::body_begin/body_end say which bytes of
//     each line went into the body. (Step 1 measures every line without
//     such a dateline or bracketed editor note, so that the space in
//     "新华社北京1月5日电 …" or "…。(编辑 李四)" does not make it a headline.)
//
// The marker phrases are data (extractors/rules/boilerplate.txt); the
// thresholds above are the method and live in body.cc.
//
// Guarantees:
//  * body is made of pieces of lines of `raw`, characters unchanged, in
//    order, joined by '\n': the bytes [body_begin, body_end) of every line
//    with in_body set. Each piece is a whole line (without its trailing
//    '\r') except that the first may start later (a dateline cut off) and
//    the last may end earlier (an editor note, a glued notice or teaser cut
//    off; the first likewise may lose a glued notice),
//    see step 4.
//  * A short document (at most kWholeMaxLines non-blank lines) is kept
//    whole (but for strong boilerplate lines, kEnd, after its last content
//    line: "請加入成為…的月費訂戶" below one paragraph), and so is a
//    document in which nothing looks like content (but for kEnd lines
//    after its last line of any other text that is no marker: a list of
//    headlines loses the subscription appeal below it): body
//    is then all lines of raw (leading and trailing blank lines removed;
//    step 4 still applies to its first and last line). body is never empty
//    when raw has a non-blank line.
//
// Cost: linear in raw's length, one pass over each line's bytes plus one
// Aho-Corasick scan for the "contains" phrases; no regular expressions, no
// allocation per line except the diagnostics vector. The affix patterns of
// step 4 run on two lines only (a small backtracking matcher with bounded
// gaps).
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
struct AffixPatterns;  // compiled [dateline_prefix] / [editor_suffix], opaque
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
//   [agency]         names of news agencies and outlets ("新华社", "中央社",
//                    "本報") that the {agency} token of a pattern matches.
//   [dateline_prefix] patterns (see below) cut from the start of the body's
//                    first line (step 4).
//   [editor_suffix]  patterns cut from the end of the body's last line.
//   [lead_notice]    a sentence at the start of the body's first line
//                    that contains the phrase is a site notice glued before
//                    the article (step 4).
//   [references_heading] the line, stripped as for [block], equals the
//                    phrase (註, 參考資料, References...): the heading of a
//                    closing list that, when every item under it is a
//                    bibliographic citation, is left out with the list.
//   [closing_reference] the line (brackets stripped) starts with the phrase,
//                    then only reference numbers (at most 80 code points with
//                    a digit and no sentence punctuation): a case number
//                    closing a court report ("案件編號：WKCC813/2021"). Right
//                    after the body's last line, it is kept in the body.
//   [author_note]    a line of at most 160 code points that starts with the
//                    phrase (作者為, 筆者為) is a note on the author, dropped
//                    right under a byline and as the body's first or last
//                    line ("【撰文：某某】" / "作者為退休建築師").
//
// Patterns are literal text with tokens in braces; a '?' before the closing
// brace makes a token optional:
//   {agency}   one of the [agency] names
//   {a|b|c}    one of the literal alternatives
//   {text}     1 to 24 code points of a name, place or date: ideographs,
//              letters, digits, spaces, ／ / 、 · ・ - _ . & (no other
//              punctuation, no brackets); {text?} also matches nothing
//   {date}     a day: [N年][N月]N日 (or 号/號), N in ASCII, full-width or
//              Chinese numerals: "3日", "2月2日", "2026年1月5日"
//   {open}     an opening bracket （ ( 【 [ 〔 ［ 〖; {close} its partner
//   {sep}      a run of spaces, ： : ／ / | ｜
//   {sp}       a run of spaces (ASCII, ideographic, no-break)
//   {digits}   a run of ASCII digits (the ROC date "1150303" after a note)
// e.g. "{open}{text?}{date}{電|电}{close}" matches "（中央社記者潘智義台北3日電）".
// A pattern must hold a literal, alternatives, {agency}, {date} or {open}
// that is not optional; an unknown token is an error.
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
  std::vector<std::string> agency;
  std::vector<std::string> dateline_prefix;  // pattern sources, as in the file
  std::vector<std::string> editor_suffix;
  std::vector<std::string> references_heading;
  std::vector<std::string> lead_notice;
  std::vector<std::string> closing_reference;
  std::vector<std::string> author_note;
  std::shared_ptr<const body_internal::PhraseMatcher> matcher;  // built by Parse
  std::shared_ptr<const body_internal::AffixPatterns> affixes;  // built by Parse
};

// Reads and parses the boilerplate file at `path`.
// Errors: NotFound / IoError if it cannot be read; InvalidInput as
// ParseBodyMarkers.
Result<BodyMarkers> LoadBodyMarkers(const std::string& path);

// Parses boilerplate-file content; `name` is used in messages.
// Errors: InvalidInput "<name>:<line>: ..." for an unknown section, a phrase
// before any section, an empty section header, a malformed pattern (unknown
// or unclosed token, nothing required), or a file with no phrase.
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
  uint32_t code_points = 0;  // without spaces (nor a dateline / editor note)
  LineClass cls = LineClass::kBlank;
  int32_t run = -1;    // index of the run it belongs to, -1 for none
  bool in_body = false;  // copied into BodyResult::body
  // The bytes of raw copied into the body: [body_begin, body_end), inside
  // [begin, end). Equal to begin/end for a whole line; narrower on the first
  // line (dateline cut off) or the last (editor note cut off). An empty range
  // at `begin` when !in_body.
  uint32_t body_begin = 0;
  uint32_t body_end = 0;
};

struct BodyResult {
  std::string body;   // see Guarantees above
  std::string title;  // the headline if identified (spaces trimmed), else ""
  bool whole = false; // body is all lines of raw (short or no content found)
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
