#include "pipeline/markup/dom_body.h"

#include <algorithm>
#include <unordered_map>

namespace newskb::markup {
namespace {

// A block child (a table cell too) makes its parent a container, not a paragraph.
bool IsBlockTag(GumboTag t) { return t == GUMBO_TAG_TD || t == GUMBO_TAG_TBODY || IsBlockLevelTag(t); }

bool HasBlockChild(const GumboNode* n) {
  const GumboVector& ch = n->v.element.children;
  for (size_t i = 0; i < ch.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
    if (c->type == GUMBO_NODE_ELEMENT && IsBlockTag(c->v.element.tag)) return true;
  }
  return false;
}

bool HasOwnText(const GumboNode* n) {
  const GumboVector& ch = n->v.element.children;
  for (size_t i = 0; i < ch.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
    if (c->type == GUMBO_NODE_TEXT) return true;
  }
  return false;
}

bool IsParagraphLike(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
      return true;
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_FONT:
    case GUMBO_TAG_SPAN: case GUMBO_TAG_CENTER:
      return HasOwnText(n) || !HasBlockChild(n);
    default:
      return false;
  }
}

double TagBase(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

const GumboNode* ElementParent(const GumboNode* n) {
  const GumboNode* p = n->parent;
  return p && p->type == GUMBO_NODE_ELEMENT ? p : nullptr;
}

int ElementChildCount(const GumboNode* n) {
  int k = 0;
  const GumboVector& ch = n->v.element.children;
  for (size_t i = 0; i < ch.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
    if (c->type == GUMBO_NODE_ELEMENT) ++k;
    else if (c->type == GUMBO_NODE_TEXT) return 2;  // text beside it: not an only child
  }
  return k;
}

bool EndsSentence(const GumboNode* n, const Dom& dom) {
  return dom.stats(n).punct > 0;
}

}  // namespace

std::vector<const GumboNode*> FindArticleNodes(const Dom& dom) {
  std::unordered_map<const GumboNode*, double> score;
  auto init = [&](const GumboNode* n) -> double& {
    auto it = score.find(n);
    if (it != score.end()) return it->second;
    return score[n] = TagBase(n->v.element.tag) + dom.stats(n).weight;
  };
  // 1-2. Paragraph scores flow to their ancestors.
  for (const GumboNode* n : dom.elements()) {
    const NodeStats& st = dom.stats(n);
    if (st.excluded || st.text < 10 || !IsParagraphLike(n)) continue;
    double s = 1 + st.punct + std::min(st.text / 100.0, 3.0);
    const GumboNode* a = ElementParent(n);
    for (int level = 0; a && level < 5; ++level, a = ElementParent(a)) {
      if (a->v.element.tag == GUMBO_TAG_HTML) break;
      double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      init(a) += s / div;
    }
  }
  if (score.empty()) return {dom.body()};
  const GumboNode* top = nullptr;
  double best = -1e18;
  for (const GumboNode* n : dom.elements()) {  // document order: ties go to the first
    auto it = score.find(n);
    if (it == score.end() || dom.stats(n).excluded) continue;
    it->second *= 1 - dom.LinkDensity(n);
    if (it->second > best) best = it->second, top = n;
  }
  if (!top) return {dom.body()};
  // 3. Climb while an ancestor holds more of the article.
  {
    double last = best, threshold = best / 3;
    for (const GumboNode* p = ElementParent(top); p && p != dom.body(); p = ElementParent(p)) {
      auto it = score.find(p);
      if (it == score.end()) continue;
      if (it->second < threshold) break;
      if (it->second > last) { top = p; break; }
      last = it->second;
    }
    while (ElementParent(top) && ElementParent(top) != dom.body() &&
           ElementParent(top)->v.element.tag != GUMBO_TAG_HTML && ElementChildCount(ElementParent(top)) == 1)
      top = ElementParent(top);
  }
  // 4. Siblings that belong to the article.
  const GumboNode* parent = ElementParent(top);
  if (!parent) return {top};
  double top_score = score[top];
  double threshold = std::max(10.0, top_score * 0.2);
  std::string top_class = Attr(top, "class");
  std::vector<const GumboNode*> out;
  const GumboVector& ch = parent->v.element.children;
  for (size_t i = 0; i < ch.length; ++i) {
    const GumboNode* s = static_cast<const GumboNode*>(ch.data[i]);
    if (s->type != GUMBO_NODE_ELEMENT) continue;
    if (s == top) { out.push_back(s); continue; }
    const NodeStats& st = dom.stats(s);
    if (st.excluded) continue;
    double bonus = !top_class.empty() && Attr(s, "class") == top_class ? top_score * 0.2 : 0;
    auto it = score.find(s);
    bool join = it != score.end() && it->second + bonus >= threshold;
    if (!join && (s->v.element.tag == GUMBO_TAG_P || IsParagraphLike(s))) {
      double ld = dom.LinkDensity(s);
      join = (st.text > 80 && ld < 0.25) || (st.text > 0 && st.text <= 80 && ld == 0 && EndsSentence(s, dom));
    }
    if (join) out.push_back(s);
  }
  return out;
}

}  // namespace newskb::markup
