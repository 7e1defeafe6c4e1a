#include "pipeline/markup/dom.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "pipeline/text/utf8.h"

namespace newskb::markup {
namespace {

bool ContainsAny(const std::string& s, const char* const* words) {
  for (const char* const* w = words; *w; ++w)
    if (s.find(*w) != std::string::npos) return true;
  return false;
}

// Readability's lists (unlikelyCandidates, okMaybeItsACandidate, positive,
// negative), with the hints Chinese news sites use beside them.
const char* const kUnlikely[] = {
    "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "share", "recommend",
    "hotnews", "hot-news", "ranking", "copyright", "navbar", "topbar", "login", nullptr};
const char* const kMaybe[] = {"and", "article", "body", "column", "content", "main", "shadow",
                              "detail", "story", nullptr};
const char* const kPositive[] = {"article", "body", "content", "entry", "hentry", "h-entry",
                                 "main", "page", "post", "text", "blog", "story", "detail",
                                 "news_txt", "zw", "artical", nullptr};
const char* const kNegative[] = {"-ad-", "hidden", "banner", "combx", "comment", "com-",
                                 "contact", "foot", "footnote", "gdpr", "masthead", "media",
                                 "meta", "outbrain", "promo", "related", "scroll", "share",
                                 "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
                                 "tags", "tool", "widget", "recommend", "copyright", "nav",
                                 "breadcrumb", "author", "byline", "caption", "subscribe",
                                 nullptr};

bool Hidden(const GumboNode* n) {
  if (HasAttr(n, "hidden")) return true;
  if (Attr(n, "aria-hidden") == "true") return true;
  std::string style = Attr(n, "style");
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

bool Unlikely(const GumboNode* n) {
  GumboTag t = n->v.element.tag;
  if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_A || t == GUMBO_TAG_ARTICLE ||
      t == GUMBO_TAG_MAIN || t == GUMBO_TAG_P)
    return false;
  std::string role = Attr(n, "role");
  if (role == "navigation" || role == "complementary" || role == "banner" || role == "menu" ||
      role == "menubar" || role == "dialog" || role == "alertdialog" || role == "contentinfo")
    return true;
  std::string cls = Attr(n, "class") + " " + Attr(n, "id");
  if (cls.size() <= 1) return false;
  if (Attr(n, "itemprop").find("articlebody") != std::string::npos) return false;
  return ContainsAny(cls, kUnlikely) && !ContainsAny(cls, kMaybe);
}

// The words of class and id values, split at spaces, '-' and '_' (BEM names
// such as "m-block-ad__label" give m, block, ad, label).
bool HasClassWord(const GumboNode* n, const char* const* words) {
  for (const char* a : {"class", "id"}) {
    std::string v = Attr(n, a);
    size_t b = 0;
    while (b < v.size()) {
      size_t e = v.find_first_of(" \t\n-_", b);
      if (e == std::string::npos) e = v.size();
      std::string_view w(v.data() + b, e - b);
      for (const char* const* k = words; *k; ++k)
        if (w == *k) return true;
      b = e + 1;
    }
  }
  return false;
}

// An advertising slot: a class or id word that names an ad (Readability
// matches only "-ad-"; sites write "m-block-ad", "ad_box", "adsbygoogle",
// "gg" for 广告, "guanggao"). Whole words, so "head", "load", "shadow" and
// "gallery" are not ads.
const char* const kAdWords[] = {"ad", "ads", "adv", "advert", "adverts", "advertisement",
                                "adsbygoogle", "adslot", "adbox", "adwrap", "adcontainer",
                                "sponsored", "guanggao", "gg", nullptr};

bool AdSlot(const GumboNode* n) {
  GumboTag t = n->v.element.tag;
  if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN) return false;
  if (Attr(n, "itemprop").find("articlebody") != std::string::npos) return false;
  return HasClassWord(n, kAdWords);
}

bool IsSpaceChar(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000;
}

// A picture with its caption: a block or inline wrapper (not a paragraph)
// that holds an <img> and at most kCaptionMaxText code points of text and
// no paragraph: <div class="pic"><a><img></a><span>caption（記者攝）</span></div>,
// the pre-HTML5 form of <figure><figcaption>. Looks at most kCaptionMaxNodes
// nodes below `n`, so the cost per element is bounded.
constexpr int kCaptionMaxText = 150;
constexpr int kCaptionMaxNodes = 64;

bool PictureWithCaption(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SPAN: case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DL:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_TD: case GUMBO_TAG_TABLE: case GUMBO_TAG_A: break;
    default: return false;
  }
  int images = 0, text = 0, nodes = 0;
  std::vector<const GumboNode*> stack{n};
  while (!stack.empty()) {
    const GumboNode* c = stack.back();
    stack.pop_back();
    if (++nodes > kCaptionMaxNodes) return false;
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
      std::string_view s = c->v.text.text;
      for (size_t i = 0; i < s.size();) {
        size_t len = 1;
        char32_t cp = DecodeUtf8(s, i, &len);
        i += len;
        if (!IsSpaceChar(cp) && ++text > kCaptionMaxText) return false;
      }
      continue;
    }
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag t = c->v.element.tag;
    if (t == GUMBO_TAG_P || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_SECTION) return false;
    if (t == GUMBO_TAG_IMG) ++images;
    const GumboVector& ch = c->v.element.children;
    for (size_t i = 0; i < ch.length; ++i) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
  }
  return images > 0 && text > 0;
}

void CountText(std::string_view s, bool in_link, NodeStats* st) {
  char32_t prev = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = DecodeUtf8(s, i, &len);
    i += len;
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000;
    if (!space) {
      ++st->text;
      if (in_link) ++st->link_text;
      if (IsSentencePunct(c)) {
        bool digit_sep = (c == ',' || c == '.') && prev >= '0' && prev <= '9' && i < s.size() &&
                         s[i] >= '0' && s[i] <= '9';
        if (!digit_sep) ++st->punct;
      }
    }
    prev = c;
  }
}

}  // namespace

bool IsSentencePunct(char32_t c) {
  switch (c) {
    case 0xFF0C: case 0x3002: case 0x3001: case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F:
    case ',': case '.': case ';': case '!': case '?':
      return true;
    default:
      return false;
  }
}

bool IsCjk(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}

std::string Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return "";
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  if (!a) return "";
  std::string v = a->value;
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v;
}

bool HasAttr(const GumboNode* n, const char* name) {
  return n->type == GUMBO_NODE_ELEMENT && gumbo_get_attribute(&n->v.element.attributes, name);
}

bool IsTag(const GumboNode* n, GumboTag t) {
  return n && n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == t;
}

bool IsBlockLevelTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DD: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL: case GUMBO_TAG_TR: case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
}

std::string TagName(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return "";
  if (n->v.element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(n->v.element.tag);
  GumboStringPiece p = n->v.element.original_tag;
  gumbo_tag_from_original_text(&p);
  std::string s(p.data, p.length);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int ClassWeight(const GumboNode* n) {
  int w = 0;
  if (Attr(n, "itemprop").find("articlebody") != std::string::npos) w += 50;
  for (const char* a : {"class", "id"}) {
    std::string v = Attr(n, a);
    if (v.empty()) continue;
    if (ContainsAny(v, kNegative)) w -= 25;
    if (ContainsAny(v, kPositive)) w += 25;
  }
  return w;
}

bool IsNonContentTag(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_MENU:
    case GUMBO_TAG_MATH: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return Hidden(n);
  }
}

Dom::Dom(std::string_view html, Strip strip) {
  GumboOptions opts = kGumboDefaultOptions;
  opts.max_errors = 0;  // do not collect parse errors (a broken page has millions)
  output_ = gumbo_parse_with_options(&opts, html.data(), html.size());
  // Pre-order over elements with an explicit stack; `excluded` and
  // "inside a link" flow down.
  struct Item { const GumboNode* n; bool excluded; bool in_link; };
  std::vector<Item> stack{{output_->root, false, false}};
  std::vector<const GumboNode*> order;
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const GumboNode* n = it.n;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
      if (!it.excluded && n->parent) {
        NodeStats& ps = stats_[n->parent];
        CountText(n->v.text.text, it.in_link, &ps);
      }
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    NodeStats& st = stats_[n];
    st.weight = ClassWeight(n);
    st.excluded = it.excluded || IsNonContentTag(n) ||
                  (strip != Strip::kNone && (Unlikely(n) || AdSlot(n))) ||
                  (strip == Strip::kAll && PictureWithCaption(n));
    if (n->v.element.tag == GUMBO_TAG_BODY && !body_) body_ = n;
    elements_.push_back(n);
    bool link = it.in_link || (n->v.element.tag == GUMBO_TAG_A && HasAttr(n, "href"));
    const GumboVector& ch = n->v.element.children;
    for (size_t i = ch.length; i-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(ch.data[i]), st.excluded, link});
  }
  // Bottom-up sums: children come after their parent in pre-order.
  for (size_t i = elements_.size(); i-- > 0;) {
    const GumboNode* n = elements_[i];
    const NodeStats& s = stats_[n];
    if (s.excluded || !n->parent || n->parent->type != GUMBO_NODE_ELEMENT) continue;
    NodeStats& p = stats_[n->parent];
    p.text += s.text;
    p.link_text += s.link_text;
    p.punct += s.punct;
  }
  if (!body_) body_ = output_->root;
}

Dom::~Dom() {
  // gumbo_destroy_output recurses once per level of nesting; the depth was
  // bounded by PrepareForParse.
  gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const NodeStats& Dom::stats(const GumboNode* n) const {
  auto it = stats_.find(n);
  return it == stats_.end() ? empty_ : it->second;
}

}  // namespace newskb::markup
