// The HTML report renderer (pipeline/report): marks, escaping, timeline.
#include "pipeline/report/report.h"

#include <gtest/gtest.h>

namespace newskb {
namespace {

ReportData OneArticle() {
  ReportData d;
  d.title = "t";
  d.total_articles = 1;
  ReportArticle a;
  a.key = "k1";
  a.title = "美國能源部<撥款>";
  a.published = "2026-02-18";
  a.body = "美國能源部投入4億美元。<script>x</script>";
  //        0    4 5  7    11   (code points)
  a.spans = {{0, 5, "organization", "美國能源部"}, {7, 11, "figure", ""}, {8, 10, "figure", ""}};
  a.facts.push_back({"美國能源部", "invests", "", "4億美元", "2026-02-18", "k1", "美國能源部投入4億美元。"});
  d.articles.push_back(a);
  d.timelines.push_back({"美國能源部", "organization", {a.facts[0]}});
  return d;
}

TEST(Report, MarksMentionsByCodePointAndKind) {
  std::string html = RenderReportHtml(OneArticle());
  EXPECT_NE(html.find("<mark class=\"k-organization\" title=\"organization\">美國能源部</mark>投入"
                      "<mark class=\"k-figure\" title=\"figure\">4億美元</mark>。"),
            std::string::npos);
  // The span inside another is not marked a second time.
  EXPECT_EQ(html.find("<mark class=\"k-figure\" title=\"figure\">億美</mark>"), std::string::npos);
}

TEST(Report, EscapesEveryTextAndRunsNoScript) {
  std::string html = RenderReportHtml(OneArticle());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("美國能源部&lt;撥款&gt;"), std::string::npos);
  EXPECT_EQ(HtmlEscape("a&b\"c'<"), "a&amp;b&quot;c&#39;&lt;");
}

TEST(Report, TimelineHasADotPerDatedFactLinkedToItsArticle) {
  std::string html = RenderReportHtml(OneArticle());
  EXPECT_NE(html.find("<svg class=\"timeline\""), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#doc-k1\"><circle class=\"fact\" data-predicate=\"invests\""), std::string::npos);
  EXPECT_NE(html.find("<article class=\"page\" id=\"doc-k1\">"), std::string::npos);
  ReportData undated = OneArticle();
  undated.timelines[0].facts[0].date = "";
  EXPECT_NE(RenderReportHtml(undated).find("No dated facts in this selection."), std::string::npos);
}

}  // namespace
}  // namespace newskb
