// Tests for extractors/link: the gazetteer trie, word lists, and the
// document-level linker (canonical names for organization/policy mentions).

#include "extractors/link/gazetteer.h"
#include "extractors/link/linker.h"
#include "extractors/link/spans.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newskb {
namespace {

const std::string kGazDir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules/gazetteer";

std::shared_ptr<const Normalizer> Norm() {
  static std::shared_ptr<const Normalizer> n = Normalizer::Create().value();
  return n;
}

std::vector<std::string> Hits(const Gazetteer& g, const std::string& text) {
  NormText nt = Norm()->Normalize(text);
  std::vector<std::string> out;
  for (const GazHit& h : g.FindAll(nt.text)) out.push_back(nt.text.substr(h.begin, h.end - h.begin));
  return out;
}

TEST(Gazetteer, LoadsShippedFiles) {
  auto org = Gazetteer::LoadFile(kGazDir + "/organizations.tsv", *Norm());
  ASSERT_TRUE(org.ok()) << org.status().message();
  EXPECT_GT(org.value()->size(), 500u);
  auto pol = Gazetteer::LoadFile(kGazDir + "/policies.tsv", *Norm());
  ASSERT_TRUE(pol.ok()) << pol.status().message();
  EXPECT_GT(pol.value()->size(), 10u);
}

TEST(Gazetteer, MatchesEitherScriptLongestFirst) {
  auto g = Gazetteer::LoadString("美國能源部\tgov\tDOE|能源部美國\n美国\tplace\t\n", "t", *Norm());
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(Hits(*g.value(), "美國能源部宣布"), std::vector<std::string>{"美国能源部"});
  EXPECT_EQ(Hits(*g.value(), "美国能源部宣布"), std::vector<std::string>{"美国能源部"});
  EXPECT_EQ(Hits(*g.value(), "據DOE表示"), std::vector<std::string>{"doe"});
}

TEST(Gazetteer, LatinAliasNeedsWordBoundary) {
  auto g = Gazetteer::LoadString("美國能源部\tgov\tDOE\n", "t", *Norm());
  ASSERT_TRUE(g.ok());
  EXPECT_TRUE(Hits(*g.value(), "DOES not").empty());
  EXPECT_TRUE(Hits(*g.value(), "xDOE").empty());
  EXPECT_EQ(Hits(*g.value(), "(DOE)").size(), 1u);
}

TEST(Gazetteer, AmbiguousAliasKeepsBothEntities) {
  auto g = Gazetteer::LoadString("甲銀行\tbank\t央行\n乙銀行\tbank\t央行\n", "t", *Norm());
  ASSERT_TRUE(g.ok());
  NormText nt = Norm()->Normalize("央行");
  auto hits = g.value()->FindAll(nt.text);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].entries.size(), 2u);
}

// Thousands of keys force the trie's edge table to grow many times; every
// key must still be found, keys outside the BMP and single-character keys
// included, and text sharing only a prefix must give nothing.
TEST(LiteralTrie, FindsEveryKeyAfterGrowingAndOutsideTheBmp) {
  LiteralTrie trie;
  std::vector<std::string> keys;
  for (int i = 0; i < 3000; ++i) keys.push_back("\xe5\x85\xac" + std::to_string(i) + "\xe5\x8f\xb8");  // 公<i>司
  keys.push_back("\xf0\xa0\xae\xb7\xe9\x87\x8e\xe5\xae\xb6");  // 𠮷野家 (U+20BB7 first)
  keys.push_back("\xe9\x92\xb4");  // 钴, one character
  for (size_t i = 0; i < keys.size(); ++i) ASSERT_TRUE(trie.Add(keys[i], static_cast<uint32_t>(i)));
  for (size_t i = 0; i < keys.size(); ++i) {
    std::string text = "x " + keys[i] + " y";
    auto hits = trie.FindAll(text);
    ASSERT_EQ(hits.size(), 1u) << i;
    EXPECT_EQ(text.substr(hits[0].begin, hits[0].end - hits[0].begin), keys[i]);
    EXPECT_EQ(hits[0].entries, std::vector<uint32_t>{static_cast<uint32_t>(i)});
  }
  EXPECT_TRUE(trie.FindAll("\xe5\x85\xac" "3000" "\xe5\x8f\xb8").empty());  // a prefix of 公300司 then more digits
  EXPECT_TRUE(trie.FindAll("\xe9\x87\x8e\xe5\xae\xb6").empty());  // 野家 alone
  EXPECT_TRUE(LiteralTrie().FindAll("anything").empty());
}

// The trie steps a character at a time; a byte that starts no well-formed
// character is a step of its own, so malformed keys and text match exactly
// where their bytes do: an overlong encoding is not the character it
// spells, and a key ending inside a character of the text is no hit.
TEST(LiteralTrie, MatchesBytesNotDecodedCharacters) {
  LiteralTrie trie;
  ASSERT_TRUE(trie.Add(std::string("a\xc0\x80z", 4), 0));  // overlong U+0000
  ASSERT_TRUE(trie.Add(std::string("b\0z", 3), 1));
  ASSERT_TRUE(trie.Add("x\xe4\xb8", 2));  // 中 cut after two bytes
  auto span = [](const std::string& text, const GazHit& h) { return text.substr(h.begin, h.end - h.begin); };
  std::string t1("a\0z b\xc0\x80z", 8);
  EXPECT_TRUE(trie.FindAll(t1).empty());
  std::string t2("a\xc0\x80z b\0z", 8);
  auto hits = trie.FindAll(t2);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(span(t2, hits[0]), std::string("a\xc0\x80z", 4));
  EXPECT_EQ(span(t2, hits[1]), std::string("b\0z", 3));
  std::string t3 = "x\xe4\xb8y";
  hits = trie.FindAll(t3);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(span(t3, hits[0]), "x\xe4\xb8");
  EXPECT_TRUE(trie.FindAll("x\xe4\xb8\xad").empty());  // x中: the key ends inside 中
}

// A fourth column is a note for the reader (a stock code): loaded, never matched.
TEST(Gazetteer, FourthColumnIsANoteNeverMatched) {
  auto g = Gazetteer::LoadString("台泥\tlisted\t\tTWSE 1101\n", "t", *Norm());
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(Hits(*g.value(), "台泥公布"), std::vector<std::string>{"台泥"});
  EXPECT_TRUE(Hits(*g.value(), "TWSE 1101").empty());
  EXPECT_FALSE(Gazetteer::LoadString("a\tb\tc\td\te\n", "t", *Norm()).ok());
}

TEST(Gazetteer, BadLineIsAnErrorNamingTheLine) {
  auto g = Gazetteer::LoadString("# c\n\nonly-one-column\n", "x.tsv", *Norm());
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("x.tsv:3"), std::string::npos);
}

TEST(WordList, NegativeEntriesWin) {
  auto w = WordList::FromWords({"市", "!市场"}, *Norm());
  std::string t = Norm()->Normalize("市场市").text;
  EXPECT_EQ(w->MatchAt(t, 0), 0u);
  EXPECT_EQ(w->MatchAt(t, 6), 3u);
}

TEST(Spans, TrimKeepsAMinimumName) {
  auto stops = WordList::FromWords({"和", "推动"}, *Norm());
  std::string t = Norm()->Normalize("美国推动硅和平").text;
  size_t b = TrimAfterStops(t, 0, t.size(), *stops, 2);
  EXPECT_EQ(t.substr(b), "硅和平");
}

TEST(Spans, LatinCapitalized) {
  EXPECT_TRUE(LatinCapitalized("Center for Strategic and International Studies"));
  EXPECT_TRUE(LatinCapitalized("MP Materials"));
  EXPECT_FALSE(LatinCapitalized("rare materials"));
  EXPECT_FALSE(LatinCapitalized("稀土"));
}

// Linking: mentions with texts; returns their names.
std::vector<std::string> Link(const Gazetteer* g, const std::vector<std::string>& texts,
                              const std::vector<std::pair<size_t, size_t>>& same = {}) {
  std::vector<Mention> ms(texts.size());
  std::vector<Mention*> ptrs;
  for (size_t i = 0; i < texts.size(); ++i) {
    ms[i].kind = MentionKind::kOrganization;
    ms[i].text = texts[i];
    ptrs.push_back(&ms[i]);
  }
  LinkMentions(g, *Norm(), ptrs, same);
  std::vector<std::string> out;
  for (const Mention& m : ms) out.push_back(m.name);
  return out;
}

TEST(Linker, ShortFormTakesFullerChineseForm) {
  EXPECT_EQ(Link(nullptr, {"國防部", "美國國防部"}),
            (std::vector<std::string>{"美國國防部", "美國國防部"}));
}

TEST(Linker, ShortFormWithTwoCandidatesStaysAlone) {
  auto names = Link(nullptr, {"國防部", "美國國防部", "日本國防部"});
  EXPECT_EQ(names[0], "國防部");
}

TEST(Linker, LatinPrefixLinksToFullName) {
  EXPECT_EQ(Link(nullptr, {"Lynas Rare Earths", "Lynas"}),
            (std::vector<std::string>{"Lynas Rare Earths", "Lynas Rare Earths"}));
  // Not inside a word.
  auto names = Link(nullptr, {"MP Materials", "MPX"});
  EXPECT_EQ(names[1], "MPX");
}

TEST(Linker, PairsFromBracketsShareTheChineseName) {
  EXPECT_EQ(Link(nullptr, {"伍德麥肯茲", "Wood Mackenzie"}, {{0, 1}}),
            (std::vector<std::string>{"伍德麥肯茲", "伍德麥肯茲"}));
}

TEST(Linker, GazetteerCanonicalAcrossScriptsAndAliases) {
  auto g = Gazetteer::LoadString("美国能源部\tgov\tDOE|Department of Energy\n", "t", *Norm());
  ASSERT_TRUE(g.ok());
  auto names = Link(g.value().get(), {"DOE", "美國能源部", "Department of Energy"});
  EXPECT_EQ(names, (std::vector<std::string>{"美国能源部", "美国能源部", "美国能源部"}));
}

// A body of China's state is shown by its own name (国家能源局, not the
// gazetteer's 中国国家能源局), however the article writes it; foreign bodies
// keep their country, names of which 中国 is a part keep it.
TEST(Linker, ChineseStateBodiesGoByTheirOwnName) {
  auto g = Gazetteer::LoadFiles({kGazDir + "/organizations.tsv"}, *Norm());
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(Link(g.value().get(), {"中國國家能源局", "國家能源局", "NEA"}),
            (std::vector<std::string>{"国家能源局", "国家能源局", "国家能源局"}));
  EXPECT_EQ(Link(g.value().get(), {"中国海关总署"}), std::vector<std::string>{"海关总署"});
  EXPECT_EQ(Link(g.value().get(), {"美國能源部"}), std::vector<std::string>{"美国能源部"});
  EXPECT_EQ(Link(g.value().get(), {"中國人民銀行"}), std::vector<std::string>{"中国人民银行"});
  EXPECT_EQ(Link(g.value().get(), {"中國共產黨"}), std::vector<std::string>{"中国共产党"});
}

// 中国 + a listed name of China's body is that body (中國國務院國資委 is
// 国务院国资委); 中国 + a foreign body's bare alias is not the foreign body.
TEST(Linker, CountryBeforeAHomeBodyIsTheBody) {
  auto g = Gazetteer::LoadFiles({kGazDir + "/organizations.tsv"}, *Norm());
  ASSERT_TRUE(g.ok()) << g.status().message();
  auto names = Link(g.value().get(), {"中國國務院國資委", "國資委"});
  EXPECT_EQ(names[0], names[1]);
  EXPECT_EQ(names[0], "国务院国有资产监督管理委员会");
  EXPECT_EQ(Link(g.value().get(), {"中国国家经济委员会"}), std::vector<std::string>{"中国国家经济委员会"});
}

TEST(Linker, GenericEntryNeverLinksAlone) {
  auto g = Gazetteer::LoadString("国防部\tgeneric\t\n", "t", *Norm());
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(Link(g.value().get(), {"國防部"}), std::vector<std::string>{"國防部"});
}

TEST(Linker, SameTextSameName) {
  auto names = Link(nullptr, {"特斯拉", "特斯拉", "特斯拉"});
  EXPECT_EQ(names[0], names[2]);
}

// A term number (第十九届, 十四届, 第19届) is left out to find the body; a
// key without one, or with nothing left, has no termless form.
TEST(Linker, TermlessKeyDropsTheTerm) {
  EXPECT_EQ(TermlessKey("中共第十九届中央委员会"), "中共中央委员会");
  EXPECT_EQ(TermlessKey("十四届全国人大常委会"), "全国人大常委会");
  EXPECT_EQ(TermlessKey("中共第19届中央委员会"), "中共中央委员会");
  EXPECT_EQ(TermlessKey("全国政协十四届常委会"), "全国政协常委会");
  EXPECT_EQ(TermlessKey("全国人大常委会"), "");
  EXPECT_EQ(TermlessKey("本届立法会"), "");
}

}  // namespace
}  // namespace newskb
