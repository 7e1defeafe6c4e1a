#include "pipeline/markup/page_meta.h"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <vector>

#include "pipeline/markup/dom_text.h"
#include "pipeline/text/utf8.h"

namespace newskb::markup {
namespace {

// The original-case attribute value.
std::string RawAttr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : "";
}

std::string Trim(std::string s) {
  std::string t = TidyLines(s);
  for (char& c : t) if (c == '\n') c = ' ';
  return t;
}

bool Contains(const std::string& hay, const std::string& needle) {
  return !needle.empty() && hay.find(needle) != std::string::npos;
}

// Splits at the separators sites put between headline and site name.
std::string TitleWithoutSite(const std::string& t) {
  static const char* const kSeps[] = {" - ", " | ", "_", "｜", " — ", " – ", " -- ", "--", " :: ", "－", " / ", nullptr};
  std::vector<std::string> parts{t};
  for (const char* const* s = kSeps; *s; ++s) {
    std::vector<std::string> next;
    for (const std::string& p : parts) {
      size_t b = 0, e;
      while ((e = p.find(*s, b)) != std::string::npos) { next.push_back(p.substr(b, e - b)); b = e + std::strlen(*s); }
      next.push_back(p.substr(b));
    }
    parts.swap(next);
  }
  std::string best;
  size_t best_cp = 0;
  for (std::string& p : parts) {
    p = Trim(p);
    size_t cp = CountCodePoints(p);
    if (cp > best_cp) best = p, best_cp = cp;
  }
  return best.empty() ? t : best;
}

int Num(std::string_view s, size_t* i, int max_digits) {
  int v = 0, k = 0;
  while (*i < s.size() && k < max_digits && s[*i] >= '0' && s[*i] <= '9') v = v * 10 + (s[(*i)++] - '0'), ++k;
  return k ? v : -1;
}

std::string Iso(int y, int m, int d) {
  if (y < 1980 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int MonthName(std::string_view s, size_t i, size_t* len) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  if (i + 3 > s.size()) return 0;
  char w[4] = {static_cast<char>(std::tolower(static_cast<unsigned char>(s[i]))),
               static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + 1]))),
               static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + 2]))), 0};
  for (int m = 0; m < 12; ++m) {
    if (std::strcmp(w, kMonths[m]) != 0) continue;
    size_t j = i + 3;
    while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
    if (j < s.size() && s[j] == '.') ++j;
    *len = j - i;
    return m + 1;
  }
  return 0;
}

// A date starting at s[i], ISO or ""; *end (if given) is set past it.
std::string DateAt(std::string_view s, size_t i, size_t* end = nullptr) {
  if (i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))) return "";
  size_t j = i;
  int a = Num(s, &j, 4);
  if (a >= 1980 && j - i == 4) {
    // YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYY年M月D日
    std::string_view sep;
    if (j < s.size() && (s[j] == '-' || s[j] == '/' || s[j] == '.')) sep = s.substr(j, 1);
    else if (s.compare(j, 3, "年") == 0) sep = "年";
    if (sep.empty()) return "";
    j += sep.size();
    while (j < s.size() && s[j] == ' ') ++j;
    int m = Num(s, &j, 2);
    if (m < 0) return "";
    while (j < s.size() && s[j] == ' ') ++j;
    if (sep == "年") { if (s.compare(j, 3, "月") != 0) return ""; j += 3; }
    else if (s.compare(j, sep.size(), sep) == 0) j += sep.size();
    else return "";
    while (j < s.size() && s[j] == ' ') ++j;
    int d = Num(s, &j, 2);
    if (d < 0) return "";
    if (j < s.size() && s[j] >= '0' && s[j] <= '9') return "";
    if (end) *end = j;
    return Iso(a, m, d);
  }
  size_t len = 0;
  if (int m = MonthName(s, i, &len)) {  // May 1, 2024
    j = i + len;
    while (j < s.size() && s[j] == ' ') ++j;
    int d = Num(s, &j, 2);
    if (d < 0) return "";
    if (j < s.size() && s[j] == ',') ++j;
    while (j < s.size() && s[j] == ' ') ++j;
    size_t y0 = j;
    int y = Num(s, &j, 4);
    if (j - y0 != 4) return "";
    if (end) *end = j;
    return Iso(y, m, d);
  }
  j = i;
  int d = Num(s, &j, 2);  // 1 May 2024
  if (d > 0 && j < s.size() && s[j] == ' ') {
    ++j;
    if (int m = MonthName(s, j, &len)) {
      j += len;
      while (j < s.size() && s[j] == ' ') ++j;
      size_t y0 = j;
      int y = Num(s, &j, 4);
      if (j - y0 == 4) {
        if (end) *end = j;
        return Iso(y, m, d);
      }
    }
  }
  return "";
}

const char* const kDateMeta[] = {
    "article:published_time", "og:published_time", "article:published", "pubdate", "publishdate",
    "publish_date", "publish-date", "publication_date", "publishtime", "publish_time", "pub_date",
    "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.created", "dcterms.date",
    "parsely-pub-date", "sailthru.date", "datepublished", "article.published", "og:release_date",
    "citation_publication_date", "created", nullptr};

std::string MetaDate(const Dom& dom) {
  // The earliest-listed meta name wins, wherever it stands.
  std::string found;
  int found_rank = 1 << 20;
  for (const GumboNode* n : dom.elements()) {
    if (n->v.element.tag != GUMBO_TAG_META) continue;
    std::string key = Attr(n, "property");
    if (key.empty()) key = Attr(n, "name");
    if (key.empty()) key = Attr(n, "itemprop");
    if (key.empty()) key = Attr(n, "http-equiv");
    if (key.empty()) continue;
    for (int r = 0; kDateMeta[r] && r < found_rank; ++r) {
      if (key != kDateMeta[r]) continue;
      std::string d = FirstDateIn(RawAttr(n, "content"));
      if (!d.empty()) found = d, found_rank = r;
    }
  }
  return found;
}

std::string ItempropDate(const Dom& dom) {
  for (const GumboNode* n : dom.elements()) {
    if (Attr(n, "itemprop") != "datepublished") continue;
    for (const char* a : {"content", "datetime"}) {
      std::string d = FirstDateIn(RawAttr(n, a));
      if (!d.empty()) return d;
    }
    std::string d = FirstDateIn(InlineText(n));
    if (!d.empty()) return d;
  }
  return "";
}

std::string JsonLdDate(std::string_view html) {
  size_t p = html.find("\"datePublished\"");
  if (p == std::string_view::npos) return "";
  size_t q = html.find('"', html.find(':', p) + 1);
  if (q == std::string_view::npos) return "";
  return FirstDateIn(html.substr(q + 1, 40));
}

std::string TimeDate(const Dom& dom) {
  std::string first;
  for (const GumboNode* n : dom.elements()) {
    if (n->v.element.tag != GUMBO_TAG_TIME) continue;
    std::string d = FirstDateIn(RawAttr(n, "datetime"));
    if (d.empty()) continue;
    if (HasAttr(n, "pubdate")) return d;
    if (first.empty()) first = d;
  }
  return first;
}

// True if a time of day (H:MM or HH:MM) follows s[i], after an optional 日
// or 号 and spaces or a 'T': "2005-9-15 11:46:00", "2024年5月1日 10:00".
bool TimeFollows(std::string_view s, size_t i) {
  if (s.compare(i, 3, "日") == 0 || s.compare(i, 3, "号") == 0) i += 3;
  size_t spaces = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == 'T') && spaces < 3) ++i, ++spaces;
  if (spaces == 0) return false;
  size_t j = i;
  while (j < s.size() && j - i < 2 && s[j] >= '0' && s[j] <= '9') ++j;
  if (j == i || j >= s.size() || s[j] != ':') return false;
  return j + 2 < s.size() && s[j + 1] >= '0' && s[j + 1] <= '5' && s[j + 2] >= '0' && s[j + 2] <= '9';
}

// The first date written with a time of day, ISO or "": a page's
// publication stamp ("发表于 2005-9-15 11:46:00"), where a bare date may be
// anything (a blog's founding date in the sidebar, an archive link). A
// stamp in brackets is a list's ("回复: …(2006-12-24 03:45:27)": comments,
// replies), not the page's.
std::string FirstTimestampedDateIn(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < '0' || c > '9') continue;
    if (i > 0 && (text[i - 1] == '(' || text[i - 1] == '[' ||
                  (i >= 3 && (text.compare(i - 3, 3, "（") == 0 || text.compare(i - 3, 3, "【") == 0))))
      continue;
    size_t end = 0;
    std::string d = DateAt(text, i, &end);
    if (!d.empty() && TimeFollows(text, end)) return d;
  }
  return "";
}

}  // namespace

std::string FirstDateIn(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!std::isalnum(c)) continue;
    std::string d = DateAt(text, i);
    if (!d.empty()) return d;
  }
  return "";
}

std::string FindTitle(const Dom& dom) {
  std::string title, og;
  std::vector<std::string> heads;  // h1, h2, h3 and itemprop=headline, in document order
  for (const GumboNode* n : dom.elements()) {
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_TITLE && title.empty()) title = InlineText(n);
    else if (t == GUMBO_TAG_META && og.empty()) {
      std::string key = Attr(n, "property");
      if (key.empty()) key = Attr(n, "name");
      if (key == "og:title" || key == "twitter:title") og = Trim(RawAttr(n, "content"));
    } else if (t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
               Attr(n, "itemprop") == "headline") {
      std::string h = InlineText(n);
      if (!h.empty() && CountCodePoints(h) <= 200) heads.push_back(h);
    }
  }
  // The longest headline element that the page's <title> or og:title holds.
  std::string best;
  size_t best_cp = 3;
  for (const std::string& h : heads) {
    size_t cp = CountCodePoints(h);
    if (cp > best_cp && (Contains(title, h) || Contains(og, h))) best = h, best_cp = cp;
  }
  if (!best.empty()) return best;
  if (!og.empty()) return TitleWithoutSite(og);
  if (!title.empty()) return TitleWithoutSite(title);
  return heads.empty() ? "" : heads[0];
}

std::string FindPublished(const Dom& dom, std::string_view prepared_html) {
  std::string d = MetaDate(dom);
  if (d.empty()) d = ItempropDate(dom);
  if (d.empty()) d = JsonLdDate(prepared_html);
  if (d.empty()) d = TimeDate(dom);
  if (!d.empty()) return d;
  // A dateline: the first date after the headline, else anywhere.
  const GumboNode* h1 = nullptr;
  for (const GumboNode* n : dom.elements())
    if (n->v.element.tag == GUMBO_TAG_H1) { h1 = n; break; }
  // All the page's text, hidden and unlikely parts too: the dateline often
  // sits in a header block beside the headline.
  std::string text = InlineText(dom.body());
  if (h1) {
    std::string head = InlineText(h1);
    size_t at = head.empty() ? std::string::npos : text.find(head);
    if (at != std::string::npos) {
      d = FirstDateIn(std::string_view(text).substr(at + head.size()));
      if (!d.empty()) return d;
    }
  }
  // No headline, or no date after it: the first date stamped with a time,
  // else the first date anywhere.
  d = FirstTimestampedDateIn(text);
  return d.empty() ? FirstDateIn(text) : d;
}

}  // namespace newskb::markup
