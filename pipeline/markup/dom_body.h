// newskb/pipeline/markup/dom_body.h (internal to the markup module)
//
// Which elements of a page hold its article: the DOM-level body finder.
//
// The method is Mozilla Readability's, measured in code points so that it
// works for Chinese as for Latin text, with GNE's text and punctuation
// density as a second opinion (Readability: Arc90's algorithm as published
// in readability.js; GNE: Hong Zhou et al., "基于文本及符号密度的网页正文
// 提取方法"; trafilatura's documentation for the class hints):
//  1. Every paragraph-like element (p, pre, td, blockquote, or a div/section
//     with text of its own and no block children) of at least 10 visible
//     code points, outside excluded elements (dom.h), scores
//       1 + sentence punctuation + min(code points / 100, 3)
//     and gives it to its parent in full, its grandparent in half and the
//     three ancestors above in 1/(3*level).
//  2. An element that receives score starts from its tag (div +5; pre, td,
//     blockquote +3; lists -3; headings -5) plus its class/id weight
//     (+25 content-like, -25 navigation/comment/share-like, +50
//     itemprop=articleBody); its final score is multiplied by
//     (1 - link density).
//  3. The best element wins; if its ancestors keep a score of at least a
//     third of it and one of them scores higher, that one wins (the article
//     split over several sibling divs); an only child gives way to its
//     parent.
//  4. Siblings of the winner join when they score at least max(10, 20% of
//     the winner), or are a paragraph of 80+ code points with link density
//     under 0.25, or a shorter one without links that ends a sentence.
//  When no paragraph scores at all (a page of bare text), the body element
//  is the article.
#pragma once

#include <vector>

#include "pipeline/markup/dom.h"

namespace newskb::markup {

// The article's elements in document order (the winner and the siblings
// that joined it); empty if the page has no visible text.
std::vector<const GumboNode*> FindArticleNodes(const Dom& dom);

}  // namespace newskb::markup
