#include "pipeline/markup/dom_text.h"

#include "pipeline/text/utf8.h"

namespace newskb::markup {
namespace {

enum class Layout { kInline, kBlock, kCell, kBreak };

Layout LayoutOf(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_BR: return Layout::kBreak;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: return Layout::kCell;
    case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
      return Layout::kBlock;
    default:
      return IsBlockLevelTag(n->v.element.tag) ? Layout::kBlock : Layout::kInline;
  }
}

bool IsListLike(GumboTag t) {
  return t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DL || t == GUMBO_TAG_TABLE ||
         t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION;
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = DecodeUtf8(s, i, &len);
    if (c != ' ' && c != 0xA0 && c != 0x3000) out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

// A heading (h2-h6) that prints the page's headline with at most a short
// label beside it ("<h2><span>原创</span>標題</h2>", "標題 | 獨家").
constexpr size_t kHeadlineLabelCp = 8;
constexpr size_t kHeadlineMinCp = 6;

bool IsHeadlineCopy(const GumboNode* n, const std::string& headline) {
  GumboTag t = n->v.element.tag;
  if (headline.empty() || t < GUMBO_TAG_H2 || t > GUMBO_TAG_H6) return false;
  std::string text = WithoutSpaces(InlineText(n));
  return text.find(headline) != std::string::npos &&
         CountCodePoints(text) <= CountCodePoints(headline) + kHeadlineLabelCp;
}

// Left out of a cleaned container (see the header).
bool Drop(const Dom& dom, const GumboNode* n, bool clean, const std::string& headline) {
  const NodeStats& st = dom.stats(n);
  if (st.excluded) return true;
  if (!clean) return false;
  GumboTag t = n->v.element.tag;
  if (t == GUMBO_TAG_H1 || IsHeadlineCopy(n, headline)) return true;
  if (IsListLike(t) && st.text > 0 && dom.LinkDensity(n) > 0.5) return true;
  if (st.weight < 0 && st.punct <= 1 && t != GUMBO_TAG_P) return true;
  return false;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 || c == 0x3000;
}

// Source line breaks inside a paragraph: a white-space run holding a line
// break is kept as kWrap until TidyLines, which drops it between two CJK
// characters (Chinese is written without spaces; the break is the editor's)
// and makes it a space elsewhere. A run of spaces alone stays a space.
constexpr char kWrap = '\x01';

void AppendText(std::string_view s, bool pre, std::string* out) {
  if (pre) { out->append(s); return; }
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      bool wrap = false;
      size_t j = i;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' || s[j] == '\f'))
        wrap = wrap || s[j] == '\n' || s[j] == '\r', ++j;
      i = j - 1;
      if (out->empty() || out->back() == '\n') continue;
      if (out->back() == ' ' || out->back() == kWrap) {
        if (wrap) out->back() = kWrap;
        continue;
      }
      out->push_back(wrap ? kWrap : ' ');
    } else {
      out->push_back(c);
    }
  }
}

void EnsureNewline(std::string* out) {
  if (!out->empty() && out->back() != '\n') out->push_back('\n');
}

void Serialize(const Dom& dom, const GumboNode* root, bool clean, const std::string& headline, std::string* out) {
  struct Item { const GumboNode* n; bool exit; bool pre; };
  std::vector<Item> stack{{root, false, false}};
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const GumboNode* n = it.n;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      AppendText(n->v.text.text, it.pre, out);
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    Layout l = LayoutOf(n);
    if (it.exit) {
      if (l == Layout::kBlock) EnsureNewline(out);
      else if (l == Layout::kCell) out->push_back(' ');
      continue;
    }
    if (Drop(dom, n, clean && n != root, headline)) continue;
    if (l == Layout::kBreak) { out->push_back('\n'); continue; }
    if (l == Layout::kBlock) EnsureNewline(out);
    bool pre = it.pre || n->v.element.tag == GUMBO_TAG_PRE;
    stack.push_back({n, true, pre});
    const GumboVector& ch = n->v.element.children;
    for (size_t i = ch.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(ch.data[i]), false, pre});
  }
}

}  // namespace

std::string TidyLines(const std::string& text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + start, nl - start);
    // decode, trim, drop a space run between two CJK characters
    std::vector<char32_t> cps;
    for (size_t i = 0; i < line.size();) {
      size_t len = 1;
      cps.push_back(DecodeUtf8(line, i, &len));
      i += len;
    }
    size_t b = 0, e = cps.size();
    while (b < e && (IsSpace(cps[b]) || cps[b] == kWrap)) ++b;
    while (e > b && (IsSpace(cps[e - 1]) || cps[e - 1] == kWrap)) --e;
    std::string tidy;
    for (size_t i = b; i < e; ++i) {
      char32_t c = cps[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == kWrap) {
        size_t j = i;
        bool wrap = false;
        while (j < e && (cps[j] == ' ' || cps[j] == '\t' || cps[j] == '\r' || cps[j] == '\f' || cps[j] == kWrap))
          wrap = wrap || cps[j] == kWrap, ++j;
        bool between_cjk = i > b && j < e && IsCjk(cps[i - 1]) && IsCjk(cps[j]) && cps[i - 1] != 0x3000;
        if (!(wrap && between_cjk)) tidy.push_back(' ');
        i = j - 1;
        continue;
      }
      AppendUtf8(c, &tidy);
    }
    if (!tidy.empty()) {
      if (!out.empty()) out.push_back('\n');
      out += tidy;
    }
    if (nl == text.size()) break;
    start = nl + 1;
  }
  return out;
}

std::string NodesText(const Dom& dom, const std::vector<const GumboNode*>& nodes, bool clean,
                      std::string_view headline) {
  std::string out;
  std::string bare = WithoutSpaces(headline);
  if (CountCodePoints(bare) < kHeadlineMinCp) bare.clear();
  for (const GumboNode* n : nodes) {
    EnsureNewline(&out);
    Serialize(dom, n, clean, bare, &out);
  }
  return TidyLines(out);
}

std::string InlineText(const GumboNode* n) {
  std::string out;
  std::vector<const GumboNode*> stack{n};
  while (!stack.empty()) {
    const GumboNode* c = stack.back();
    stack.pop_back();
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) {
      AppendText(c->v.text.text, false, &out);
      continue;
    }
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    if (c->v.element.tag == GUMBO_TAG_SCRIPT || c->v.element.tag == GUMBO_TAG_STYLE) continue;
    if (c->v.element.tag == GUMBO_TAG_BR) { out.push_back(' '); continue; }
    const GumboVector& ch = c->v.element.children;
    for (size_t i = ch.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
  }
  std::string t = TidyLines(out);
  for (char& ch : t) if (ch == '\n') ch = ' ';
  return t;
}

}  // namespace newskb::markup
