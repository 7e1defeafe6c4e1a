// Layout classes of real news pages that the body finder must handle, each
// as synthetic pages generated here (never copies of suite pages): an ad
// slot inside the article, pictures captioned in a wrapper that is not a
// <figure>, a photo gallery whose article is its captions, a short article
// with its source line, comment rules inside the article element. Each page
// goes the way ingest takes it: ConvertMarkup (the DOM finder) and then
// ExtractBodyInContainer (the line rules), as pipeline/process does.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/body/container.h"
#include "pipeline/markup/markup.h"

namespace newskb {
namespace {

const std::string kMarkersPath = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules/boilerplate.txt";

const BodyMarkers& Markers() {
  static const BodyMarkers m = [] {
    Result<BodyMarkers> r = LoadBodyMarkers(kMarkersPath);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r.value() : BodyMarkers{};
  }();
  return m;
}

// The stored body of a page, or "" when it is rejected.
std::string PageBody(const std::string& html) {
  Result<Article> a = ConvertMarkup(html, MarkupKind::kHtmlPage, MarkupOptions{});
  if (!a.ok()) return "";
  return ExtractBodyInContainer(a->text, Markers()).body;
}

bool Has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// Paragraphs of a made-up article, each a few sentences long.
const std::vector<std::string> kParagraphs = {
    "經濟部今天宣布，未來三年將投入新台幣100億元補助綠能與儲能產業，帶動民間投資超過300億元。",
    "官員表示，補助對象包括太陽光電、離岸風電及儲能系統業者，申請期限至明年六月底，審查採分批進行。",
    "業者認為，政策有助降低投資風險，但仍需簡化審查流程，並讓中小企業也能申請，否則效果有限。",
    "經濟部也說，明年將檢討補助成效，必要時調整額度，並與地方政府合作推動示範場域。",
};

std::string Paragraphs(size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < kParagraphs.size(); ++i) out += "<p>" + kParagraphs[i] + "</p>";
  return out;
}

std::string Page(const std::string& article) {
  return "<!DOCTYPE html><html><head><title>經濟部補助綠能產業 三年投入百億元 - 某某新聞網</title></head><body>"
         "<nav><a href='/'>首頁</a> <a href='/politics'>政治</a> <a href='/finance'>財經</a></nav>" +
         article +
         "<footer><p>Copyright © 2024 某某新聞網 版權所有</p></footer></body></html>";
}

TEST(PageLayouts, AdSlotInsideTheArticleDoesNotEndIt) {
  // Ad slots named the ways sites name them; each holds the label 广告/廣告,
  // a line the body rules would otherwise take for the start of other
  // content.
  for (const char* cls : {"m-block-ad", "ad_box", "adsbygoogle", "article-ad-slot", "gg-box",
                          "advertisement", "m-interstitial__ad"}) {
    for (const char* label : {"广告", "廣告"}) {
      std::string html = Page("<article><h1>經濟部補助綠能產業</h1><div class='article-body'>" + Paragraphs(0, 2) +
                              "<div class='" + cls + "'><span>" + label + "</span><div class='slot'></div></div>" +
                              Paragraphs(2, 4) + "</div></article>");
      std::string body = PageBody(html);
      EXPECT_TRUE(Has(body, kParagraphs[3])) << cls << "\n" << body;
      EXPECT_FALSE(Has(body, label)) << cls << "\n" << body;
    }
  }
}

TEST(PageLayouts, ClassWordsThatOnlyContainAdAreNotAds) {
  // "head", "shadow", "download", "gradient", "loaded" hold the letters ad
  // but no word ad: the article inside is kept.
  for (const char* cls : {"story-head shadow", "download-area", "gradient", "loaded"}) {
    std::string html = Page("<div class='" + std::string(cls) + "'>" + Paragraphs(0, 4) + "</div>");
    std::string body = PageBody(html);
    EXPECT_TRUE(Has(body, kParagraphs[0])) << cls;
    EXPECT_TRUE(Has(body, kParagraphs[3])) << cls;
  }
}

TEST(PageLayouts, PictureWrapperCaptionsAreNotBody) {
  // Captions that are sentences of their own and say something the
  // article does not: the line rules alone would keep them.
  const std::string caption1 = "部長在立法院備詢時被問到電價調整，他說今年不會再漲，民眾不必擔心。（資料照，記者王小明攝）";
  const std::string caption2 = "離岸風電機組在彰化外海運轉，一座風場的年發電量可供十萬戶家庭使用。";
  // The same captioned picture in the wrappers sites use instead of
  // <figure>: a div with a span, a link around the image, a table cell, a
  // centred block with a line break.
  std::vector<std::string> wrappers = {
      "<div class='pic'><a href='p.php?no=1'><img src='1.jpg' alt='照片'></a><span>" + caption1 + "</span></div>"
      "<div class='pic'><a href='p.php?no=2'><img src='2.jpg' alt='照片'></a><span>" + caption2 + "</span></div>",
      "<div class='photo-box'><img src='1.jpg'><div class='txt'>" + caption1 + "</div></div>"
      "<div class='photo-box'><img src='2.jpg'><div class='txt'>" + caption2 + "</div></div>",
      "<table><tr><td><img src='1.jpg'><br>" + caption1 + "</td></tr></table>"
      "<table><tr><td><img src='2.jpg'><br>" + caption2 + "</td></tr></table>",
      "<center><img src='1.jpg'><br>" + caption1 + "</center><center><img src='2.jpg'><br>" + caption2 + "</center>",
  };
  for (const std::string& w : wrappers) {
    std::string body = PageBody(Page("<div class='content'>" + w + Paragraphs(0, 4) + "</div>"));
    EXPECT_TRUE(Has(body, kParagraphs[0])) << w;
    EXPECT_TRUE(Has(body, kParagraphs[3])) << w;
    EXPECT_FALSE(Has(body, "王小明攝")) << w << "\n" << body;
    EXPECT_FALSE(Has(body, "彰化外海運轉")) << w << "\n" << body;
  }
}

TEST(PageLayouts, ImageInsideAParagraphKeepsTheParagraph) {
  std::string body = PageBody(Page("<div class='content'><p><img src='1.jpg'>" + kParagraphs[0] + "</p>" +
                                   Paragraphs(1, 4) + "</div>"));
  EXPECT_TRUE(Has(body, kParagraphs[0])) << body;
  EXPECT_TRUE(Has(body, kParagraphs[3])) << body;
}

TEST(PageLayouts, PhotoGalleryKeepsItsCaptionsWhenThereIsNothingElse) {
  // A gallery page: the captions are the article. The strict look finds
  // nothing and the page is looked at again without dropping pictures.
  std::string gallery = "<div class='gallery'>";
  for (int i = 0; i < 3; ++i)
    gallery += "<div class='slide'><img src='" + std::to_string(i) + ".jpg'><div class='desc'>" +
               std::to_string(i + 1) + "/3 " + kParagraphs[i] + "</div></div>";
  gallery += "</div>";
  std::string body = PageBody(Page(gallery));
  EXPECT_TRUE(Has(body, kParagraphs[0])) << body;
  EXPECT_TRUE(Has(body, kParagraphs[2])) << body;
}

TEST(PageLayouts, ShortArticleLosesItsSourceLine) {
  // Under four lines the line rules keep a text whole; in a page's article
  // container the date-and-source line still goes.
  for (const char* meta : {"2022.01.20 16:31 来源：河南日报客户端", "2024-05-01 10:00 來源：某某新聞網"}) {
    std::string html = Page("<div class='main-content'><div class='content-info'>" + std::string(meta) +
                            "</div><div class='content-content'>" + Paragraphs(0, 2) + "</div></div>");
    std::string body = PageBody(html);
    EXPECT_EQ(body, kParagraphs[0] + "\n" + kParagraphs[1]) << meta;
  }
}

TEST(PageLayouts, CommentRulesInsideTheArticleElementAreNotBody) {
  for (const char* heading : {"討論規範", "讨论规范", "讀者留言"}) {
    std::string html = Page("<article class='vertebrae'>" + Paragraphs(0, 4) +
                            "<div class='discuss'><h3>" + heading + "</h3>"
                            "<p>請勿留下個人隱私資料，以免遭人盜用，本網站將不負管理之責。</p>"
                            "<p>網友應謹慎發言，遵守相關法律規定，違者自負法律責任。</p></div></article>");
    std::string body = PageBody(html);
    EXPECT_TRUE(Has(body, kParagraphs[3])) << heading;
    EXPECT_FALSE(Has(body, "謹慎發言")) << heading << "\n" << body;
  }
}

}  // namespace
}  // namespace newskb
