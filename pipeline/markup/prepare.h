// newskb/pipeline/markup/prepare.h (internal to the markup module)
//
// One linear pass over an HTML page before it goes to the parser, so that
// parsing stays bounded in time and memory whatever the page holds:
//  * comments are dropped; <style>, <noscript>, <template> and <script>
//    elements are emptied (a <script type="application/ld+json"> of at most
//    256 KiB keeps its JSON, for the page's date);
//  * elements nested deeper than `max_depth` lose their start and end tags
//    (their text stays). Depth is counted from start and end tags, except
//    void elements (<br>, <img> ...) and elements whose end tag HTML lets a
//    page leave out (<p>, <li>, <td>, <tr>, <option> ...), which do not nest
//    in practice. HTML5 tree building scans the stack of open elements for
//    every start tag, so 100,000 nested <div>s would take minutes.
// The output is HTML again (what the pass did not touch is copied byte for
// byte).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newskb::markup {

struct Prepared {
  std::string html;
  size_t dropped_tags = 0;     // tags removed for depth
  size_t dropped_scripts = 0;  // script/style/noscript/template bodies emptied
};

Prepared PrepareForParse(std::string_view html, size_t max_depth);

}  // namespace newskb::markup
