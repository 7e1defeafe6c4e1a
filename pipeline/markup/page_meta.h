// newskb/pipeline/markup/page_meta.h (internal to the markup module)
//
// A page's headline and publication date, from what the page says about
// itself, in this order:
//  * title: the first <h1> whose text is part of the <title> or og:title
//    (the headline without the site's name); else og:title / twitter:title;
//    else <title> without the site's name (the longest of its parts split
//    at " - ", " | ", "_", "｜", " — "); else the first <h1>.
//  * date: <meta> article:published_time, og:published_time, pubdate,
//    publishdate, publish_date, publication_date, date, dc.date(.issued),
//    dcterms.created, parsely-pub-date, sailthru.date (property, name or
//    itemprop); an element with itemprop="datePublished" (content,
//    datetime or text); a JSON-LD "datePublished"; a <time datetime>;
//    else the first date written in the page's text after the headline
//    (2024-05-01, 2024/5/1, 2024.05.01, 2024年5月1日, May 1, 2024,
//    1 May 2024), else the first date in the text followed by a time of
//    day ("2005-9-15 11:46:00", not in brackets: a comment list's stamp),
//    else the first date anywhere in the text.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/markup/dom.h"

namespace newskb::markup {

std::string FindTitle(const Dom& dom);
std::string FindPublished(const Dom& dom, std::string_view prepared_html);

// The first date in `text` in one of the forms above, as ISO
// "YYYY-MM-DD"; "" if none. Years 1980-2099 only.
std::string FirstDateIn(std::string_view text);

}  // namespace newskb::markup
