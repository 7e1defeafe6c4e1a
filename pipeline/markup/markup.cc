#include "pipeline/markup/markup.h"

#include <cmark.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>

#include "pipeline/markup/charset.h"
#include "pipeline/markup/dom.h"
#include "pipeline/markup/dom_body.h"
#include "pipeline/markup/dom_text.h"
#include "pipeline/markup/markdown_lines.h"
#include "pipeline/markup/markdown_repair.h"
#include "pipeline/markup/page_meta.h"
#include "pipeline/markup/prepare.h"
#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

using markup::Dom;

// Elements that real markup uses and prose does not write as "<name".
const char* const kKnownTags[] = {
    "a", "abbr", "article", "aside", "b", "blockquote", "body", "br", "caption", "center", "code",
    "dd", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "li", "link", "main", "meta",
    "nav", "ol", "p", "picture", "pre", "script", "section", "small", "source", "span", "strong",
    "style", "sub", "sup", "table", "tbody", "td", "th", "thead", "title", "tr", "u", "ul", "video",
    nullptr};

// A well-formed tag of a known element at s[i] == '<'?
bool KnownTagAt(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '/') ++j;
  size_t n0 = j;
  while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
  if (j == n0 || j >= s.size()) return false;
  std::string name(s.substr(n0, j - n0));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool known = false;
  for (const char* const* t = kKnownTags; *t && !known; ++t) known = name == *t;
  if (!known) return false;
  char c = s[j];
  if (c == '>') return true;
  if (c != ' ' && c != '/' && c != '\t' && c != '\n' && c != '\r') return false;
  size_t close = s.find('>', j);
  size_t lt = s.find('<', j);
  return close != std::string_view::npos && (lt == std::string_view::npos || close < lt) &&
         close - j < 4096;
}

bool StartsWithCI(std::string_view s, size_t i, const char* lit) {
  for (size_t k = 0; lit[k]; ++k)
    if (i + k >= s.size() || std::tolower(static_cast<unsigned char>(s[i + k])) != lit[k]) return false;
  return true;
}

struct HtmlSigns { int tags = 0; bool page = false; bool starts_with_tag = false; };

HtmlSigns ScanHtml(std::string_view s) {
  HtmlSigns h;
  size_t first = s.find_first_not_of(" \t\r\n");
  for (size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    if (StartsWithCI(s, i, "<!doctype html") || StartsWithCI(s, i, "<html") || StartsWithCI(s, i, "<body")) {
      if (KnownTagAt(s, i) || StartsWithCI(s, i, "<!doctype")) h.page = true;
    }
    if (KnownTagAt(s, i)) {
      ++h.tags;
      if (i == first) h.starts_with_tag = true;
    }
  }
  if (h.page) h.starts_with_tag = h.starts_with_tag || s.compare(first, 2, "<!") == 0;
  return h;
}

bool LooksLikeMarkdown(std::string_view s) {
  int strong = 0;
  size_t line = 0;
  while (line < s.size()) {
    size_t nl = s.find('\n', line);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view l = s.substr(line, nl - line);
    size_t h = 0;
    while (h < l.size() && h < 7 && l[h] == '#') ++h;
    if (h >= 1 && h <= 6 && h + 1 < l.size() && l[h] == ' ' && l[h + 1] != ' ') return true;
    // [text](target) or ![alt](target) on one line
    for (size_t p = l.find("]("); p != std::string_view::npos; p = l.find("](", p + 2)) {
      size_t open = l.rfind('[', p);
      size_t close = l.find(')', p + 2);
      if (open != std::string_view::npos && close != std::string_view::npos &&
          l.substr(p + 2, close - p - 2).find(' ') == std::string_view::npos)
        return true;
    }
    for (size_t p = l.find("**"); p != std::string_view::npos; p = l.find("**", p + 2)) {
      size_t q = l.find("**", p + 2);
      if (q == std::string_view::npos) break;
      if (q > p + 2 && l[p + 2] != ' ' && l[q - 1] != ' ') ++strong;
      p = q;
    }
    line = nl + 1;
  }
  return strong >= 2;
}

size_t VisibleCodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = DecodeUtf8(s, i, &len);
    i += len;
    if (c != ' ' && c != '\n' && c != '\t' && c != 0x3000 && c != 0xA0) ++n;
  }
  return n;
}

// A page article shorter than this is looked for again (Readability's
// charThreshold of 500 characters).
constexpr size_t kRetryBelow = 500;

// CommonMark ends a raw HTML block (<p>, <div>, <figure> ...) only at a
// blank line, so "<p>...</p>\n[link](url)" would leave the link as raw text.
// A line ending with the end tag of a block element ends the block here: a
// blank line is put after it.
std::string EndHtmlBlocks(std::string_view md) {
  static const char* const kBlockEnds[] = {"</p>", "</div>", "</figure>", "</table>", "</ul>",
                                           "</ol>", "</blockquote>", "</section>", "</h1>",
                                           "</h2>", "</h3>", "</h4>", "</h5>", "</h6>", "</pre>",
                                           nullptr};
  std::string out;
  out.reserve(md.size() + 64);
  size_t b = 0;
  while (b < md.size()) {
    size_t e = md.find('\n', b);
    if (e == std::string_view::npos) e = md.size();
    std::string_view line = md.substr(b, e - b);
    out.append(line);
    out.push_back('\n');
    size_t t = line.find_last_not_of(" \t\r");
    std::string_view tail = t == std::string_view::npos ? std::string_view() : line.substr(0, t + 1);
    bool ends_block = false;
    for (const char* const* k = kBlockEnds; *k && !ends_block; ++k) {
      size_t n = std::char_traits<char>::length(*k);
      if (tail.size() >= n) {
        ends_block = true;
        for (size_t i = 0; i < n && ends_block; ++i)
          ends_block = std::tolower(static_cast<unsigned char>(tail[tail.size() - n + i])) == (*k)[i];
      }
    }
    size_t next = e + 1;
    if (ends_block && next < md.size() && md[next] != '\n') out.push_back('\n');
    b = next;
  }
  return out;
}

// Emphasis delimiters CommonMark left unmatched (bold that the source broke
// across a line, "**" rows used as separators) are removed from a Markdown
// text: a run of two or more '*' still in the text, unless it follows a
// letter or digit ("5**", a grade).
std::string DropStrayEmphasis(const std::string& text) {
  std::string out;
  size_t b = 0;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    std::string line = text.substr(b, e - b);
    std::string kept;
    for (size_t i = 0; i < line.size();) {
      if (line[i] == '*' || line[i] == '_') {
        size_t j = i;
        while (j < line.size() && line[j] == line[i]) ++j;
        bool after_word = i > 0 && std::isalnum(static_cast<unsigned char>(line[i - 1]));
        if (j - i >= 2 && line[i] == '*' && !after_word) { i = j; continue; }
        kept.append(line, i, j - i);
        i = j;
        continue;
      }
      kept.push_back(line[i++]);
    }
    std::string tidy = markup::TidyLines(kept);
    if (!tidy.empty()) out.append(out.empty() ? "" : "\n").append(tidy);
    if (e == text.size()) break;
    b = e + 1;
  }
  return out;
}

Status NoBody() { return Status::InvalidInput("no article body found"); }

Result<markup::Prepared> Prepare(std::string_view html, const MarkupOptions& o) {
  markup::Prepared p = markup::PrepareForParse(html, o.max_depth);
  if (p.html.size() > o.max_parse_bytes) {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "page markup is %.1f MiB without scripts and styles, over the %.1f MiB the HTML "
                  "parser takes",
                  p.html.size() / 1048576.0, o.max_parse_bytes / 1048576.0);
    return Status::InvalidInput(buf);
  }
  return p;
}

Result<Article> HtmlPage(std::string_view bytes, const MarkupOptions& o) {
  Result<markup::Decoded> dec = markup::DecodePage(bytes);
  if (!dec.ok()) return dec.status();
  Article a;
  a.kind = MarkupKind::kHtmlPage;
  a.charset = dec->charset;
  Result<markup::Prepared> p = Prepare(dec->text, o);
  if (!p.ok()) return p.status();
  // The strictest level first; a page where it finds under kRetryBelow code
  // points is looked at again one level down (a container named like
  // "post_header" may hold the article; a photo gallery's article is its
  // captions). A lower level's text is taken when it is at least twice as
  // long: what the stricter level left out was most of the article, not a
  // caption or two beside it.
  size_t best = 0;
  bool first = true;
  for (Dom::Strip level : {Dom::Strip::kAll, Dom::Strip::kUnlikely, Dom::Strip::kNone}) {
    Dom dom(p->html, level);
    if (first) {
      a.title = markup::FindTitle(dom);
      a.published = markup::FindPublished(dom, p->html);
      first = false;
    }
    std::string text = markup::NodesText(dom, markup::FindArticleNodes(dom), /*clean=*/true, a.title);
    size_t cps = VisibleCodePoints(text);
    if (cps > 2 * best || a.text.empty()) best = cps, a.text = std::move(text);
    if (best >= kRetryBelow) break;
  }
  if (VisibleCodePoints(a.text) < o.min_body_code_points) return NoBody();
  return a;
}

// The first element of the body, if it is an <h1>.
const GumboNode* LeadingHeading(const Dom& dom) {
  const GumboVector& ch = dom.body()->v.element.children;
  for (size_t i = 0; i < ch.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
    if (c->type == GUMBO_NODE_WHITESPACE) continue;
    if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_H1) return c;
    return nullptr;
  }
  return nullptr;
}

// The top-level blocks of a fragment that are its article: all but the
// leading headline, and
//  * nothing after a thematic break (<hr>, Markdown's ---) that comes after
//    at least three quarters of the text: what follows is an appendix
//    (subscription prompt, author box, "originally published in");
//  * no trailing block that is all link text ("查看原文", "read more").
std::vector<const GumboNode*> ArticleBlocks(const Dom& dom, const GumboNode* skip) {
  const GumboVector& ch = dom.body()->v.element.children;
  int total = dom.stats(dom.body()).text - (skip ? dom.stats(skip).text : 0);
  std::vector<const GumboNode*> nodes;
  int seen = 0;
  for (size_t i = 0; i < ch.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
    if (c == skip) continue;
    if (c->type == GUMBO_NODE_ELEMENT) {
      if (c->v.element.tag == GUMBO_TAG_HR && total > 0 && seen * 4 >= total * 3) break;
      seen += dom.stats(c).text;
    }
    nodes.push_back(c);
  }
  while (!nodes.empty()) {
    const GumboNode* last = nodes.back();
    if (last->type == GUMBO_NODE_WHITESPACE) { nodes.pop_back(); continue; }
    const markup::NodeStats& st = dom.stats(last);
    if (last->type == GUMBO_NODE_ELEMENT && st.text > 0 && st.link_text == st.text && nodes.size() > 1) {
      nodes.pop_back();
      continue;
    }
    break;
  }
  return nodes;
}

Result<Article> HtmlFragment(std::string_view html, MarkupKind kind, const MarkupOptions& o) {
  Article a;
  a.kind = kind;
  a.charset = "UTF-8";
  Result<markup::Prepared> p = Prepare(html, o);
  if (!p.ok()) return p.status();
  Dom dom(p->html, Dom::Strip::kNone);
  const GumboNode* h1 = LeadingHeading(dom);
  if (h1) a.title = markup::InlineText(h1);
  std::vector<const GumboNode*> nodes = ArticleBlocks(dom, h1);
  a.text = markup::NodesText(dom, nodes, /*clean=*/false);
  if (VisibleCodePoints(a.text) == 0) return NoBody();
  return a;
}

}  // namespace

const char* MarkupKindName(MarkupKind k) {
  switch (k) {
    case MarkupKind::kPlain: return "plain";
    case MarkupKind::kHtmlPage: return "html";
    case MarkupKind::kHtmlFragment: return "html-fragment";
    case MarkupKind::kMarkdown: return "markdown";
  }
  return "?";
}

MarkupKind DetectMarkup(std::string_view text) {
  HtmlSigns h = ScanHtml(text);
  if (h.page) return MarkupKind::kHtmlPage;
  if (LooksLikeMarkdown(text)) return MarkupKind::kMarkdown;  // HTML inside Markdown is Markdown's
  if (h.tags >= 2) return MarkupKind::kHtmlFragment;
  return MarkupKind::kPlain;
}

Result<Article> ConvertMarkup(std::string_view input, MarkupKind kind, const MarkupOptions& options) {
  switch (kind) {
    case MarkupKind::kPlain: {
      Article a;
      a.text = std::string(input);
      a.charset = "UTF-8";
      return a;
    }
    case MarkupKind::kHtmlPage:
      return HtmlPage(input, options);
    case MarkupKind::kHtmlFragment:
      return HtmlFragment(input, kind, options);
    case MarkupKind::kMarkdown: {
      if (markup::IsLineStructured(input) && ScanHtml(input).tags == 0) {
        // Plain text with Markdown here and there: converted line by line
        // (markdown_lines.h), so its lines stay lines.
        Article a;
        a.kind = kind;
        a.charset = "UTF-8";
        a.text = markup::MarkdownLinesToText(input, &a.title);
        if (VisibleCodePoints(a.text) == 0) return NoBody();
        return a;
      }
      std::string md = EndHtmlBlocks(markup::RepairMarkdown(input));
      // CMARK_OPT_UNSAFE keeps raw HTML blocks (<figure>...) so that they go
      // through the same HTML path; nothing is rendered to a browser.
      std::unique_ptr<char, void (*)(void*)> html(
          cmark_markdown_to_html(md.data(), md.size(), CMARK_OPT_UNSAFE), std::free);
      if (!html) return Status::Internal("cmark could not render the Markdown");
      Result<Article> a = HtmlFragment(html.get(), kind, options);
      if (a.ok()) a->text = DropStrayEmphasis(a->text);
      return a;
    }
  }
  return Status::Internal("unknown markup kind");
}

}  // namespace newskb
