// newskb/pipeline/report/report.h
//
// The analyst's report: one self-contained HTML file (inline CSS and SVG,
// no script, no network) built from value types the command fills from the
// knowledge base. Sections:
//   * a timeline per entity (SVG): each dated fact a dot on a shared time
//     axis, its figure and predicate on hover, a link to its article;
//   * the top organizations, policies and commodities: articles, mentions
//     and the figures tied to them;
//   * one page per article (shown by its #anchor, CSS :target): the body with
//     every mention highlighted by kind, and its facts as a table.
//
//   ReportData data;               // filled by pipeline/cli/report_cmd.cc
//   std::string html = RenderReportHtml(data);
//
// Every text is HTML-escaped; offsets are code points of Article::body.
// Pure function of its input; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newskb {

struct ReportFact {
  std::string subject, predicate, object;  // canonical names; "" if none
  std::string figure;                      // the figure as written
  std::string date;                        // ISO (YYYY, YYYY-MM, YYYY-MM-DD); "" if none
  std::string doc_key, sentence;
};

// One entity's dated facts, oldest first.
struct ReportTimeline {
  std::string entity, kind;
  std::vector<ReportFact> facts;
};

// One of the most mentioned entities of a kind, with the figures tied to it.
struct ReportTopEntity {
  std::string name;
  int64_t articles = 0, mentions = 0;
  std::vector<ReportFact> figures;  // facts where it is subject or object, a few
};

struct ReportTopList {
  std::string kind;  // organization | policy | commodity
  std::vector<ReportTopEntity> entities;
};

struct ReportSpan {
  uint32_t start = 0, end = 0;  // code points of the body
  std::string kind, name;       // name: canonical, "" if none
};

struct ReportArticle {
  std::string key, title, published, source, body;
  std::vector<ReportSpan> spans;  // by start
  std::vector<ReportFact> facts;
};

struct ReportData {
  std::string title;        // "newskb report"
  std::string scope;        // what was selected: "entity 美國能源部, 2026-01-01 to 2026-03-31"
  std::string generated;    // ISO time and the database path
  int64_t total_articles = 0;   // articles the selection matched
  std::vector<ReportTimeline> timelines;
  std::vector<ReportTopList> top;
  std::vector<ReportArticle> articles;  // may be fewer than total_articles (a cap)
};

std::string RenderReportHtml(const ReportData& data);

// "&", "<", ">", '"' and "'" escaped for HTML text and attribute values.
std::string HtmlEscape(const std::string& s);

}  // namespace newskb
