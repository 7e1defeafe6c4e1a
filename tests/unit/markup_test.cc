// Tests for pipeline/markup: recognising markup, charsets, the DOM body
// finder, titles and dates, Markdown, pages without an article, and broken
// or hostile HTML (generated here, never committed as big files).

#include "pipeline/markup/markup.h"
#include "pipeline/markup/markdown_lines.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "pipeline/markup/charset.h"
#include "pipeline/markup/prepare.h"

namespace newskb {
namespace {

std::string Hex(const char* hex) {
  std::string out;
  for (const char* p = hex; p[0] && p[1]; p += 2) out.push_back(static_cast<char>(std::stoi(std::string(p, 2), nullptr, 16)));
  return out;
}

Article Page(const std::string& html) {
  Result<Article> a = ConvertMarkup(html, MarkupKind::kHtmlPage, MarkupOptions{});
  EXPECT_TRUE(a.ok()) << a.status().message();
  return a.ok() ? a.value() : Article{};
}

bool Has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// A news page: site chrome around one article.
std::string NewsPage(const std::string& head, const std::string& article) {
  return "<!DOCTYPE html><html><head>" + head +
         "</head><body>"
         "<header><nav><a href='/'>首頁</a> | <a href='/politics'>政治</a> | <a href='/finance'>財經</a></nav></header>"
         "<div class='sidebar'><ul><li><a href='/a1'>熱門：颱風假明天放不放</a></li><li><a href='/a2'>熱門：油價下週調漲</a></li></ul></div>" +
         article +
         "<div class='related'><h3>相關新聞</h3><ul><li><a href='/r1'>台積電法說會登場，外資看好</a></li>"
         "<li><a href='/r2'>央行理監事會後記者會，利率不變</a></li><li><a href='/r3'>經濟部公布外銷訂單</a></li></ul></div>"
         "<div class='comments'><p>網友留言：這政策太慢了，早該做了。</p><p>網友留言：支持！</p></div>"
         "<footer><p>Copyright © 2024 某某新聞網 版權所有，轉載必究。</p></footer></body></html>";
}

const char kArticle[] =
    "<article><h1>經濟部補助綠能產業 三年投入百億元</h1>"
    "<div class='share-bar'><a href='#'>分享</a><a href='#'>LINE</a></div>"
    "<div class='article-content'>"
    "<p>經濟部今天宣布，未來三年將投入新台幣100億元，補助綠能與儲能產業，帶動民間投資。</p>"
    "<figure><img src='x.jpg'><figcaption>經濟部長在記者會上說明。（圖／記者攝）</figcaption></figure>"
    "<p>官員表示，補助對象包括太陽光電、離岸風電及儲能系統業者，申請期限至明年六月底。</p>"
    "<p>業者認為，政策有助降低投資風險，但仍需簡化審查流程。</p>"
    "</div></article>";

// The headline printed again inside the article as an h2-h6 with a label
// beside it ("原创", "獨家") is no body; a section heading that merely
// shares words with it, or one with more than a label around it, stays.
TEST(PageBody, HeadlineCopyWithALabelIsNoBody) {
  for (const char* label : {"<span>原创</span>", "獨家｜", ""}) {
    std::string article = std::string("<div class='article-content'><h2 class='title'>") + label +
                          "經濟部補助綠能產業 三年投入百億元</h2>"
                          "<h3>三年投入百億元的用途</h3>"
                          "<p>經濟部今天宣布，未來三年將投入新台幣100億元，補助綠能與儲能產業，帶動民間投資。</p>"
                          "<h2>經濟部補助綠能產業 三年投入百億元以後，業者還要等多久</h2>"
                          "<p>官員表示，補助對象包括太陽光電、離岸風電及儲能系統業者，申請期限至明年六月底。</p></div>";
    Article a = Page(NewsPage("<title>經濟部補助綠能產業 三年投入百億元 - 某某新聞網</title>", article));
    EXPECT_EQ(a.title, "經濟部補助綠能產業 三年投入百億元");
    EXPECT_FALSE(Has(a.text, "原创")) << a.text;
    EXPECT_EQ(a.text.find("經濟部補助綠能產業 三年投入百億元\n"), std::string::npos) << a.text;
    EXPECT_TRUE(Has(a.text, "三年投入百億元的用途")) << a.text;
    EXPECT_TRUE(Has(a.text, "百億元以後，業者還要等多久")) << a.text;
    EXPECT_TRUE(Has(a.text, "申請期限至明年六月底。")) << a.text;
  }
}

TEST(DetectMarkup, ByStructure) {
  EXPECT_EQ(DetectMarkup("經濟部今天宣布補助。\n官員表示，3<5 也不是標籤。"), MarkupKind::kPlain);
  EXPECT_EQ(DetectMarkup("<p>第一段。</p><p>第二段。</p>"), MarkupKind::kHtmlFragment);
  EXPECT_EQ(DetectMarkup("<!DOCTYPE html><html><body><p>x</p></body></html>"), MarkupKind::kHtmlPage);
  EXPECT_EQ(DetectMarkup("# 標題\n\n內文第一段。"), MarkupKind::kMarkdown);
  EXPECT_EQ(DetectMarkup("詳見[網站](https://example.com/a)。"), MarkupKind::kMarkdown);
  EXPECT_EQ(DetectMarkup("#台灣 #新聞 是標籤，不是標題。"), MarkupKind::kPlain);
  EXPECT_EQ(DetectMarkup("一個<b>加粗</b>的字。"), MarkupKind::kHtmlFragment);
  EXPECT_EQ(DetectMarkup("a <notatag> b </notatag>"), MarkupKind::kPlain);
}

TEST(Charset, DeclaredBig5AndGbkAreDecoded) {
  std::string big5 = "<html><head><meta charset=\"big5\"><title>" + Hex("b773bb44b3f8bec9") +
                     "</title></head><body><p>" + Hex("b867c0d9b3a1a4b5a4d1aaeda5dca141a558a466a6a8aaf8a143") +
                     "</p></body></html>";
  Result<markup::Decoded> d = markup::DecodePage(big5);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "Big5-HKSCS");
  EXPECT_TRUE(Has(d->text, "經濟部今天表示，出口成長。"));
  std::string gbk = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                    "</head><body><p>" + Hex("b9fabcd2cdb3bcc6bed6bdf1ccecb7a2b2bccafdbedda3acbeadbcc3d4f6b3a4a1a3") +
                    "</p></body></html>";
  d = markup::DecodePage(gbk);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "GB18030");
  EXPECT_TRUE(Has(d->text, "国家统计局今天发布数据，经济增长。"));
}

TEST(Charset, BomWinsAndALieGivesWayToUtf8) {
  Result<markup::Decoded> d = markup::DecodePage("\xEF\xBB\xBF<meta charset=big5><p>新聞</p>");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "UTF-8");
  EXPECT_EQ(d->text.rfind("<meta", 0), 0u);
  d = markup::DecodePage("<meta charset=gbk><p>經濟部今天表示，出口成長。</p>");  // UTF-8 bytes
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "UTF-8");
  EXPECT_TRUE(Has(d->text, "經濟部今天表示"));
  // Undeclared and not UTF-8: bad bytes become U+FFFD, nothing crashes.
  d = markup::DecodePage(std::string("<p>abc\xff\xfe def</p>"));
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(Has(d->text, "\xEF\xBF\xBD"));
}

TEST(BodyFinder, KeepsTheArticleLeavesOutChrome) {
  Article a = Page(NewsPage("<title>經濟部補助綠能產業 三年投入百億元 | 某某新聞網</title>"
                            "<meta property='article:published_time' content='2024-05-01T10:00:00+08:00'>",
                            kArticle));
  EXPECT_EQ(a.text,
            "經濟部今天宣布，未來三年將投入新台幣100億元，補助綠能與儲能產業，帶動民間投資。\n"
            "官員表示，補助對象包括太陽光電、離岸風電及儲能系統業者，申請期限至明年六月底。\n"
            "業者認為，政策有助降低投資風險，但仍需簡化審查流程。");
  EXPECT_EQ(a.title, "經濟部補助綠能產業 三年投入百億元");
  EXPECT_EQ(a.published, "2024-05-01");
}

TEST(PageMeta, DateFromEachKindOfMetadata) {
  struct Case { std::string head, body_prefix, want; } cases[] = {
      {"<meta name='pubdate' content='2023-11-17 08:00'>", "", "2023-11-17"},
      {"<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-03-04T05:06:07Z\"}</script>", "", "2022-03-04"},
      {"", "<span itemprop='datePublished' content='2021-07-08'>昨天</span>", "2021-07-08"},
      {"", "<time datetime='2020-02-29T12:00'>2月29日</time>", "2020-02-29"},
      {"", "<div class='info'>2019年9月5日 11:10 來源：本報</div>", "2019-09-05"},
      {"", "<div class='info'>Published May 1, 2018</div>", "2018-05-01"},
  };
  for (const Case& c : cases) {
    std::string art = std::string(kArticle);
    art.insert(art.find("<div class='share-bar'>"), c.body_prefix);
    EXPECT_EQ(Page(NewsPage(c.head, art)).published, c.want) << c.head << c.body_prefix;
  }
}

// A page without a headline element or metadata (an old blog, a forum
// post): its publication stamp is the first date written with a time of
// day; bare dates before it (a sidebar's "建立于", an archive link) and
// bracketed stamps (a comment list's) are not.
TEST(PageMeta, TimestampedDatelineWithoutHeadline) {
  const std::vector<std::string> before = {
      "<div>Blog名:某某<br>建立于:2004年10月6日</div>",
      "<ul><li><a href='/a?p=1'>博客精选文章(截止2006年8月10日)</a></li></ul>",
      "<ul><li>网友回复:支持…<br>(2006-12-24 03:45:27)</li></ul>",
      "<ul><li>网友回复:支持…（2006-12-24 03:45）</li></ul>",
  };
  const std::vector<std::pair<std::string, std::string>> stamps = {
      {"发表于 2005-9-15 11:46:00", "2005-09-15"},
      {"2005-06-14 03:25:55", "2005-06-14"},
      {"2005年6月14日 21:05 来源：本站", "2005-06-14"},
      {"Posted 2005/06/14 9:30", "2005-06-14"},
  };
  const std::string post =
      "<p>今天去了湖南，吃了好几家湘菜馆，印象最深的是一家老店的剁椒鱼头，辣得过瘾。</p>"
      "<p>老板说，这道菜的关键在于剁椒要自己腌，至少要放三个月，味道才够。</p>";
  for (const std::string& b : before) {
    for (const auto& [stamp, want] : stamps) {
      std::string html = "<html><head><title>某某博客</title></head><body>" + b +
                         "<table><tr><td class='post-title'>湘菜馆游记</td><td>" + stamp + "</td></tr></table>" +
                         post + "</body></html>";
      EXPECT_EQ(Page(html).published, want) << b << " | " << stamp;
    }
    // Without a stamp, the first date of the page as before.
    std::string html = "<html><head><title>某某博客</title></head><body><div>2005年6月14日</div>" + b + post +
                       "</body></html>";
    EXPECT_EQ(Page(html).published, "2005-06-14") << b;
  }
}

TEST(Markdown, RenderedThroughTheHtmlPath) {
  std::string md =
      "# 歷史岔口\n\n2016 似是世事逆轉的一年。**重點**在於[選舉](https://example.com/a)結果。\n\n"
      "<figure>\n<img src=\"https://web.archive.org/x.jpg\">\n<figcaption>圖說：街頭。</figcaption>\n</figure>\n\n"
      "![博客](https://example.com/avatar.png)\n\n- 第一點。\n- 第二點。\n";
  Result<Article> a = ConvertMarkup(md, DetectMarkup(md), MarkupOptions{});
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->kind, MarkupKind::kMarkdown);
  EXPECT_EQ(a->title, "歷史岔口");
  EXPECT_EQ(a->text, "2016 似是世事逆轉的一年。重點在於選舉結果。\n第一點。\n第二點。");
}

TEST(Markdown, RepairsWhatArchivesBreak) {
  std::string md = "# t\n\n他的 [《追隨基督》](Nachfolge(The Cost of Discipleship)) 伴隨著我。\n\n"
                   "**控方結案陳詞\n** 控方指。\n\n考生考獲7科5**的成績。\n\n*****　*****\n\n{{< video src=\"https://x/y.mp4\" >}}\n\n"
                   "<p>央视网消息：长江是母亲河。</p>\n[查看原文](https://tv.cctv.com/2022/09/25/VIDE.shtml)\n\n完。\n";
  Result<Article> a = ConvertMarkup(md, DetectMarkup(md), MarkupOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "他的 《追隨基督》 伴隨著我。\n控方結案陳詞 控方指。\n考生考獲7科5**的成績。\n央视网消息：长江是母亲河。\n查看原文\n完。");
}

TEST(Markdown, AppendixAfterTheLastRuleAndATrailingLinkAreNotArticle) {
  std::string md = "# 題目\n\n第一段，香港經濟今年增長百分之三，較去年為高，主要受惠於訪港旅客回升及出口改善。\n\n"
                   "第二段，政府預計明年仍會維持增長，但外圍環境仍有不確定性，需要密切留意利率走勢。\n\n"
                   "---\n\n請加入成為月費訂戶。\n\n---\n\n**博客 | 某作者**\n";
  Result<Article> a = ConvertMarkup(md, DetectMarkup(md), MarkupOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "第一段，香港經濟今年增長百分之三，較去年為高，主要受惠於訪港旅客回升及出口改善。\n"
                     "第二段，政府預計明年仍會維持增長，但外圍環境仍有不確定性，需要密切留意利率走勢。");
  std::string mid = "第一段。\n\n---\n\n第二段很長，政府預計明年仍會維持增長，失業率維持低位，出口亦見回升。";
  a = ConvertMarkup(mid, MarkupKind::kMarkdown, MarkupOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "第一段。\n第二段很長，政府預計明年仍會維持增長，失業率維持低位，出口亦見回升。");
  std::string xw = "<p>长江是母亲河，浩荡东流。</p>\n[查看原文](https://tv.cctv.com/a.shtml)\n";
  a = ConvertMarkup(xw, DetectMarkup(xw), MarkupOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "长江是母亲河，浩荡东流。");
}

TEST(Markdown, HeadingMarkerWrittenTwiceAndATruncatedEmbedLink) {
  std::string md = "# 題目\n\n第一段，警方今日交代事件。\n\n### # 39分鐘\n\n第二段，社會不滿。\n\n### # 白衫 #藤條\n\n"
                   "兩地團體今（22/6） [召開線上記者會](<iframe src=) ，表達支持。\n";
  Result<Article> a = ConvertMarkup(md, DetectMarkup(md), MarkupOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "第一段，警方今日交代事件。\n39分鐘\n第二段，社會不滿。\n白衫 #藤條\n"
                     "兩地團體今（22/6） 召開線上記者會 ，表達支持。");
}

// A text written one paragraph a line, with a Markdown heading, bold and
// links here and there: its lines stay lines (CommonMark would run them
// together), the rest stays as written.
TEST(MarkdownLines, PlainTextWithMarkdownLinesKeepsItsLines) {
  std::string text = "# 標題在此\n第一段文字，**重點**說明了[一些事情](https://example.com/a)。\n"
                     "    第二段縮排的文字，也是正文。\n1. 第一點，列出的事項。\n2. 第二點，另一事項。\n"
                     "## 小標題 ##\n![圖](https://example.com/p.png)\n考生考獲5**的成績，另一人考獲5*。\n"
                     "最大規模基金 **，領先業界。\n註 **：資料來源：投信投顧公會。\n最後一段，見[報告](<iframe src=)。";
  EXPECT_EQ(DetectMarkup(text), MarkupKind::kMarkdown);
  Result<Article> a = ConvertMarkup(text, MarkupKind::kMarkdown, MarkupOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "標題在此");
  EXPECT_EQ(a->text, "第一段文字，重點說明了一些事情。\n    第二段縮排的文字，也是正文。\n1. 第一點，列出的事項。\n"
                     "2. 第二點，另一事項。\n小標題\n考生考獲5**的成績，另一人考獲5*。\n"
                     "最大規模基金 **，領先業界。\n註 **：資料來源：投信投顧公會。\n最後一段，見報告。");
}

TEST(MarkdownLines, OnlyTextsWrittenOneParagraphALine) {
  using markup::IsLineStructured;
  EXPECT_TRUE(IsLineStructured("# 題\n第一段。\n第二段。"));
  EXPECT_FALSE(IsLineStructured("# 題\n\n第一段。\n\n第二段。\n\n第三段，[連結](https://x/y)。"));
  // Verse with hard line breaks ("  " at the end) is Markdown's own.
  EXPECT_FALSE(IsLineStructured("# 詩\n\n她搖搖瓶子，   \n 看朵朵菊花。   \n 沒有任何背景音樂。   \n 很寧靜。\n\n完。"));
  // Hard-wrapped English prose: lines do not end sentences.
  EXPECT_FALSE(IsLineStructured("# Title\n\nThe council met on Monday and\ndecided to raise the\nlevy by two per cent.\n\nMore."));
  EXPECT_FALSE(IsLineStructured("單行文字，[連結](https://x/y)。"));
  // CommonMark's inline rules: "__" between two letters is text, an entity is decoded.
  EXPECT_EQ(markup::MarkdownInlineToText("**粗體**與 __粗體__、[a [b] c](https://x/(y))、![x](y.png)末"),
            "粗體與 粗體、a [b] c、末");
  EXPECT_EQ(markup::MarkdownInlineToText("  AT&amp;T與__x__、*強調*、\\*星號  "), "  AT&T與__x__、強調、*星號  ");
}

// Each line goes to CommonMark as a paragraph: a line it would read as a
// list item, a quote, a rule, a fence, an HTML block or a link reference
// definition is text, as written.
TEST(MarkdownLines, BlockMarkersOfALineAreText) {
  const char* const lines[] = {"- 項目，列出的事項。", "+ 另一項。", "* 第三項。", "> 引述的話。", "---",
                               "***", "```", "~~~ 分隔", "1) 第一點。", "12. 第十二點。",
                               "[註1]: 資料來源為主計總處。", "<這不是標籤> 而是文字。"};
  for (const char* l : lines) EXPECT_EQ(markup::MarkdownInlineToText(l), l) << l;
  EXPECT_EQ(markup::MarkdownInlineToText(""), "");
  EXPECT_EQ(markup::MarkdownInlineToText("  "), "  ");
  std::string text = "# 題\n第一段，**重點**。\n- 項目，列出的事項。\n[註1]: 資料來源。\n最後一段。";
  EXPECT_EQ(markup::MarkdownLinesToText(text, nullptr), "題\n第一段，重點。\n- 項目，列出的事項。\n[註1]: 資料來源。\n最後一段。");
}

// A grade "5**" / "5*" is text in a Markdown article too (the whole-text
// path), while bold around a number still goes.
TEST(Markdown, GradesStayTextBoldAroundANumberGoes) {
  std::string md = "# 放榜\n\n考生考獲5**的成績，另一人考獲5*的成績。\n\n合格率為**25%**，與去年相若。\n";
  Result<Article> a = ConvertMarkup(md, DetectMarkup(md), MarkupOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "考生考獲5**的成績，另一人考獲5*的成績。\n合格率為25%，與去年相若。");
  // A times sign too, also inside a raw HTML block (where a backslash escape would stay).
  md = "# 通關\n\n<p>完善7*24小時貨運通關模式，每日12*0.6小時。</p>\n\n口岸實行7*24小時通關。\n";
  a = ConvertMarkup(md, DetectMarkup(md), MarkupOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "完善7*24小時貨運通關模式，每日12*0.6小時。\n口岸實行7*24小時通關。");
}

TEST(HtmlFragment, ParagraphsOnTheirOwnLines) {
  std::string t = "<p><strong>央视网消息</strong>（新闻联播）：长江是母亲河。</p><p>万里长江，浩荡东流&amp;泽被两岸。</p>";
  Result<Article> a = ConvertMarkup(t, DetectMarkup(t), MarkupOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "央视网消息（新闻联播）：长江是母亲河。\n万里长江，浩荡东流&泽被两岸。");
}

TEST(NoArticle, IndexErrorAndLoginPagesAreRejected) {
  std::string index = "<html><body><nav><a href='/'>首頁</a></nav><ul>";
  for (int i = 0; i < 40; ++i) index += "<li><a href='/n" + std::to_string(i) + "'>今日新聞標題第" + std::to_string(i) + "則，立即點閱</a></li>";
  index += "</ul></body></html>";
  const std::string pages[] = {
      index,
      "<html><head><title>404 Not Found</title></head><body><h1>找不到網頁</h1><p>404</p></body></html>",
      "<html><body><form><p>請先登入</p><input name=user><button>登入</button></form></body></html>",
      "<html><body><script>var a = 1;</script></body></html>",
  };
  for (const std::string& p : pages) {
    Result<Article> a = ConvertMarkup(p, MarkupKind::kHtmlPage, MarkupOptions{});
    ASSERT_FALSE(a.ok()) << p;
    EXPECT_EQ(a.status().message(), "no article body found");
  }
}

TEST(BrokenHtml, UnclosedAndStrayTagsStillGiveTheArticle) {
  std::string p = "<html><body></div></div><div class='content'><p>經濟部今天宣布，補助綠能產業一百億元，帶動投資。"
                  "<p>官員表示，申請期限至明年六月底。<b><i>業者認為，政策有助降低風險。</span></td></body>";
  Article a = Page(p);
  EXPECT_TRUE(Has(a.text, "經濟部今天宣布")) << a.text;
  EXPECT_TRUE(Has(a.text, "業者認為，政策有助降低風險。")) << a.text;
}

TEST(BrokenHtml, HundredThousandNestedDivsInBoundedTime) {
  std::string p = "<html><body>";
  for (int i = 0; i < 100000; ++i) p += "<div>";
  p += "<p>經濟部今天宣布，補助綠能產業一百億元，帶動民間投資。官員表示，申請期限至明年六月底。</p>";
  for (int i = 0; i < 100000; ++i) p += "</div>";
  p += "</body></html>";
  auto t0 = std::chrono::steady_clock::now();
  Article a = Page(p);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_TRUE(Has(a.text, "經濟部今天宣布")) << a.text.substr(0, 200);
  EXPECT_LT(secs, 20.0);  // a correctness bound (minutes without the depth cap), not a speed target
  markup::Prepared pr = markup::PrepareForParse(p, 200);
  EXPECT_EQ(pr.dropped_tags, 2u * (100000 - 200));
}

TEST(BrokenHtml, MegabytesOfScriptJsonAreDroppedBeforeParsing) {
  std::string json = "<script>window.__STATE__ = {\"items\": [";
  while (json.size() < (8u << 20)) json += "{\"title\":\"新聞<p>標題</p>\",\"n\":12345},";
  json += "{}]};</script>";
  std::string p = NewsPage("<title>t</title>" + json, kArticle);
  markup::Prepared pr = markup::PrepareForParse(p, 200);
  EXPECT_LT(pr.html.size(), 10000u);
  EXPECT_TRUE(Has(Page(p).text, "經濟部今天宣布"));
}

TEST(BrokenHtml, FiftyMegabytePages) {
  // 50 MB of which nearly all is script and comments: parsed, article found.
  std::string filler = "<!-- " + std::string(1 << 20, 'x') + " -->";
  std::string p = NewsPage("", kArticle);
  std::string big = p.substr(0, p.find("</body>"));
  while (big.size() < (50u << 20)) big += filler;
  big += "</body></html>";
  EXPECT_TRUE(Has(Page(big).text, "經濟部今天宣布"));
  // 50 MB of markup: over the parser's budget, a clear error, no parse.
  std::string para = "<p>經濟部今天宣布，補助綠能產業一百億元，帶動民間投資。</p>";
  std::string huge = "<html><body>";
  huge.reserve(50u << 20);
  while (huge.size() < (50u << 20)) huge += para;
  Result<Article> a = ConvertMarkup(huge, MarkupKind::kHtmlPage, MarkupOptions{});
  ASSERT_FALSE(a.ok());
  EXPECT_TRUE(Has(a.status().message(), "over the 24.0 MiB the HTML parser takes")) << a.status().message();
}

}  // namespace
}  // namespace newskb
