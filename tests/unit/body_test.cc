// Tests for pipeline/body: marker file parsing, body extraction on the five
// seed pages against the gold first/last body sentences, and synthetic pages
// of other layouts.

#include "pipeline/body/body.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace newskb {
namespace {

const std::string kSharedDir = NEWSKB_SHARED_DIR;
const std::string kMarkersPath = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules/boilerplate.txt";

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// The reader's rule: " date YYYY-MM-DD " (leading space optional) at the
// start of the file is the date; the rest of that line is content.
std::string StripDatePrefix(const std::string& text) {
  size_t p = 0;
  if (p < text.size() && text[p] == ' ') ++p;
  if (text.compare(p, 5, "date ") != 0) return text;
  p += 5;
  if (p + 11 > text.size()) return text;
  for (size_t k = 0; k < 10; ++k) {
    char c = text[p + k];
    bool ok = (k == 4 || k == 7) ? c == '-' : (c >= '0' && c <= '9');
    if (!ok) return text;
  }
  if (text[p + 10] != ' ') return text;
  return text.substr(p + 11);
}

std::string RStrip(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' ||
                        s.back() == '\t'))
    s.pop_back();
  return s;
}

const BodyMarkers& Markers() {
  static const BodyMarkers* m = [] {
    Result<BodyMarkers> r = LoadBodyMarkers(kMarkersPath);
    if (!r.ok()) {
      ADD_FAILURE() << r.status().message();
      return new BodyMarkers(ParseBodyMarkers("[block]\n延伸閱讀\n", "fallback").value());
    }
    return new BodyMarkers(std::move(r).value());
  }();
  return *m;
}

// The body is the pieces [body_begin, body_end) of the in-body lines of raw
// joined by '\n'; each piece is a whole line (minus '\r') except that the
// first may start late (a dateline cut) and the last may end early (an
// editor note cut).
void ExpectPiecesOfRaw(const std::string& raw, const BodyResult& r) {
  std::string joined;
  std::vector<size_t> in;
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const BodyLine& bl = r.lines[i];
    ASSERT_LE(bl.begin, bl.body_begin) << i;
    ASSERT_LE(bl.body_begin, bl.body_end) << i;
    ASSERT_LE(bl.body_end, bl.end) << i;
    if (!bl.in_body) {
      EXPECT_EQ(bl.body_begin, bl.begin) << i;
      EXPECT_EQ(bl.body_end, bl.begin) << i;
      continue;
    }
    if (!in.empty()) joined += '\n';
    joined.append(raw, bl.body_begin, bl.body_end - bl.body_begin);
    in.push_back(i);
  }
  if (in.empty()) return;  // raw without text: body is raw's blank lines
  EXPECT_EQ(joined, r.body);
  for (size_t k = 0; k < in.size(); ++k) {
    const BodyLine& bl = r.lines[in[k]];
    if (k > 0) EXPECT_EQ(bl.body_begin, bl.begin) << "line " << in[k] << " starts late";
    if (k + 1 < in.size()) EXPECT_EQ(bl.body_end, bl.end) << "line " << in[k] << " ends early";
  }
}

// Every body line must be a line of raw (minus '\r'), in order; the first
// may lack a prefix and the last a suffix.
void ExpectLinesOfRaw(const std::string& raw, const std::string& body) {
  std::vector<std::string> raw_lines;
  std::istringstream rs(raw);
  for (std::string l; std::getline(rs, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    raw_lines.push_back(l);
  }
  std::vector<std::string> body_lines;
  std::istringstream bs(body);
  for (std::string l; std::getline(bs, l);) body_lines.push_back(l);
  size_t k = 0;
  for (size_t b = 0; b < body_lines.size(); ++b) {
    const std::string& l = body_lines[b];
    bool first = b == 0, last = b + 1 == body_lines.size();
    auto fits = [&](const std::string& r) {
      if (r == l) return true;
      size_t at = r.find(l);
      if (at == std::string::npos) return false;
      return (at == 0 || first) && (at + l.size() == r.size() || last);
    };
    while (k < raw_lines.size() && !fits(raw_lines[k])) ++k;
    ASSERT_LT(k, raw_lines.size()) << "body line not a later line of raw: " << l;
    ++k;
  }
}

// ---------------------------------------------------------------------------
// Marker file.

TEST(BodyMarkers, LoadsShippedFile) {
  Result<BodyMarkers> r = LoadBodyMarkers(kMarkersPath);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_FALSE(r->block.empty());
  EXPECT_FALSE(r->teaser.empty());
  EXPECT_FALSE(r->end.empty());
  EXPECT_TRUE(r->matcher != nullptr);
}

TEST(BodyMarkers, MissingFileIsNotFound) {
  Result<BodyMarkers> r = LoadBodyMarkers("/nonexistent/boilerplate.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

TEST(BodyMarkers, UnknownSectionNamesLine) {
  Result<BodyMarkers> r = ParseBodyMarkers("# c\n[block]\n延伸閱讀\n[nope]\nx\n", "m.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("m.txt:4"), std::string::npos) << r.status().message();
}

TEST(BodyMarkers, PhraseBeforeSectionIsError) {
  Result<BodyMarkers> r = ParseBodyMarkers("延伸閱讀\n", "m.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("m.txt:1"), std::string::npos);
}

TEST(BodyMarkers, EmptyFileIsError) {
  EXPECT_FALSE(ParseBodyMarkers("# only a comment\n", "m.txt").ok());
}

// ---------------------------------------------------------------------------
// Seeds against gold.

struct Gold {
  std::string id, source, first, last;
};

std::vector<Gold> ReadGold(std::string* error) {
  std::vector<Gold> out;
  std::string text;
  if (!ReadFile(kSharedDir + "/gold/seeds.jsonl", &text)) return out;
  simdjson::ondemand::parser parser;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    simdjson::padded_string padded(line);
    simdjson::ondemand::document doc;
    if (parser.iterate(padded).get(doc)) { *error = "bad JSON: " + line.substr(0, 60); return {}; }
    Gold g;
    std::string_view v;
    if (doc["id"].get_string().get(v)) { *error = "no id"; return {}; }
    g.id = std::string(v);
    if (doc["source"].get_string().get(v)) { *error = "no source in " + g.id; return {}; }
    g.source = std::string(v);
    if (doc["body_first"].get_string().get(v)) { *error = "no body_first in " + g.id; return {}; }
    g.first = std::string(v);
    if (doc["body_last"].get_string().get(v)) { *error = "no body_last in " + g.id; return {}; }
    g.last = std::string(v);
    out.push_back(std::move(g));
  }
  return out;
}

TEST(Body, SeedStartsAndEndsAtGold) {
  std::string error;
  std::vector<Gold> gold = ReadGold(&error);
  ASSERT_TRUE(error.empty()) << error;
  if (gold.empty()) GTEST_SKIP() << "no gold at " << kSharedDir << "/gold/seeds.jsonl";
  int checked = 0;
  for (const Gold& g : gold) {
    std::string text;
    if (!ReadFile(kSharedDir + "/" + g.source, &text)) {
      ADD_FAILURE() << g.id << ": cannot read " << g.source;
      continue;
    }
    std::string raw = StripDatePrefix(text);
    BodyResult r = ExtractBody(raw, Markers());
    std::string body = RStrip(r.body);
    bool first_ok = body.compare(0, g.first.size(), g.first) == 0;
    bool last_ok = body.size() >= g.last.size() &&
                   body.compare(body.size() - g.last.size(), g.last.size(), g.last) == 0;
    EXPECT_TRUE(first_ok) << g.id << ": body starts with\n  "
                          << body.substr(0, 200) << "\nexpected\n  " << g.first << "\n"
                          << DescribeBody(raw, r);
    EXPECT_TRUE(last_ok) << g.id << ": body ends with\n  "
                         << body.substr(body.size() > 200 ? body.size() - 200 : 0)
                         << "\nexpected\n  " << g.last << "\n"
                         << DescribeBody(raw, r);
    EXPECT_FALSE(r.whole) << g.id;
    ExpectLinesOfRaw(raw, r.body);
    ++checked;
  }
  EXPECT_EQ(checked, 5);
}

// The sample corpus (corpus/*.txt with NAME.expected.jsonl): the body's first
// line holds body_first and its last line holds body_last. (The right lines
// are chosen; CorpusDatelineSamplesStartAndEndExactly checks the cut.)
TEST(Body, CorpusSamplesChooseGoldLines) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(NEWSKB_SOURCE_DIR) / "corpus";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) GTEST_SKIP() << "no " << dir;
  simdjson::ondemand::parser parser;
  int checked = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    const std::string suffix = ".expected.jsonl";
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    std::string stem = name.substr(0, name.size() - suffix.size());
    std::string json, text;
    if (!ReadFile(e.path().string(), &json) || !ReadFile((dir / (stem + ".txt")).string(), &text))
      continue;
    json = json.substr(0, json.find('\n'));
    simdjson::padded_string padded(json);
    simdjson::ondemand::document doc;
    std::string_view first, last;
    if (parser.iterate(padded).get(doc) || doc["body_first"].get_string().get(first) ||
        doc["body_last"].get_string().get(last)) {
      ADD_FAILURE() << name << ": no body_first/body_last";
      continue;
    }
    std::string raw = StripDatePrefix(text);
    BodyResult r = ExtractBody(raw, Markers());
    std::string body = RStrip(r.body);
    std::string first_line = body.substr(0, body.find('\n'));
    size_t nl = body.rfind('\n');
    std::string last_line = nl == std::string::npos ? body : body.substr(nl + 1);
    EXPECT_NE(first_line.find(first), std::string::npos)
        << stem << ": first line " << first_line << "\n" << DescribeBody(raw, r);
    EXPECT_NE(last_line.find(last), std::string::npos)
        << stem << ": last line " << last_line << "\n" << DescribeBody(raw, r);
    ++checked;
  }
  if (checked == 0) GTEST_SKIP() << "no samples in " << dir;
}

// Agency samples whose first paragraph opens with a dateline and whose last
// ends with an editor note: the body starts and ends exactly at the gold
// sentences, and the line ranges say where.
TEST(Body, CorpusDatelineSamplesStartAndEndExactly) {
  const std::string dir = std::string(NEWSKB_SOURCE_DIR) + "/corpus/";
  simdjson::ondemand::parser parser;
  for (const char* stem : {"s03_xinhua_byd_january", "t02_cna_taiwan_battery",
                           "t12_cna_us_graphite_duties"}) {
    std::string json, text;
    ASSERT_TRUE(ReadFile(dir + stem + ".expected.jsonl", &json)) << stem;
    ASSERT_TRUE(ReadFile(dir + stem + ".txt", &text)) << stem;
    json = json.substr(0, json.find('\n'));
    simdjson::padded_string padded(json);
    simdjson::ondemand::document doc;
    std::string_view first, last;
    ASSERT_FALSE(parser.iterate(padded).get(doc) || doc["body_first"].get_string().get(first) ||
                 doc["body_last"].get_string().get(last))
        << stem;
    std::string raw = StripDatePrefix(text);
    BodyResult r = ExtractBody(raw, Markers());
    std::string body = RStrip(r.body);
    EXPECT_EQ(body.compare(0, first.size(), first), 0)
        << stem << ": body starts with\n  " << body.substr(0, 120) << "\n" << DescribeBody(raw, r);
    EXPECT_TRUE(body.size() >= last.size() &&
                body.compare(body.size() - last.size(), last.size(), last) == 0)
        << stem << ": body ends with\n  " << body.substr(body.size() > 120 ? body.size() - 120 : 0);
    EXPECT_FALSE(r.whole) << stem;
    ExpectPiecesOfRaw(raw, r);
    // The first in-body line's range starts at body_first in raw.
    for (const BodyLine& bl : r.lines)
      if (bl.in_body) {
        EXPECT_EQ(raw.compare(bl.body_begin, first.size(), first), 0) << stem;
        break;
      }
  }
}

TEST(Body, SeedBoilerplateInsideBodyIsDropped) {
  std::string text;
  std::string path = kSharedDir + "/corpus/seeds/000_80a46b013d376435.txt";
  if (!ReadFile(path, &text)) GTEST_SKIP() << "missing " << path;
  BodyResult r = ExtractBody(text, Markers());
  EXPECT_EQ(r.body.find("延伸閱讀"), std::string::npos) << DescribeBody(text, r);
  EXPECT_EQ(r.body.find("shutterstock"), std::string::npos);
  EXPECT_EQ(r.body.find("永豐"), std::string::npos) << "the next article leaked in";
  EXPECT_NE(r.body.find("目前,美國在全球電池產業中"), std::string::npos);
  EXPECT_EQ(r.title, "美國將打造鋰電池國家隊!從採礦到回收一條龍,不讓他國掐住產業鏈");
}

TEST(Body, SeedTitles) {
  struct Case { const char* file; const char* title; } cases[] = {
      {"001_4ec56b1804aeaf1e.txt", "抵抗中國優勢 矽谷新創公司爭相生產關鍵礦產"},
      {"003_d2140f1f50d40499.txt", "各國搶囤關鍵礦產 「天然資源國族主義」時代來臨"},
      {"004_1e5822656580513e.txt", ""},
  };
  for (const Case& c : cases) {
    std::string text;
    std::string path = kSharedDir + "/corpus/seeds/" + c.file;
    if (!ReadFile(path, &text)) GTEST_SKIP() << "missing " << path;
    std::string raw = StripDatePrefix(text);
    BodyResult r = ExtractBody(raw, Markers());
    EXPECT_EQ(r.title, c.title) << c.file << "\n" << DescribeBody(raw, r);
  }
}

// ---------------------------------------------------------------------------
// Synthetic pages.

TEST(Body, OneSentenceKeptWhole) {
  const std::string raw = "其中，四川彩友中得1注1000万元基本头奖；";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body, raw);
  EXPECT_TRUE(r.whole);
}

TEST(Body, FewLinesKeptWhole) {
  // Even a line that looks like a byline stays: short documents are whole.
  const std::string raw = "记者张三／北京报道\n本期开奖结束后，奖池金额攀升至36.57亿元。\n延伸阅读：彩票新规";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body, raw);
}

TEST(Body, HeadlineOnlyKeptWhole) {
  const std::string raw = "东芝重组另需1万亿日元 已向交易银行申请贷款";
  EXPECT_EQ(ExtractBody(raw, Markers()).body, raw);
}

TEST(Body, EmptyInputGivesEmptyBody) {
  EXPECT_EQ(ExtractBody("", Markers()).body, "");
}

TEST(Body, OnlyBoilerplateReturnsRaw) {
  const std::string raw =
      "首页 | 新闻 | 财经 | 科技\n"
      "\n"
      "相关阅读\n"
      "股市今日收盘 沪指涨1%\n"
      "央行发布新规 房贷利率下调\n"
      "责任编辑：王五\n"
      "版权所有 © 2024 某某网\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_TRUE(r.whole);
  // Whole but for the copyright line after the last line of other text.
  EXPECT_EQ(r.body, RStrip(raw.substr(0, raw.find("版权所有"))));
}

const char kSimplifiedPage[] =
    "首页 | 新闻 | 财经 | 科技 | 体育\n"
    "当前位置：首页 > 财经\n"
    "\n"
    "锂电池产业链迎来新一轮扩产潮\n"
    "2024-05-01 10:00  来源：某某财经\n"
    "\n"
    "今年以来，国内多家锂电池企业相继宣布扩产计划，涉及正极材料、负极材料和电解液等多个环节，合计投资规模超过千亿元。\n"
    "\n"
    "业内人士表示，新能源汽车销量持续增长，储能市场需求旺盛，是推动这一轮扩产的主要原因。\n"
    "\n"
    "产能过剩的担忧\n"
    "\n"
    "不过，也有分析人士提醒，部分环节已出现产能过剩迹象，企业应理性投资，避免盲目扩张。\n"
    "\n"
    "责任编辑：李四\n"
    "\n"
    "相关阅读\n"
    "\n"
    "储能电池出货量同比增长50%\n"
    "固态电池商业化进程加快\n"
    "\n"
    "版权所有 © 2024 某某财经网 未经授权不得转载\n";

TEST(Body, SimplifiedPageWithNavigationAndEditor) {
  BodyResult r = ExtractBody(kSimplifiedPage, Markers());
  EXPECT_EQ(r.body,
            "今年以来，国内多家锂电池企业相继宣布扩产计划，涉及正极材料、负极材料和电解液等多个环节，合计投资规模超过千亿元。\n"
            "\n"
            "业内人士表示，新能源汽车销量持续增长，储能市场需求旺盛，是推动这一轮扩产的主要原因。\n"
            "\n"
            "产能过剩的担忧\n"
            "\n"
            "不过，也有分析人士提醒，部分环节已出现产能过剩迹象，企业应理性投资，避免盲目扩张。")
      << DescribeBody(kSimplifiedPage, r);
  EXPECT_EQ(r.title, "锂电池产业链迎来新一轮扩产潮");
}

TEST(Body, CrlfLineEndings) {
  std::string crlf;
  for (const char* p = kSimplifiedPage; *p; ++p) {
    if (*p == '\n') crlf += '\r';
    crlf += *p;
  }
  BodyResult lf = ExtractBody(kSimplifiedPage, Markers());
  BodyResult r = ExtractBody(crlf, Markers());
  EXPECT_EQ(r.body, lf.body);
  EXPECT_EQ(r.body.find('\r'), std::string::npos);
  EXPECT_EQ(r.title, lf.title);
}

TEST(Body, TeaserLineInsideBodyIsDropped) {
  const std::string raw =
      "央行宣布降准 释放长期资金\n"
      "\n"
      "中国人民银行今天宣布，下调金融机构存款准备金率0.5个百分点，预计释放长期资金约1万亿元。\n"
      "\n"
      "延伸阅读：央行年内第二次降准 市场反应平淡\n"
      "\n"
      "分析人士认为，此次降准有助于稳定市场预期，降低实体经济融资成本，支持经济持续恢复。\n"
      "\n"
      "央行有关负责人表示，将继续实施稳健的货币政策，保持流动性合理充裕。\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body,
            "中国人民银行今天宣布，下调金融机构存款准备金率0.5个百分点，预计释放长期资金约1万亿元。\n"
            "\n"
            "分析人士认为，此次降准有助于稳定市场预期，降低实体经济融资成本，支持经济持续恢复。\n"
            "\n"
            "央行有关负责人表示，将继续实施稳健的货币政策，保持流动性合理充裕。")
      << DescribeBody(raw, r);
  EXPECT_EQ(r.title, "央行宣布降准 释放长期资金");
}

TEST(Body, TraditionalHalfWidthWithCaptionAndNextArticle) {
  const std::string raw =
      "台積電擴大美國投資,加碼興建第三座晶圓廠\n"
      "台積電擴大美國投資,加碼興建第三座晶圓廠\n"
      "\n"
      "台積電今天宣布,將在美國亞利桑那州加碼投資,興建第三座晶圓廠,總投資金額將超過650億美元。\n"
      "\n"
      "半導體工廠示意\n"
      "圖/ shutterstock\n"
      "\n"
      "台積電表示,新廠預計在2030年前量產,採用最先進的製程技術,並創造數千個就業機會。\n"
      "\n"
      "本文授權轉載自:某某科技\n"
      "往下滑看下一篇文章\n"
      "銀行數位帳戶大戰開打\n"
      "\n"
      "數位金融競爭白熱化,各家銀行紛紛推出數位帳戶,以高利率和高回饋吸引年輕客群,市場競爭日趨激烈,業者無不絞盡腦汁。\n"
      "\n"
      "業者指出,數位帳戶的開戶數在過去一年成長了三成,其中二十多歲的客群占比最高,成長動能十分強勁,預計今年仍將持續。\n"
      "\n"
      "另有業者表示,除了利率之外,使用體驗與跨平台整合也是吸引客戶的關鍵,各家銀行都在加緊投入資源優化服務。\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body,
            "台積電今天宣布,將在美國亞利桑那州加碼投資,興建第三座晶圓廠,總投資金額將超過650億美元。\n"
            "\n"
            "台積電表示,新廠預計在2030年前量產,採用最先進的製程技術,並創造數千個就業機會。")
      << DescribeBody(raw, r);
  EXPECT_EQ(r.title, "台積電擴大美國投資,加碼興建第三座晶圓廠");
}

// A credited caption that is a sentence of its own stays in the body; one
// that only restates a body sentence, and a short photo label, are dropped.
TEST(Body, SentenceCaptionsKeptUnlessTheyRepeatTheBody) {
  const std::string raw =
      "澳洲鋰礦商擴產 鎖定美國電池廠\n"
      "\n"
      "澳洲鋰礦商皮爾巴拉礦業週三宣布，將投資12億澳元擴建西澳的鋰輝石選礦廠，年產能提高到100萬噸。\n"
      "\n"
      "2023年5月8日，西澳黑德蘭港，礦車運送鋰輝石精礦準備裝船出口。（路透）\n"
      "\n"
      "公司表示，擴建工程預計在2027年完工，新增產量主要供應美國和韓國的電池材料廠。\n"
      "\n"
      "澳洲鋰礦商皮爾巴拉礦業週三宣布，將投資12億澳元擴建西澳的鋰輝石選礦廠。(Reuters)\n"
      "\n"
      "鋰輝石精礦堆場（法新社）\n"
      "\n"
      "分析師指出，鋰價自去年低點回升三成，礦商重新啟動擴產計畫，但供應過剩的風險仍在。\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_NE(r.body.find("2023年5月8日，西澳黑德蘭港"), std::string::npos)
      << "a caption with its own facts is body text\n" << DescribeBody(raw, r);
  EXPECT_EQ(r.body.find("(Reuters)"), std::string::npos)
      << "a caption restating the first paragraph is dropped\n" << DescribeBody(raw, r);
  EXPECT_EQ(r.body.find("鋰輝石精礦堆場"), std::string::npos)
      << "a short photo label is dropped\n" << DescribeBody(raw, r);
  EXPECT_EQ(r.body.substr(r.body.size() - std::string("供應過剩的風險仍在。").size()),
            "供應過剩的風險仍在。");
}

// A caption that restates the first sentence in other words (a summary of
// its figures) is dropped too; one with its own facts stays.
TEST(Body, CaptionRestatingTheBodyInOtherWordsIsDropped) {
  const std::string raw =
      "貨櫃三雄10月營收出爐\n"
      "文｜記者甲\n"
      "長榮海運10月營收318.6億元，年減約27%。（本刊資料照）\n"
      "貨櫃航運龍頭長榮海運10日公布10月合併營收新台幣318.6億元，月減4.2%，年減約27%；累計今年以來營收為3,612億元。\n"
      "長榮指出，美國新一輪關稅政策使跨太平洋航線貨量回落，運價自高點下跌超過一半。\n"
      "高雄港貨櫃碼頭，橋式起重機正在裝卸長榮的貨櫃輪。（本刊資料照）\n"
      "法人預估，第四季運價仍將承壓，但年底前的旺季可望帶來短暫支撐。\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body.find("長榮海運10月營收318.6億元，年減約27%。"), std::string::npos)
      << "a caption restating the first sentence is dropped\n" << DescribeBody(raw, r);
  EXPECT_EQ(r.body.rfind("貨櫃航運龍頭", 0), 0u) << DescribeBody(raw, r);
  EXPECT_NE(r.body.find("高雄港貨櫃碼頭"), std::string::npos)
      << "a caption with its own facts is body text\n" << DescribeBody(raw, r);
}

// A row of hashtags and a subscription prompt after the body are not body.
TEST(Body, HashtagRowAndSubscriptionPromptAreNotBody) {
  const std::string raw =
      "陽明海運11月營收回升\n"
      "陽明海運今天公布11月營收為120億元，月增8%，主要受惠於歐洲航線運價反彈。\n"
      "陽明表示，年底前的旺季效應可望延續，但明年上半年運力仍將過剩。\n"
      "#陽明　#貨櫃航運　＃營收\n"
      "更多內容，歡迎訂閱本刊紙本雜誌或數位版。\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body.find("#"), std::string::npos) << DescribeBody(raw, r);
  EXPECT_EQ(r.body.find("歡迎訂閱"), std::string::npos) << DescribeBody(raw, r);
  EXPECT_EQ(r.body.substr(r.body.size() - std::string("仍將過剩。").size()), "仍將過剩。")
      << DescribeBody(raw, r);
}

TEST(Body, HeadlineListBeforeAndCommentsAfter) {
  const std::string raw =
      "即時新聞\n"
      "股市大漲 台股創新高\n"
      "颱風逼近 氣象局發布海上警報\n"
      "油價連三漲 下週恐再漲\n"
      "\n"
      "電價審議會今天召開\n"
      "記者王小明／台北報導\n"
      "\n"
      "經濟部今天召開電價費率審議會，決議自下月起調整電價，平均漲幅約百分之三，住宅用電維持不變。\n"
      "\n"
      "經濟部表示，此次調整主要反映燃料成本上漲，並兼顧民生與產業需求。\n"
      "\n"
      "電價 經濟部 審議會\n"
      "\n"
      "0 則留言\n"
      "張貼文章或下標籤，不得有違法或侵害他人權益之言論，違者應自負法律責任。\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body,
            "經濟部今天召開電價費率審議會，決議自下月起調整電價，平均漲幅約百分之三，住宅用電維持不變。\n"
            "\n"
            "經濟部表示，此次調整主要反映燃料成本上漲，並兼顧民生與產業需求。")
      << DescribeBody(raw, r);
  EXPECT_EQ(r.title, "電價審議會今天召開");
}

TEST(Body, SubheadingsBetweenParagraphsKept) {
  const std::string raw =
      "第一節的內容說明了政策的背景，包括過去十年的發展歷程，以及目前面臨的主要挑戰。\n"
      "\n"
      "政策目標\n"
      "\n"
      "政府希望在五年內完成產業轉型，並建立完整的供應鏈，同時兼顧環境保護與就業。\n"
      "\n"
      "具體措施\n"
      "\n"
      "主要措施包括提供補助、稅收優惠，以及放寬部分行政規範，以加速投資落地。\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body, RStrip(raw)) << DescribeBody(raw, r);
}

TEST(Body, FigureLabelInsideBodyIsDropped) {
  const std::string raw =
      "美國稀土政策經歷多階段轉型，從過度依賴進口轉向重建本土產業鏈，政府並積極尋求多元化的國際供應鏈。\n"
      "\n"
      "圖1. 稀土政策演變歷程；圖片來源：某某報/某某繪製\n"
      "\n"
      "過去數十年，美國曾是全球最大稀土生產國，但由於環保法規嚴格，產業在1990年代逐漸衰落。\n"
      "\n"
      "表2 各國稀土產量比較\n"
      "\n"
      "近年來，美國開始意識到對單一來源過度依賴所帶來的風險，並逐步調整立場。\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body.find("圖1"), std::string::npos) << DescribeBody(raw, r);
  EXPECT_EQ(r.body.find("表2"), std::string::npos) << DescribeBody(raw, r);
  EXPECT_EQ(r.body.rfind("美國稀土政策", 0), 0u);
  EXPECT_EQ(RStrip(r.body).substr(RStrip(r.body).size() - 30), RStrip(raw).substr(RStrip(raw).size() - 30));
}

TEST(Body, ShortSentencesOnlyAreTheBody) {
  const std::string raw =
      "今天天氣晴朗。\n"
      "氣溫二十五度。\n"
      "午後有雷陣雨！\n"
      "民眾出門請帶傘。\n"
      "明天轉為多雲。\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body, RStrip(raw)) << DescribeBody(raw, r);
}

TEST(Body, HeadlineStreakSplitsRelatedSummaries) {
  // A box of other stories with summaries, without any marker line, before
  // the article: four headlines in a row split it off.
  const std::string raw =
      "股市大漲 台股創新高\n"
      "台股今天大漲三百點，終場以兩萬點作收，成交量放大。\n"
      "颱風逼近 氣象局發布海上警報\n"
      "油價連三漲 下週恐再漲\n"
      "房價續漲 購屋族喊苦\n"
      "疫苗開打 民眾踴躍\n"
      "\n"
      "經濟部今天召開電價費率審議會，決議自下月起調整電價，平均漲幅約百分之三，住宅用電維持不變，產業用電則依用電量級距分別調整。\n"
      "\n"
      "經濟部表示，此次調整主要反映燃料成本上漲，並兼顧民生與產業需求，未來將持續檢討電價公式，讓價格更能反映成本。\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body.rfind("經濟部今天召開", 0), 0u) << DescribeBody(raw, r);
}

TEST(Body, DoubledHeadlineInBoxBeforeMarkerIsNotTitle) {
  const std::string raw =
      "熱門新聞\n"
      "股市大漲 台股創新高\n"
      "股市大漲 台股創新高\n"
      "更多新聞\n"
      "\n"
      "原标题：电价调整方案出炉\n"
      "\n"
      "经济部今天召开电价费率审议会，决议自下月起调整电价，平均涨幅约百分之三，住宅用电维持不变。\n"
      "\n"
      "经济部表示，此次调整主要反映燃料成本上涨，并兼顾民生与产业需求。\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.title, "") << DescribeBody(raw, r);
  EXPECT_EQ(r.body.rfind("经济部今天召开", 0), 0u) << DescribeBody(raw, r);
}

// ---------------------------------------------------------------------------
// Datelines and editor notes inside the first and last paragraph.

// A page: navigation, headline, `first`, a middle paragraph, `last`, then a
// block of other headlines.
std::string AgencyPage(const std::string& first, const std::string& last) {
  return "首頁 | 新聞 | 財經 | 國際\n"
         "經濟部推電池材料計畫 5年投入120億元\n"
         "\n" + first + "\n"
         "\n"
         "產業發展署指出，台灣電池芯產值去年約450億元，但關鍵的正極材料仍有近七成仰賴進口，其中鎳、鈷原料幾乎全數來自海外。\n"
         "\n" + last + "\n"
         "\n"
         "延伸閱讀\n"
         "台電儲能標案出爐 得標業者股價漲停\n";
}

const char kMiddle[] =
    "產業發展署指出，台灣電池芯產值去年約450億元，但關鍵的正極材料仍有近七成仰賴進口，其中鎳、鈷原料幾乎全數來自海外。";

struct AffixCase {
  const char* first_raw;
  const char* first_body;  // what the body's first line must be
  const char* last_raw;
  const char* last_body;
};

void ExpectAffixCases(const std::vector<AffixCase>& cases) {
  for (const AffixCase& c : cases) {
    std::string raw = AgencyPage(c.first_raw, c.last_raw);
    BodyResult r = ExtractBody(raw, Markers());
    std::string want = std::string(c.first_body) + "\n\n" + kMiddle + "\n\n" + c.last_body;
    EXPECT_TRUE(r.body == want) << "body:\n" << r.body << "\nexpected:\n" << want << "\n"
                                << DescribeBody(raw, r);
    ExpectPiecesOfRaw(raw, r);
  }
}

TEST(Body, TraditionalDatelinesAndEditorNotesAreCut) {
  ExpectAffixCases({
      {"（中央社記者潘智義台北3日電）經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部官員說，政府補助上限為每案2億元，業者須自籌至少一半的資金。經濟部預計今年6月公布首批補助名單。（編輯：林家嫻）1150303",
       "經濟部官員說，政府補助上限為每案2億元，業者須自籌至少一半的資金。經濟部預計今年6月公布首批補助名單。"},
      {"【記者王小明／台北報導】經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部官員說，政府補助上限為每案2億元，業者須自籌至少一半的資金。（責任編輯：陳美玲）",
       "經濟部官員說，政府補助上限為每案2億元，業者須自籌至少一半的資金。"},
      {"（綜合報導）經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部官員說，政府補助上限為每案2億元，業者須自籌至少一半的資金。」（完）",
       "經濟部官員說，政府補助上限為每案2億元，業者須自籌至少一半的資金。」"},
      {"本報訊 經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部官員說，政府補助上限為每案2億元，業者須自籌至少一半的資金。（編譯：楊昭彥）1140410  ",
       "經濟部官員說，政府補助上限為每案2億元，業者須自籌至少一半的資金。"},
      {"　　〔財經頻道／綜合報導〕經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部官員說，政府補助上限為每案2億元，業者須自籌至少一半的資金。責任編輯：王五",
       "經濟部官員說，政府補助上限為每案2億元，業者須自籌至少一半的資金。"},
      {"（路透倫敦5日電）經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部官員說，政府補助上限為每案2億元，業者須自籌至少一半的資金。",
       "經濟部官員說，政府補助上限為每案2億元，業者須自籌至少一半的資金。"},
  });
}

TEST(Body, SimplifiedDatelinesAndEditorNotesAreCut) {
  ExpectAffixCases({
      {"新华社深圳2月2日电 比亚迪股份有限公司2月1日晚间发布公告称，公司1月新能源汽车销量为30.1万辆。",
       "比亚迪股份有限公司2月1日晚间发布公告称，公司1月新能源汽车销量为30.1万辆。",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。（责任编辑：王五）",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。"},
      {"中新网北京1月5日电(记者 张三)国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。（完）(编辑 李四)",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。"},
      {"本报北京1月5日讯　（记者张三、李四）国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。（责编：王震、杨曦）",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。"},
      {"本报讯（记者 王五 通讯员 赵六）国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。【完】",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。"},
      {"新華社北京二月五日電 国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。（全文完）",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。"},
      // A source credit with 消息: the outlet, its programme in brackets, a colon.
      {"央视网消息（新闻联播）：国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。"},
      {"中新网消息：国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。"},
      {"人民网北京3月5日消息：国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。",
       "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。"},
  });
}

// A space inside a quoted title (《…》, 「…」, “…”) belongs to the title: a
// sentence that names such a title is no headline, with or without the credit
// cut before it (xwlb-20220925-03 of real-news.dev: 人民日报's commentary).
TEST(Body, SpaceInsideAQuotedTitleMakesNoHeadline) {
  const std::vector<std::string> titles = {"《忠实履行代表职责 充分发挥代表作用》", "「穩經濟 保就業」",
                                           "“稳增长 防风险”"};
  for (const std::string& t : titles)
    for (const std::string& credit : {std::string(), std::string("央视网消息（新闻联播）：")}) {
      const std::string first = "明天（9月26日）出版的人民日报将发表" + t + "的评论员文章。";
      ExpectAffixCases({{(credit + first).c_str(), first.c_str(),
                         "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。",
                         "乘联会预计，2026年国内新能源乘用车零售量将增长10%至15%。"}});
    }
}

TEST(Body, BracketsThatAreNotDatelinesAreKept) {
  ExpectAffixCases({
      // An enumerator, an abbreviation, a quotation, an ordinary bracket.
      {"（一）產業現況：台灣電池芯產值去年約450億元，關鍵材料仍仰賴進口。",
       "（一）產業現況：台灣電池芯產值去年約450億元，關鍵材料仍仰賴進口。",
       "經濟部官員說，政府補助上限為每案2億元（約合650萬美元）。",
       "經濟部官員說，政府補助上限為每案2億元（約合650萬美元）。"},
      {"（台電）今天宣布，明年起將擴大儲能系統採購，總額約新臺幣300億元。",
       "（台電）今天宣布，明年起將擴大儲能系統採購，總額約新臺幣300億元。",
       "他說：「業者須自籌至少一半的資金。」（詳見附表）",
       "他說：「業者須自籌至少一半的資金。」（詳見附表）"},
      {"(圖為示意)經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "(圖為示意)經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
       "經濟部官員說，補助申請須經編輯部審查，業者須自籌資金（編輯部）",
       "經濟部官員說，補助申請須經編輯部審查，業者須自籌資金（編輯部）"},
      // An agency name in an ordinary sentence, a date without 電.
      {"新华社记者获悉，国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "新华社记者获悉，国家统计局今天发布数据，去年全国规模以上工业增加值增长5.8%。",
       "据新华社1月5日报道，乘联会预计今年零售量将增长10%至15%。",
       "据新华社1月5日报道，乘联会预计今年零售量将增长10%至15%。"},
      // 消息 in an ordinary sentence: no colon right after it, or words before it.
      {"新华社记者从国家统计局获得消息，去年全国规模以上工业增加值增长5.8%。",
       "新华社记者从国家统计局获得消息，去年全国规模以上工业增加值增长5.8%。",
       "来自商务部的消息：乘联会预计今年零售量将增长10%至15%。",
       "来自商务部的消息：乘联会预计今年零售量将增长10%至15%。"},
      {"中央社今天舉辦論壇，經濟部長在會中表示，電池材料自主化計畫將於下月啟動。",
       "中央社今天舉辦論壇，經濟部長在會中表示，電池材料自主化計畫將於下月啟動。",
       "經濟部預計今年6月公布首批補助名單，共(15)家業者。",
       "經濟部預計今年6月公布首批補助名單，共(15)家業者。"},
  });
}

TEST(Body, LineRangesTraceTheCut) {
  std::string raw = AgencyPage(
      "（中央社記者潘智義台北3日電）經濟部今天宣布啟動電池材料自主化計畫，預計5年內投入新臺幣120億元。",
      "經濟部預計今年6月公布首批補助名單。（編輯：林家嫻）1150303");
  BodyResult r = ExtractBody(raw, Markers());
  ExpectPiecesOfRaw(raw, r);
  const BodyLine* first = nullptr;
  const BodyLine* last = nullptr;
  for (const BodyLine& bl : r.lines)
    if (bl.in_body) {
      if (!first) first = &bl;
      last = &bl;
    }
  ASSERT_TRUE(first && last);
  EXPECT_EQ(first->body_begin - first->begin, std::string("（中央社記者潘智義台北3日電）").size());
  EXPECT_EQ(first->end, first->body_end);
  EXPECT_EQ(last->begin, last->body_begin);
  EXPECT_EQ(last->end - last->body_end, std::string("（編輯：林家嫻）1150303").size());
  EXPECT_EQ(raw.substr(last->body_begin, last->body_end - last->body_begin),
            "經濟部預計今年6月公布首批補助名單。");
}

TEST(Body, ShortDocumentLosesDatelineToo) {
  const std::string raw = "新华社北京1月5日电 国家统计局今天发布数据，去年工业增加值增长5.8%。（完）";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_TRUE(r.whole);
  EXPECT_EQ(r.body, "国家统计局今天发布数据，去年工业增加值增长5.8%。");
  ExpectPiecesOfRaw(raw, r);
  // A line that is only a dateline keeps it (nothing would remain).
  EXPECT_EQ(ExtractBody("（中央社記者潘智義台北3日電）", Markers()).body, "（中央社記者潘智義台北3日電）");
}

// A comment-board notice or a subscription appeal glued onto the last
// paragraph (no line break; an ideographic space or nothing between): the
// sentences holding an [end] phrase are cut from the end of the body, for
// each board and notice wording generated here.
TEST(Body, NoticeGluedOntoTheLastParagraphIsCut) {
  const std::string article =
      "北富銀今天宣布推出新的行動銀行服務，客戶可在手機上完成開戶與轉帳。\n"
      "銀行表示，新服務採用生物辨識技術，交易更安全，預計年底前用戶突破百萬。";
  const std::vector<std::string> notices = {
      "違反上述規定者，某某電子報有權刪除留言，或者直接封鎖帳號！請使用者在發言前，務必先閱讀留言板規則，謝謝配合。",
      "违反上述规定者，本网有权删除留言。请先阅读留言板规则。",
      "請加入成為本報的月費訂戶，長期支持我們的工作。",
  };
  for (const char* glue : {"", "\u3000", "\u3000\u3000\u3000", " "}) {
    for (const std::string& notice : notices) {
      std::string raw = article + glue + notice;
      BodyResult r = ExtractBody(raw, Markers());
      EXPECT_EQ(r.body, article) << notice << "\n" << DescribeBody(raw, r);
      ExpectPiecesOfRaw(raw, r);
    }
  }
  // A sentence that only speaks of comments stays; a line that is all
  // notice is left to the line classes (never cut to nothing).
  const std::string plain = article + "網友紛紛在臉書留言支持這項服務。";
  EXPECT_EQ(ExtractBody(plain, Markers()).body, plain);
  EXPECT_EQ(ExtractBody(notices[0], Markers()).body, notices[0]);
}

// A site notice glued BEFORE the first sentence of the article on the same
// line (a browser advice, then the article, no line break): the sentences
// holding an [end] phrase are cut from the start of the body, whatever the
// browsers named and with or without a space or a byline after it; the
// article, long or short, keeps its sentences.
TEST(Body, NoticeGluedBeforeTheFirstParagraphIsCut) {
  const std::vector<std::string> notices = {
      "為達最佳瀏覽效果，建議使用 Chrome、Firefox 或 Microsoft Edge 的瀏覽器。",
      "为达最佳浏览效果，建议使用 Chrome 或 Safari 浏览器。",
      "為達最佳瀏覽效果，建議使用最新版本的瀏覽器。",
  };
  const std::vector<std::string> articles = {
      "男子經常出沒球場，向球友吹噓有專業投資團隊，每月能給予高額報酬。法官審酌其犯後態度，依法量處其刑。",
      "某某公司今天公布上半年財報，營收年增12%，獲利創同期新高。",
  };
  for (const std::string& notice : notices) {
    for (const std::string& article : articles) {
      for (const char* glue : {"", " ", "\u3000"}) {
        std::string raw = notice + glue + article;
        BodyResult r = ExtractBody(raw, Markers());
        EXPECT_EQ(r.body, article) << raw << "\n" << DescribeBody(raw, r);
        ExpectPiecesOfRaw(raw, r);
        // In a longer page too: an article's first line (longer than a
        // notice line may be) loses the notice.
        std::string para = article;
        while (para.size() < 600) para += article;
        std::string page = "首頁 | 財經 | 社會 | 國際\n\n" + notice + glue + para + "\n" +
                           "會計師表示，這類案件近年明顯增加，民眾應提高警覺。\n" +
                           "分析師指出，下半年景氣可望回溫，但仍須留意匯率波動。\n延伸閱讀\n另一則新聞標題\n";
        BodyResult p = ExtractBody(page, Markers());
        EXPECT_EQ(p.body.substr(0, para.size()), para) << DescribeBody(page, p);
        ExpectPiecesOfRaw(page, p);
      }
    }
  }
  // A notice alone stays (a text is never cut to nothing); an article that
  // only speaks of browsers keeps its first sentence.
  EXPECT_EQ(ExtractBody(notices[1], Markers()).body, notices[1]);
  const std::string plain = "瀏覽器大廠今天發布新版本，宣稱網頁載入速度提升三成。業者表示，用戶可免費更新。";
  EXPECT_EQ(ExtractBody(plain, Markers()).body, plain);
  // Only [lead_notice] phrases: a first sentence that speaks of a board's
  // rules (an [end] phrase) is news.
  const std::string rules =
      "臉書今晚發生大規模貼文違反社群守則而遭移除的問題，多家媒體深受其害。官方尚未有任何說明。";
  EXPECT_EQ(ExtractBody(rules, Markers()).body, rules);
  // A subscription appeal of two sentences stays a notice line: the article
  // above it is the body, the appeal's second sentence is not.
  const std::string appeal =
      "請加入成為本報的月費訂戶，長期支持我們的工作。所有訂戶都可以收到我們的每周通訊。";
  std::string page = "首頁 | 財經 | 社會 | 國際\n" + articles[0] + "\n" + articles[1] + "\n" +
                     "會計師表示，這類案件近年明顯增加，民眾應提高警覺。\n" + appeal + "\n";
  BodyResult r = ExtractBody(page, Markers());
  EXPECT_EQ(r.body.find("每周通訊"), std::string::npos) << DescribeBody(page, r);
}

// A related-article teaser glued after the last sentence of the body
// ("…變化。其他報道：【施政報告】…"): cut, for each teaser word followed by a
// colon; the same words inside a sentence, or with no colon, stay.
TEST(Body, TeaserGluedAfterTheLastSentenceIsCut) {
  const std::string article =
      "最低工資委員會今日表示，將展開新一輪檢討，強調以數據為依歸。\n"
      "勞方代表說，旅遊、酒店與飲食業有僱員需放無薪假，工會會留意行業變化。";
  const std::vector<std::string> teasers = {
      "其他報道：【施政報告】林鄭：聚焦土地房屋\u3000封面沿用天藍色",
      "其他报道：某某公司宣布裁员两成",
      "相關報道：立法會今日三讀通過修訂條例",
      "延伸閱讀: 央行意外減息一碼",
  };
  for (const std::string& teaser : teasers) {
    for (const char* glue : {"", "\u3000", " "}) {
      std::string raw = article + glue + teaser;
      BodyResult r = ExtractBody(raw, Markers());
      EXPECT_EQ(r.body, article) << DescribeBody(raw, r);
      ExpectPiecesOfRaw(raw, r);
    }
  }
  for (const std::string& tail : {std::string("其他報道指出，工會將於下月再開會。"), std::string("其他報道")}) {
    std::string raw = article + tail;
    EXPECT_EQ(ExtractBody(raw, Markers()).body, raw);
  }
}

// A short text (kept whole) that ends in strong boilerplate lines: the
// appeal or notice goes, the article stays; all boilerplate stays whole.
TEST(Body, ShortTextLosesTrailingNoticeLines) {
  const std::string para = "很多人認為，示威遊行屢見不鮮，其實每一次都有不同的訴求和故事，值得細看。";
  for (const std::string& tail : {std::string("請加入成為本報的月費訂戶，長期支持我們的工作。\n月費訂戶 網址：example.com/subscribe"),
                                  std::string("\n版權所有，轉載請註明出處"),
                                  std::string("違反上述規定者，本報有權刪除留言。")}) {
    std::string raw = para + "\n" + tail;
    BodyResult r = ExtractBody(raw, Markers());
    EXPECT_TRUE(r.whole);
    EXPECT_EQ(r.body, para) << DescribeBody(raw, r);
    ExpectPiecesOfRaw(raw, r);
  }
  const std::string only = "請加入成為本報的月費訂戶，長期支持我們的工作。\n月費訂戶 網址：example.com/subscribe";
  EXPECT_EQ(ExtractBody(only, Markers()).body, only);
}

// A filing's field label above the text ("4.新任者姓名及簡歷:") is no
// headline; a headline line above the same text is.
TEST(Body, FieldLabelIsNoTitle) {
  const std::string text =
      "本公司董事會今日決議，聘任王小明先生為新任總經理，自下月一日起生效，任期三年。\n"
      "王小明先生曾任本公司財務長及副總經理，具二十年產業經驗，熟悉國際市場與財務管理。\n"
      "董事會並決議，原總經理轉任本公司顧問，協助新任總經理交接各項業務與對外關係。\n"
      "本案已依規定於公開資訊觀測站申報，相關資料請參閱公司網站之重大訊息公告專區。";
  for (const char* label : {"4.新任者姓名及簡歷:", "2. 簡述原公告申報內容：", "更正前金額/內容/頁次:"}) {
    BodyResult r = ExtractBody(std::string("公告\n\n") + label + "\n" + text, Markers());
    EXPECT_EQ(r.title, "") << label;
  }
  BodyResult r = ExtractBody(std::string("公告\n\n某某公司 新任總經理出爐\n") + text, Markers());
  EXPECT_EQ(r.title, "某某公司 新任總經理出爐");
}

// An app banner between the site menu and the article ("…APP看新聞又抽獎",
// a 立即下載 button) is neither body nor title.
TEST(Body, AppBannerIsNoTitle) {
  const std::string article =
      "〔記者王小明／高雄報導〕高市某派出所前所長被控貪瀆案，地院依詐欺罪判處徒刑9月，上訴後改判3年6月。\n"
      "檢方指出，前所長以購買警用機車名義，向轄區廟宇募得5萬元及1台電視後，卻飽入私囊。";
  for (const char* banner : {"自由時報APP看新聞又抽獎", "下載某某新聞APP看新聞", "某某新闻APP看新闻领红包"}) {
    std::string raw = std::string("即時\n熱門\n政治\n社會\n生活\n國際\n\n╳\n\n") + banner + "\n立即下載\n\n\n" + article;
    BodyResult r = ExtractBody(raw, Markers());
    EXPECT_EQ(r.title, "") << banner << "\n" << DescribeBody(raw, r);
    EXPECT_EQ(r.body.find(banner), std::string::npos) << banner;
    EXPECT_NE(r.body.find("飽入私囊"), std::string::npos) << banner;
  }
}

TEST(BodyMarkers, AffixPatternErrorsNameLine) {
  Result<BodyMarkers> r = ParseBodyMarkers("[dateline_prefix]\n{open}{nope}{close}\n", "m.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("m.txt:2"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("{nope}"), std::string::npos) << r.status().message();
  EXPECT_FALSE(ParseBodyMarkers("[editor_suffix]\n{text}{sp?}\n", "m.txt").ok());
  EXPECT_FALSE(ParseBodyMarkers("[editor_suffix]\n{open}完\n{close\n", "m.txt").ok());
  EXPECT_FALSE(ParseBodyMarkers("[dateline_prefix]\n{agency}{date}电\n", "m.txt").ok());
  Result<BodyMarkers> ok = ParseBodyMarkers("[agency]\n新华社\n[dateline_prefix]\n{agency}{text?}{date}{电|電}\n", "m.txt");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->dateline_prefix.size(), 1u);
}

TEST(BodyMarkers, ShippedFileHasAffixes) {
  EXPECT_FALSE(Markers().agency.empty());
  EXPECT_FALSE(Markers().dateline_prefix.empty());
  EXPECT_FALSE(Markers().editor_suffix.empty());
  EXPECT_TRUE(Markers().affixes != nullptr);
}

// A last paragraph ending with a colon announces what follows: the short
// lines of a song or poem after it are the article's end, not leftovers;
// a blank line after them, or a marker, still ends the body.
TEST(Body, LinesAnnouncedByAClosingColonAreKept) {
  const std::string article =
      "政府今日公布施政報告，多項措施涉及房屋、醫療及教育，社會反應不一。\n"
      "評論員認為，報告未有回應市民最關心的民生問題，各界均有批評聲音。\n"
      "在此，送上一首令人熱血沸騰的歌曲《Eye of the tiger》:\n";
  const std::string verse =
      "Face to face, out in the heat\nHanging tough, staying hungry\nRising up to the challenge\n"
      "With the eye of the tiger";
  for (const std::string& after : {std::string(""), std::string("\n\n"), std::string("\n延伸閱讀\n某某新聞標題一則")}) {
    std::string raw = "標題\n" + article + verse + after;
    BodyResult r = ExtractBody(raw, Markers());
    EXPECT_EQ(r.body, article + verse) << after << "\n" << DescribeBody(raw, r);
  }
  // In Chinese: a short line with a full-width colon, a blank line, the verse.
  std::string zh = article.substr(0, article.rfind("在此")) + "以詩作結：\n\n我們的歌，在街上唱\n大家一起，不要放棄\n\n"
                   "相關新聞\n另一則新聞的標題";
  BodyResult r = ExtractBody(zh, Markers());
  EXPECT_EQ(r.body, article.substr(0, article.rfind("在此")) + "以詩作結：\n\n我們的歌，在街上唱\n大家一起，不要放棄")
      << DescribeBody(zh, r);
  // Without the colon, the short lines after the last paragraph stay out.
  std::string plain = "標題\n" + article.substr(0, article.rfind("在此")) + verse;
  EXPECT_EQ(ExtractBody(plain, Markers()).body.find("Face to face"), std::string::npos);
}

// A list of numbered notes closing an article runs to its last item, even
// when that item is a bare reference without a full stop.
TEST(Body, NumberedNotesRunToTheirLastItem) {
  const std::string article =
      "政府今日公布施政報告，多項措施涉及房屋、醫療及教育，社會反應不一[1]。\n"
      "評論員認為，報告未有回應市民最關心的民生問題，各界均有批評聲音[2]。\n"
      "註釋：\n[1] 這份報告全文共有一百二十頁，本文引用的段落見於第三章，讀者可自行參閱。\n"
      "[2] 某某著，《香港民生問題研究》第五卷\n[3] 同上，第十二頁";
  std::string raw = "標題\n" + article + "\n\n相關新聞\n另一則新聞的標題";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body, article) << DescribeBody(raw, r);
  // A list out of order stops where the order breaks.
  std::string skipped = "標題\n" + article.substr(0, article.find("[2] 某某")) + "[4] 某某著，《另一本書》第五卷";
  EXPECT_EQ(ExtractBody(skipped, Markers()).body.find("另一本書"), std::string::npos);
}

// A closing list of references under a heading (註：, 參考資料：) is left out
// when every item is a bibliographic citation, in each numbering style; a
// list with a note in prose stays, and so does a list without a heading.
TEST(Body, ClosingListOfCitationsIsLeftOut) {
  const std::string article =
      "國際勞工組織的公約指出集體談判的基本性質，但沒有為集體談判權寫下定義。\n\n"
      "德國人認為集體談判不是集體乞求，所以會在談判期間以罷工向資方施壓。";
  const std::vector<std::string> lists = {
      "註：\n\n1：張三主編：《勞工標準與認證》（北京：某出版社，2011），第176-186頁。\n"
      "2：李四編著：《勞動關係》，第38頁。\n3：王五著：《歐洲集體談判研究》，第147頁。",
      "參考資料：\n[1] 趙六：《港口城市史》，某出版社，2016\n[2] 《市政局的前世今生》 (大學線月刊，18/12/2016)",
      "References:\n1) 見陳七譯《散記》，譯序，某人民出版社1991年，頁1",
  };
  for (const std::string& list : lists) {
    std::string raw = "某某新聞網\n\n" + article + "\n\n" + list + "\n\n延伸閱讀\n其他標題";
    BodyResult r = ExtractBody(raw, Markers());
    EXPECT_EQ(r.body, article) << DescribeBody(raw, r);
    ExpectPiecesOfRaw(raw, r);
  }
  const std::vector<std::string> kept = {
      "註釋：\n\n[1] 這本書完全按官方觀點寫成，引用它是因為它反映了官方的看法。\n\n"
      "[2] 給某人的電報（一九四九年八月十八日），《某某文集》第五卷",
      "1：張三主編：《勞工標準與認證》，第176頁。\n2：李四編著：《勞動關係》，第38頁。",
  };
  for (const std::string& list : kept) {
    std::string raw = "某某新聞網\n\n" + article + "\n\n" + list + "\n\n延伸閱讀\n其他標題";
    BodyResult r = ExtractBody(raw, Markers());
    EXPECT_NE(r.body.find(list.substr(list.size() - 12)), std::string::npos) << DescribeBody(raw, r);
  }
}

TEST(Body, NoContentLikeLinesReturnsRaw) {
  const std::string raw = "首頁\n新聞\n財經\n科技\n體育\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body, "首頁\n新聞\n財經\n科技\n體育");
  EXPECT_FALSE(r.body.empty());
}

TEST(Body, RandomPagesKeepInvariants) {
  // Pages assembled from fragments of every kind: the body is always made of
  // lines of raw, in order, and never empty when raw has text.
  const char* kFragments[] = {
      "延伸閱讀", "延伸閱讀：某某新聞標題", "記者張三／台北報導", "圖／路透", "© 2026 某某",
      "首页 | 新闻 | 财经", "某某標題 另一半標題", "這是一個完整的句子，包含逗號與句號。",
      "经济部今天召开会议，决定调整电价，平均涨幅约百分之三，住宅用电维持不变。", "",
      "   ", "\r", "a.jpg", "（圖／美聯社）", "今天天氣晴朗。", "0 則留言", "（", "）", "…",
      "x", "2024-05-01 10:00", "短行", "「引號」", "...", "\xE3\x80\x80"};
  const size_t kN = sizeof(kFragments) / sizeof(kFragments[0]);
  uint64_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(seed >> 33);
  };
  for (int iter = 0; iter < 2000; ++iter) {
    std::string raw;
    size_t lines = next() % 30;
    for (size_t i = 0; i < lines; ++i) {
      size_t parts = 1 + next() % 3;
      for (size_t p = 0; p < parts; ++p) raw += kFragments[next() % kN];
      if (i + 1 < lines || next() % 2) raw += '\n';
    }
    BodyResult r = ExtractBody(raw, Markers());
    bool has_text = raw.find_first_not_of(" \t\r\n") != std::string::npos;
    if (has_text) {
      ASSERT_FALSE(r.body.empty()) << raw;
    }
    ExpectLinesOfRaw(raw, r.body);
    ExpectPiecesOfRaw(raw, r);
    if (HasFatalFailure() || HasFailure()) FAIL() << raw << "\n" << DescribeBody(raw, r);
  }
}

// A document of megabytes (the seed repeated) is cut like one page: the body
// is the first copy's article, nothing is lost to quadratic passes. Speed is
// measured by bench/newskb_bench_extract, not here.
TEST(Body, LongRepeatedInputKeepsAnArticle) {
  std::string text;
  std::string path = kSharedDir + "/corpus/seeds/002_215eccd96ff670eb.txt";
  if (!ReadFile(path, &text)) GTEST_SKIP() << "missing " << path;
  std::string big;
  while (big.size() < (8u << 20)) big += text;
  BodyResult r = ExtractBody(big, Markers());
  EXPECT_FALSE(r.body.empty());
  EXPECT_NE(r.body.find("面對中國在關鍵礦產領域的碾壓式優勢"), std::string::npos);
}

// A court report closes with its case number on a line of its own: the line
// stays in the body, plain or in brackets, one number or several; a short
// line after the label without a number is no reference.
TEST(Body, ClosingCaseNumberLineIsKept) {
  const std::string article =
      "某區法院今日審理一宗傷人案，被告男子承認一項有意圖而傷人罪，案件押後至下月判刑。\n"
      "\n"
      "控方指，案發當晚被告在街上與事主爭執，其後以雨傘襲擊對方頭部，事主送院治理。\n"
      "\n"
      "辯方求情時表示，被告事後深感後悔，並已向事主道歉，希望法庭輕判。\n"
      "\n";
  const std::string tail = "\n---\n請加入成為本網的月費訂戶，長期支持我們的工作。\n";
  for (const std::string ref : {"案件編號：WKCC813/2021", "【案件編號：HCCP354/2020】",
                                "案件編號：DCCC 953/2020、DCCC 12/2020（已合併）"}) {
    BodyResult r = ExtractBody(article + ref + "\n" + tail, Markers());
    EXPECT_EQ(r.body.substr(r.body.size() - ref.size()), ref) << DescribeBody(article + ref, r);
  }
  for (const std::string not_ref : {"案件編號待定", "案件編號也不知 WKCC 案"}) {
    BodyResult r = ExtractBody(article + not_ref + "\n" + tail, Markers());
    EXPECT_EQ(r.body.find(not_ref), std::string::npos) << r.body;
  }
}

// An announcement closes with its issuer above the date: both stay in the
// body, although a title-like line above a date otherwise reads as a
// headline and its dateline. A headline with spaces above a date (the next
// story in a list) is no issuer.
TEST(Body, IssuerAboveClosingDateIsKept) {
  const std::string article =
      "为做好某河道治理工程建设，确保征地调查工作顺利进行，现就有关事项通告如下。\n"
      "一、自本通告发布之日起，在工程建设征占地范围内禁止新增建设项目。\n"
      "二、自本通告发布之日起，上述区域内新迁入的人口不享有相关补偿政策。\n"
      "特此通告。\n";
  for (const std::string issuer : {"某省人民政府", "某某协会"}) {
    std::string raw = article + issuer + "\n2022年1月27日\n";
    BodyResult r = ExtractBody(raw, Markers());
    EXPECT_EQ(r.body, raw.substr(0, raw.size() - 1)) << DescribeBody(raw, r);
  }
  std::string raw = article + "某市 发布河道治理新规\n2022年1月27日\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_EQ(r.body, article.substr(0, article.size() - 1)) << DescribeBody(raw, r);
}

// A text in which no line reads as prose (a programme listing of headlines)
// is kept whole, but for the strong boilerplate after its last line: a
// subscription appeal is no item of the list.
TEST(Body, ListingLosesTrailingBoilerplate) {
  const std::string listing =
      "【本台中國組 今晚節目】\n"
      "🔸首季經濟數據公布　學者：數字未能反映基層困難\n"
      "🔸十九間藥企被揭重金推銷藥物\n"
      "🔸某市委書記談科學思維方法\n"
      "🔸法院駁回離婚申請　理由是保障社會和諧\n"
      "🔸門市買鞋需要實名登記\n";
  std::string raw = listing + "\n請加入成為眾新聞的月費訂戶，長期支持我們的工作。\n";
  BodyResult r = ExtractBody(raw, Markers());
  EXPECT_TRUE(r.whole);
  EXPECT_EQ(r.body, listing.substr(0, listing.size() - 1)) << DescribeBody(raw, r);
  // All boilerplate: kept whole (the caller rejects it).
  std::string only = "請加入成為眾新聞的月費訂戶，長期支持我們的工作。\n版權所有，不得轉載。\n";
  EXPECT_FALSE(ExtractBody(only, Markers()).body.empty());
}

// An opinion column names its author in a note under the byline; the note
// is no body, before the article or after it. A sentence about another
// author inside the text stays.
TEST(Body, AuthorNoteIsNoBody) {
  const std::string article =
      "每年很多人到外地旅遊，除了看風景外，當地重視本土農產品的策略也令人印象深刻。\n"
      "作者是個文化人，他樂意跟那個車夫聊天，也寫下了這段經歷，令讀者明白當地的生活。\n"
      "本地農業面對土地和人手的限制，但仍然可以參考外地的做法，建立自己的品牌。\n";
  for (const std::string note : {"作者為城市規劃師", "筆者為前區議員，曾任教師。"}) {
    std::string raw = "【撰文：某某】\n" + note + "\n\n" + article;
    BodyResult r = ExtractBody(raw, Markers());
    EXPECT_EQ(r.body, article.substr(0, article.size() - 1)) << DescribeBody(raw, r);
    raw = article + "\n" + note + "\n";
    r = ExtractBody(raw, Markers());
    EXPECT_EQ(r.body, article.substr(0, article.size() - 1)) << DescribeBody(raw, r);
  }
}

}  // namespace
}  // namespace newskb
