// newskb/pipeline/markup/dom.h (internal to the markup module)
//
// The parsed page as the markup module sees it: gumbo's tree plus, for
// every element, what the body finder measures (text, link text and
// punctuation in code points, class/id weight). Built once per page, read
// by dom_body.cc (which container is the article), page_meta.cc (title,
// date) and dom_text.cc (the container as plain text).
//
// Every walk over the tree is iterative (an explicit stack), so no depth
// of nesting can overflow the C++ stack.
#pragma once

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newskb::markup {

struct NodeStats {
  int text = 0;       // code points of visible text, spaces excluded
  int link_text = 0;  // of which inside <a href>
  int punct = 0;      // sentence punctuation: ，。、；：！？,.;!? (a , or . between digits is not)
  int weight = 0;     // class/id hint: +25 positive, -25 negative, 0 none
  bool excluded = false;  // never body: scripts, navigation, forms, hidden, captions, unlikely classes
};

class Dom {
 public:
  // How much a page loses before the body finder scores it; a page where
  // the strictest level finds too little is looked at again one level
  // down (as Readability retries without its unlikely-candidate step).
  enum class Strip {
    kNone,      // only what is never text (scripts, nav, hidden...): a fragment
    kUnlikely,  // + elements whose class/id says navigation, comments,
                //   sharing, related articles... (Readability's unlikely
                //   candidates) and advertising slots (class word ad, ads...)
    kAll,       // + pictures with their captions in a wrapper that is not
                //   a <figure> (<div class="pic"><img><span>caption</span></div>)
  };
  // Parses UTF-8 `html` (already prepared, see prepare.h).
  Dom(std::string_view html, Strip strip);
  ~Dom();
  Dom(const Dom&) = delete;
  Dom& operator=(const Dom&) = delete;

  const GumboNode* root() const { return output_->root; }
  const GumboNode* body() const { return body_; }
  const NodeStats& stats(const GumboNode* n) const;
  double LinkDensity(const GumboNode* n) const {
    const NodeStats& s = stats(n);
    return s.text ? double(s.link_text) / s.text : 0.0;
  }
  // Elements in document order (pre-order).
  const std::vector<const GumboNode*>& elements() const { return elements_; }

 private:
  GumboOutput* output_ = nullptr;
  const GumboNode* body_ = nullptr;
  std::vector<const GumboNode*> elements_;
  std::unordered_map<const GumboNode*, NodeStats> stats_;
  NodeStats empty_;
};

// Lower-case attribute value, "" if absent.
std::string Attr(const GumboNode* n, const char* name);
bool HasAttr(const GumboNode* n, const char* name);
// The element's tag name, lower case ("div", or the original name for
// unknown tags).
std::string TagName(const GumboNode* n);
bool IsTag(const GumboNode* n, GumboTag t);
// A tag that lays its content out as a block of its own (div, p, h1-h6,
// li, table and row, section, article ...); table cells and <br> are not in
// it: callers decide what those are.
bool IsBlockLevelTag(GumboTag t);

// Class/id weight as Readability computes it: +25 if class or id holds a
// positive hint (article, body, content, entry, main, page, post, text,
// blog, story, detail, news, itemprop articleBody ...), -25 for each of
// class and id holding a negative one (comment, share, related, recommend,
// sidebar, footer, nav, ad, banner, sponsor, promo, tags, author, copyright
// ...).
int ClassWeight(const GumboNode* n);

// True for elements a page uses for something other than its article text
// (script, style, nav, aside, footer, form, button, figure captions,
// hidden elements...), see dom.cc.
bool IsNonContentTag(const GumboNode* n);

// Sentence punctuation in the sense of NodeStats::punct.
bool IsSentencePunct(char32_t c);
bool IsCjk(char32_t c);

}  // namespace newskb::markup
