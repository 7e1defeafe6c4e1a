#include "pipeline/report/report.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

namespace newskb {
namespace {

// Colours of the fact predicates (extractors/facts/README.md vocabulary).
const char* PredicateColor(const std::string& p) {
  static const std::map<std::string, const char*> kColors = {
      {"invests", "#2563eb"}, {"lends", "#0891b2"},      {"raises", "#7c3aed"},   {"stake", "#db2777"},
      {"size", "#9333ea"},    {"stockpiles", "#b45309"}, {"price_floor", "#dc2626"}, {"share", "#059669"},
      {"produces", "#16a34a"}, {"costs", "#ea580c"},     {"cost_change", "#e11d48"}, {"covers", "#0d9488"},
      {"takes", "#4f46e5"},   {"targets", "#ca8a04"},    {"counts", "#64748b"},   {"other", "#94a3b8"}};
  auto it = kColors.find(p);
  return it == kColors.end() ? "#94a3b8" : it->second;
}

const char* KindLabel(const std::string& kind) {
  if (kind == "figure") return "figure";
  if (kind == "date") return "date";
  if (kind == "organization") return "organization";
  if (kind == "policy") return "policy";
  if (kind == "place") return "place";
  if (kind == "commodity") return "commodity";
  return "other";
}

const char* KindTitle(const std::string& kind) {
  if (kind == "organization") return "Organizations";
  if (kind == "policy") return "Policies";
  if (kind == "commodity") return "Commodities";
  return "Entities";
}

// Days since 1970-01-01 of the first day of an ISO date at any precision;
// false if `iso` is no date.
bool DayNumber(const std::string& iso, double* day) {
  int y = 0, m = 1, d = 1;
  if (iso.size() < 4 || std::sscanf(iso.c_str(), "%4d", &y) != 1) return false;
  if (iso.size() >= 7) std::sscanf(iso.c_str() + 5, "%2d", &m);
  if (iso.size() >= 10) std::sscanf(iso.c_str() + 8, "%2d", &d);
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *day = era * 146097.0 + static_cast<double>(doe) - 719468.0;
  return true;
}

// At most `n` code points, "…" for the rest.
std::string Shorten(const std::string& s, size_t n) {
  size_t cps = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cps++ == n) return s.substr(0, i) + "…";
  }
  return s;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string Anchor(const std::string& key) {
  std::string a = "doc-";
  for (unsigned char c : key) {
    if (std::isalnum(c) || c == '-' || c == '_' || c >= 0x80) a += static_cast<char>(c);
    else { char buf[8]; std::snprintf(buf, sizeof buf, ".%02X", c); a += buf; }
  }
  return a;
}

const char kStyle[] = R"CSS(
:root{--ink:#1f2937;--soft:#6b7280;--line:#e5e7eb;--bg:#f8fafc;--card:#fff;--accent:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 "Noto Sans CJK TC","Noto Sans CJK SC","PingFang TC","Microsoft JhengHei","WenQuanYi Micro Hei",system-ui,sans-serif;color:var(--ink);background:var(--bg)}
header{background:linear-gradient(120deg,#0f172a,#1e3a8a);color:#fff;padding:28px 40px 18px}
header h1{margin:0;font-size:26px;font-weight:700;letter-spacing:.5px}
header .scope{margin:4px 0 0;color:#c7d2fe;font-size:15px}
.stats{display:flex;gap:14px;margin:18px 0 8px;flex-wrap:wrap}
.stat{background:rgba(255,255,255,.10);border-radius:10px;padding:8px 16px;min-width:120px}
.stat b{display:block;font-size:24px;line-height:1.2}
.stat span{font-size:12px;color:#c7d2fe;text-transform:uppercase;letter-spacing:.6px}
nav{margin-top:12px}
nav a{color:#e0e7ff;text-decoration:none;margin-right:18px;font-size:14px;border-bottom:1px solid transparent}
nav a:hover{border-color:#e0e7ff}
main{max-width:1240px;margin:0 auto;padding:10px 32px 60px}
section{margin-top:28px}
h2{font-size:19px;margin:0 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:0 0 8px}
.panel{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:16px 18px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
svg.timeline{width:100%;height:auto;display:block}
svg.timeline text{font-size:12px;fill:var(--ink)}
svg.timeline .axis{stroke:#cbd5e1}
svg.timeline .grid{stroke:#eef2f7}
svg.timeline .tick{fill:var(--soft);font-size:11px}
svg.timeline .row:nth-child(odd) rect.band{fill:#f8fafc}
svg.timeline circle{stroke:#fff;stroke-width:1.5;opacity:.9}
svg.timeline a:hover circle{opacity:1;stroke:#111;r:8}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;margin-top:10px;font-size:12px;color:var(--soft)}
.legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px;vertical-align:-1px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(360px,1fr));gap:16px}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th{text-align:left;font-weight:600;color:var(--soft);font-size:12px;text-transform:uppercase;letter-spacing:.5px;border-bottom:1px solid var(--line);padding:6px 8px}
td{border-bottom:1px solid #f1f5f9;padding:6px 8px;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums;color:var(--soft)}
.bar{height:6px;border-radius:3px;background:#c7d2fe;margin-top:3px}
.figs{font-size:12.5px;color:var(--soft);margin:2px 0 0;padding:0;list-style:none}
.figs li{margin:1px 0}
.pill{display:inline-block;border-radius:999px;padding:0 8px;font-size:11.5px;color:#fff;margin-right:4px;white-space:nowrap}
a{color:var(--accent)}
.index td:first-child{white-space:nowrap}
.page{display:none;margin-top:18px}
.page:target{display:block}
main:has(.page:target) > section:not(#articles), main:has(.page:target) #articles > h2,
main:has(.page:target) #articles > .panel{display:none}
.back{font-size:13px}
table.facts td:nth-child(-n+5){white-space:nowrap}
.page .meta{color:var(--soft);font-size:13px;margin-bottom:10px}
.page .body{white-space:pre-wrap;font-size:16px;line-height:1.9;background:var(--card);border:1px solid var(--line);border-radius:12px;padding:18px 22px}
mark{border-radius:4px;padding:1px 2px;color:inherit}
mark.k-figure{background:#bbf7d0;font-weight:600}
mark.k-date{background:#bfdbfe}
mark.k-organization{background:#e9d5ff}
mark.k-policy{background:#fde68a}
mark.k-place{background:#a5f3fc}
mark.k-commodity{background:#fecaca}
.keys{font-size:12.5px;margin:8px 0 0}
.keys mark{margin-right:8px}
.empty{color:var(--soft);font-style:italic}
footer{color:var(--soft);font-size:12px;text-align:center;margin:40px 0 20px}
)CSS";

void Timeline(const ReportData& d, std::string* o) {
  *o += "<section id=\"timeline\"><h2>Timeline of dated facts</h2><div class=\"panel\">";
  double lo = 1e18, hi = -1e18;
  for (const ReportTimeline& t : d.timelines)
    for (const ReportFact& f : t.facts) {
      double day;
      if (DayNumber(f.date, &day)) lo = std::min(lo, day), hi = std::max(hi, day);
    }
  if (lo > hi) {
    *o += "<p class=\"empty\">No dated facts in this selection.</p></div></section>";
    return;
  }
  if (hi - lo < 60) lo -= 30, hi += 30;
  double pad = (hi - lo) * 0.03;
  lo -= pad, hi += pad;
  const double left = 200, right = 1180, top = 30, row = 34;
  const double height = top + row * d.timelines.size() + 10;
  auto x = [&](double day) { return left + (day - lo) / (hi - lo) * (right - left); };
  *o += "<svg class=\"timeline\" viewBox=\"0 0 1200 " + Num(height) + "\" role=\"img\" aria-label=\"timeline\">";
  // Ticks: years, or months when the range is short.
  int y0 = 1970 + static_cast<int>(lo / 365.2425), y1 = 1970 + static_cast<int>(hi / 365.2425) + 1;
  bool months = hi - lo < 3 * 365;
  int step = months ? ((hi - lo) > 500 ? 3 : 1) : std::max(1, (y1 - y0) / 10);
  for (int y = y0; y <= y1; ++y) {
    for (int m = 1; m <= (months ? 12 : 1); m += step) {
      char iso[16];
      std::snprintf(iso, sizeof iso, "%04d-%02d", y, m);
      double day;
      if (!months && (y - y0) % step) continue;
      DayNumber(iso, &day);
      if (day < lo || day > hi) continue;
      std::string label = months ? (m == 1 ? std::to_string(y) : std::string(iso).substr(0, 7)) : std::to_string(y);
      *o += "<line class=\"grid\" x1=\"" + Num(x(day)) + "\" x2=\"" + Num(x(day)) + "\" y1=\"" + Num(top - 6) +
            "\" y2=\"" + Num(height - 10) + "\"/><text class=\"tick\" x=\"" + Num(x(day)) + "\" y=\"" +
            Num(top - 12) + "\" text-anchor=\"middle\">" + label + "</text>";
    }
  }
  for (size_t r = 0; r < d.timelines.size(); ++r) {
    const ReportTimeline& t = d.timelines[r];
    double cy = top + row * r + row / 2;
    *o += "<g class=\"row\" data-entity=\"" + HtmlEscape(t.entity) + "\"><rect class=\"band\" x=\"0\" y=\"" +
          Num(cy - row / 2) + "\" width=\"1200\" height=\"" + Num(row) + "\" fill=\"#fff\"/>";
    *o += "<text x=\"" + Num(left - 12) + "\" y=\"" + Num(cy + 4) + "\" text-anchor=\"end\">" +
          HtmlEscape(Shorten(t.entity, 13)) + "<title>" + HtmlEscape(t.entity + " (" + t.kind + ")") +
          "</title></text><line class=\"axis\" x1=\"" + Num(left) + "\" x2=\"" + Num(right) + "\" y1=\"" + Num(cy) +
          "\" y2=\"" + Num(cy) + "\"/>";
    double last_x = -100;
    int stack = 0;
    for (const ReportFact& f : t.facts) {
      double day;
      if (!DayNumber(f.date, &day)) continue;
      double cx = x(day);
      stack = cx - last_x < 8 ? stack + 1 : 0;
      last_x = cx;
      double dy = stack == 0 ? 0 : (stack % 2 ? -1 : 1) * 6.0 * ((stack + 1) / 2 % 3);
      std::string tip = f.date + " · " + f.predicate + " · " + f.figure +
                        (f.object.empty() ? "" : " → " + f.object) + "\n" + f.sentence + "\n(" + f.doc_key + ")";
      *o += "<a href=\"#" + HtmlEscape(Anchor(f.doc_key)) + "\"><circle class=\"fact\" data-predicate=\"" +
            HtmlEscape(f.predicate) + "\" cx=\"" + Num(cx) + "\" cy=\"" + Num(cy + dy) + "\" r=\"6\" fill=\"" +
            PredicateColor(f.predicate) + "\"><title>" + HtmlEscape(tip) + "</title></circle></a>";
    }
    *o += "</g>";
  }
  *o += "</svg><div class=\"legend\">";
  std::map<std::string, int> used;
  for (const ReportTimeline& t : d.timelines)
    for (const ReportFact& f : t.facts) ++used[f.predicate];
  for (const auto& [p, n] : used)
    *o += "<span><i style=\"background:" + std::string(PredicateColor(p)) + "\"></i>" + HtmlEscape(p) + " (" +
          std::to_string(n) + ")</span>";
  *o += "<span>· hover a dot for its figure and sentence; click it for the article</span></div></div></section>";
}

void FactPill(const ReportFact& f, std::string* o) {
  *o += "<span class=\"pill\" style=\"background:" + std::string(PredicateColor(f.predicate)) + "\">" +
        HtmlEscape(f.predicate) + "</span>";
}

void TopLists(const ReportData& d, std::string* o) {
  *o += "<section id=\"top\"><h2>Top organizations, policies and commodities</h2><div class=\"cards\">";
  for (const ReportTopList& list : d.top) {
    *o += "<div class=\"panel top\" data-kind=\"" + HtmlEscape(list.kind) + "\"><h3>" + KindTitle(list.kind) +
          "</h3>";
    if (list.entities.empty()) {
      *o += "<p class=\"empty\">None in this selection.</p></div>";
      continue;
    }
    int64_t most = 1;
    for (const ReportTopEntity& e : list.entities) most = std::max(most, e.mentions);
    *o += "<table><tr><th>name and figures</th><th>articles</th><th>mentions</th></tr>";
    for (const ReportTopEntity& e : list.entities) {
      *o += "<tr><td><b>" + HtmlEscape(e.name) + "</b><div class=\"bar\" style=\"width:" +
            Num(100.0 * e.mentions / most) + "%\"></div>";
      if (!e.figures.empty()) {
        *o += "<ul class=\"figs\">";
        for (const ReportFact& f : e.figures) {
          *o += "<li>";
          FactPill(f, o);
          *o += "<a href=\"#" + HtmlEscape(Anchor(f.doc_key)) + "\">" + HtmlEscape(f.figure) + "</a>";
          std::string other = f.subject == e.name ? f.object : f.subject;
          if (!other.empty()) *o += " · " + HtmlEscape(other);
          if (!f.date.empty()) *o += " · " + HtmlEscape(f.date);
          *o += "</li>";
        }
        *o += "</ul>";
      }
      *o += "</td><td class=\"n\">" + std::to_string(e.articles) + "</td><td class=\"n\">" +
            std::to_string(e.mentions) + "</td></tr>";
    }
    *o += "</table></div>";
  }
  *o += "</div></section>";
}

// The body with each outermost mention in a <mark> of its kind.
std::string MarkedBody(const ReportArticle& a) {
  std::vector<size_t> byte_of;
  for (size_t i = 0; i < a.body.size(); ++i)
    if ((static_cast<unsigned char>(a.body[i]) & 0xC0) != 0x80) byte_of.push_back(i);
  byte_of.push_back(a.body.size());
  const uint32_t ncp = static_cast<uint32_t>(byte_of.size() - 1);
  std::string out;
  uint32_t at = 0;
  for (const ReportSpan& s : a.spans) {
    if (s.start < at || s.end > ncp || s.start >= s.end) continue;
    out += HtmlEscape(a.body.substr(byte_of[at], byte_of[s.start] - byte_of[at]));
    std::string text = a.body.substr(byte_of[s.start], byte_of[s.end] - byte_of[s.start]);
    std::string title = std::string(KindLabel(s.kind)) + (s.name.empty() || s.name == text ? "" : ": " + s.name);
    out += "<mark class=\"k-" + std::string(KindLabel(s.kind)) + "\" title=\"" + HtmlEscape(title) + "\">" +
           HtmlEscape(text) + "</mark>";
    at = s.end;
  }
  out += HtmlEscape(a.body.substr(byte_of[at]));
  return out;
}

void Articles(const ReportData& d, std::string* o) {
  *o += "<section id=\"articles\"><h2>Articles</h2><div class=\"panel\">";
  if (d.articles.empty()) {
    *o += "<p class=\"empty\">No article in this selection.</p></div></section>";
    return;
  }
  if (static_cast<int64_t>(d.articles.size()) < d.total_articles)
    *o += "<p class=\"empty\">The " + std::to_string(d.articles.size()) + " newest of " +
          std::to_string(d.total_articles) + " articles (raise --max-articles for more).</p>";
  *o += "<table class=\"index\"><tr><th>date</th><th>title</th><th>source</th><th>facts</th></tr>";
  for (const ReportArticle& a : d.articles)
    *o += "<tr><td>" + HtmlEscape(a.published.empty() ? "—" : a.published) + "</td><td><a href=\"#" +
          HtmlEscape(Anchor(a.key)) + "\">" + HtmlEscape(a.title.empty() ? a.key : a.title) + "</a></td><td>" +
          HtmlEscape(a.source) + "</td><td class=\"n\">" + std::to_string(a.facts.size()) + "</td></tr>";
  *o += "</table></div>";
  for (const ReportArticle& a : d.articles) {
    *o += "<article class=\"page\" id=\"" + HtmlEscape(Anchor(a.key)) + "\"><h2>" +
          HtmlEscape(a.title.empty() ? a.key : a.title) + "</h2><div class=\"meta\">" + HtmlEscape(a.key) + " · " +
          HtmlEscape(a.published.empty() ? "undated" : a.published) + " · " + HtmlEscape(a.source) +
          " · <a class=\"back\" href=\"#articles\">← all articles</a> · <a class=\"back\" href=\"#timeline\">overview</a></div>";
    *o += "<div class=\"keys\"><mark class=\"k-figure\">figure</mark><mark class=\"k-date\">date</mark>"
          "<mark class=\"k-organization\">organization</mark><mark class=\"k-policy\">policy</mark>"
          "<mark class=\"k-place\">place</mark><mark class=\"k-commodity\">commodity</mark></div>";
    *o += "<div class=\"body\">" + MarkedBody(a) + "</div>";
    *o += "<h3 style=\"margin-top:16px\">Facts</h3>";
    if (a.facts.empty()) {
      *o += "<p class=\"empty\">No facts drawn from this article.</p>";
    } else {
      *o += "<table class=\"facts\"><tr><th>subject</th><th>predicate</th><th>object</th><th>figure</th>"
            "<th>date</th><th>sentence</th></tr>";
      for (const ReportFact& f : a.facts) {
        *o += "<tr><td>" + HtmlEscape(f.subject.empty() ? "—" : f.subject) + "</td><td>";
        FactPill(f, o);
        *o += "</td><td>" + HtmlEscape(f.object.empty() ? "—" : f.object) + "</td><td><b>" + HtmlEscape(f.figure) +
              "</b></td><td>" + HtmlEscape(f.date.empty() ? "—" : f.date) + "</td><td>" + HtmlEscape(f.sentence) +
              "</td></tr>";
      }
      *o += "</table>";
    }
    *o += "</article>";
  }
  *o += "</section>";
}

}  // namespace

std::string HtmlEscape(const std::string& s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default: o += c;
    }
  }
  return o;
}

std::string RenderReportHtml(const ReportData& d) {
  std::string o = "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
                  "<title>" + HtmlEscape(d.title) + "</title><style>" + kStyle + "</style></head><body>";
  int64_t facts = 0, dated = 0;
  for (const ReportArticle& a : d.articles) facts += static_cast<int64_t>(a.facts.size());
  for (const ReportTimeline& t : d.timelines) dated += static_cast<int64_t>(t.facts.size());
  o += "<header><h1>" + HtmlEscape(d.title) + "</h1><p class=\"scope\">" + HtmlEscape(d.scope) + "</p>";
  o += "<div class=\"stats\"><div class=\"stat\"><b>" + std::to_string(d.total_articles) +
       "</b><span>articles</span></div><div class=\"stat\"><b>" + std::to_string(facts) +
       "</b><span>facts</span></div><div class=\"stat\"><b>" + std::to_string(dated) +
       "</b><span>dated facts on the timeline</span></div><div class=\"stat\"><b>" +
       std::to_string(d.timelines.size()) + "</b><span>entities on the timeline</span></div></div>";
  o += "<nav><a href=\"#timeline\">Timeline</a><a href=\"#top\">Top entities</a><a href=\"#articles\">Articles</a></nav>"
       "</header><main>";
  Timeline(d, &o);
  TopLists(d, &o);
  Articles(d, &o);
  o += "</main><footer>" + HtmlEscape(d.generated) + "</footer></body></html>\n";
  return o;
}

}  // namespace newskb
