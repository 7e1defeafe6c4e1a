// newskb/pipeline/body/container.h
//
// The line-level rules for text that a DOM-level finder already cut to the
// article's container (a web page, pipeline/markup): the finder chose the
// container, so no run of lines is chosen again (ExtractBody's step 3 would
// drop a table or a list of short lines inside a real article); each line
// keeps ExtractBody's class, and
//  * teasers, credits, bylines, repeated lines and menus are left out;
//  * a block marker (延伸閱讀, 相關新聞) or a strong boilerplate line
//    (copyright, reprint notice) after some content ends the body;
//  * the first and last kept lines lose the dateline and editor note that
//    ExtractBody cut, when they are its first and last body lines;
//  * a short container, which ExtractBody keeps whole, still loses these
//    lines when it holds a content line ("2022.01.20 16:31 来源：…" above
//    two paragraphs).
// The body guarantees of body.h hold (pieces of lines, in order, joined by
// '\n'; never empty when the text has a non-blank line).
#pragma once

#include <string_view>

#include "pipeline/body/body.h"

namespace newskb {

BodyResult ExtractBodyInContainer(std::string_view text, const BodyMarkers& markers);

}  // namespace newskb
