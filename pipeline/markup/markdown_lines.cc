#include "pipeline/markup/markdown_lines.h"

#include <cmark.h>

#include <cctype>
#include <memory>
#include <vector>

#include "pipeline/markup/markdown_repair.h"
#include "pipeline/text/utf8.h"

namespace newskb::markup {
namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t b = 0; b <= text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view l = text.substr(b, e - b);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    out.push_back(l);
    b = e + 1;
  }
  return out;
}

std::string_view TrimLeft(std::string_view s) {
  size_t i = s.find_first_not_of(" \t");
  return i == std::string_view::npos ? std::string_view() : s.substr(i);
}

std::string_view Trim(std::string_view s) {
  s = TrimLeft(s);
  size_t e = s.find_last_not_of(" \t");
  return e == std::string_view::npos ? std::string_view() : s.substr(0, e + 1);
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A line CommonMark reads as a block of its own kind (heading, quote, list
// item, rule, fence, table row, HTML, picture).
bool IsBlockLine(std::string_view line) {
  std::string_view s = TrimLeft(line);
  if (s.empty()) return true;
  for (std::string_view p : {"#", ">", "<", "|", "- ", "* ", "+ ", "![", "---", "***", "```", "~~~"})
    if (StartsWith(s, p)) return true;
  size_t d = 0;
  while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
  return d > 0 && d < s.size() && (s[d] == '.' || s[d] == ')');
}

// The last visible code point is a sentence end (closing quotes and
// brackets looked past).
bool EndsSentence(std::string_view line) {
  std::string_view s = Trim(line);
  while (!s.empty()) {
    size_t k = s.size() - 1;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    size_t len = 0;
    char32_t c = DecodeUtf8(s, k, &len);
    switch (c) {
      case U'」': case U'』': case U'”': case U'"': case U'’': case U'）': case U')':
        s = s.substr(0, k);
        continue;
      case U'。': case U'！': case U'？': case U'!': case U'?': case U'.': case U'…': case U'；':
        return true;
      default:
        return false;
    }
  }
  return false;
}

bool HardBreakAtEnd(std::string_view line) {
  return (line.size() >= 2 && line.substr(line.size() - 2) == "  ") || (!line.empty() && line.back() == '\\');
}

// The text of a parsed line: its text, code and inline HTML, in order;
// emphasis, strong and links give their text; pictures give nothing.
std::string InlineText(cmark_node* root) {
  std::string out;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT: case CMARK_NODE_CODE: case CMARK_NODE_HTML_INLINE:
        if (const char* lit = cmark_node_get_literal(n)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
        out.push_back(' ');
        break;
      case CMARK_NODE_IMAGE:
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);  // a picture is not text
        break;
      default:
        break;
    }
  }
  cmark_iter_free(it);
  return out;
}

// One line (trimmed) as CommonMark reads it on its own: a heading (level
// 1-6 in *level) or a paragraph (*level 0). A line CommonMark would read as
// another block (a list item "1. " or "- ", a quote, a rule, a fence, an
// HTML block, a link reference definition) is text: its marker is escaped
// and the line read again as a paragraph.
std::string LineText(std::string_view line, int* level) {
  *level = 0;
  if (line.empty()) return {};
  std::string src(line);
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(
        cmark_parse_document(src.data(), src.size(), CMARK_OPT_DEFAULT), cmark_node_free);
    cmark_node* block = doc ? cmark_node_first_child(doc.get()) : nullptr;
    cmark_node_type t = block ? cmark_node_get_type(block) : CMARK_NODE_NONE;
    if (t == CMARK_NODE_HEADING || t == CMARK_NODE_PARAGRAPH) {
      *level = t == CMARK_NODE_HEADING ? cmark_node_get_heading_level(block) : 0;
      return InlineText(block);
    }
    // Escape the block marker: the delimiter of "1." / "1)", else the
    // first character (ASCII punctuation: "-", "*", "+", ">", "<", "`",
    // "~", "_", "[").
    size_t d = 0;
    while (d < src.size() && std::isdigit(static_cast<unsigned char>(src[d]))) ++d;
    src.insert(d < src.size() && (src[d] == '.' || src[d] == ')') ? d : 0, 1, '\\');
  }
  return std::string(line);
}

}  // namespace

bool IsLineStructured(std::string_view text) {
  std::vector<std::string_view> lines = Lines(text);
  int pairs = 0, breaks = 0;
  for (size_t k = 0; k + 1 < lines.size(); ++k) {
    std::string_view a = lines[k], b = lines[k + 1];
    if (Trim(a).empty()) continue;
    if (Trim(b).empty()) { ++breaks; continue; }
    if (!IsBlockLine(a) && !IsBlockLine(b) && EndsSentence(a) && !HardBreakAtEnd(a)) ++pairs;
  }
  return pairs > 0 && pairs > breaks;
}

std::string MarkdownInlineToText(std::string_view line) {
  int level = 0;
  std::string_view t = Trim(line);
  std::string_view lead = line.substr(0, t.empty() ? line.size() : t.data() - line.data());
  std::string_view trail = line.substr(lead.size() + t.size());
  return std::string(lead) + LineText(t, &level) + std::string(trail);
}

std::string MarkdownLinesToText(std::string_view text, std::string* title) {
  std::string repaired = RepairMarkdown(text);
  std::vector<std::string_view> lines = Lines(repaired);
  size_t nonblank = 0;
  for (std::string_view l : lines) nonblank += !Trim(l).empty();
  std::string out;
  bool first = true;
  for (std::string_view line : lines) {
    std::string_view s = Trim(line);
    if (s.empty()) {
      if (!out.empty()) out.push_back('\n');
      continue;
    }
    int level = 0;
    std::string text_line = LineText(s, &level);
    if (level == 1 && first && nonblank > 1 && title) {
      *title = text_line;
      first = false;
      continue;
    }
    first = false;
    if (Trim(text_line).empty()) continue;  // a picture alone, an empty heading
    if (level == 0) {
      // A paragraph keeps the white space around it as written.
      size_t lead = s.data() - line.data();
      text_line = std::string(line.substr(0, lead)) + text_line + std::string(line.substr(lead + s.size()));
    }
    out += text_line;
    out.push_back('\n');
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace newskb::markup
