// newskb/extractors/organizations/organizations.h
//
// The organization extractor: companies, government bodies of any country,
// agencies, think tanks, universities, banks, funds, media, international
// bodies, and governments acting as bodies (美国政府, 拜登政府).
//
// Sources, over the document's NORMALISED text (Simplified, lower case):
//   1. the gazetteer extractors/rules/gazetteer/organizations.tsv, matched in
//      one trie pass (link/gazetteer.h); Latin aliases need an upper-case
//      letter in the body (WHO, not "who");
//   2. the rule family extractors/rules/organizations.json (rule engine,
//      one RE2::Set pass). A rule's `attrs` say how its `name` group is
//      bounded:
//        role      "org" (default) | "paren_alias" (an alias in brackets
//                  right after a found organization; not a market-prefixed
//                  stock code, SZ002415) | "org_with_alias"
//                  (group `name` plus group `alias`, one entity) |
//                  "list_member" (group `list`: names joined by 、 before
//                  等企业/等公司...; when one is a gazetteer company or bank,
//                  the unknown others, up to `max_chars`, are organizations)
//        head      "place": the name must start with a place or body head
//                  (gazetteer/heads.txt, and every country, state, province
//                  and bloc of gazetteer/places.tsv), trimmed to the leftmost one;
//                  "trim": cut after the last stop word (gazetteer/stopwords.txt);
//                  both start on a lexicon word (東區法院, not 區法院) and
//                  after the last function word, numeral or measure word;
//                  "place_end": the longest place or body head that ends
//                  the group on a word start (a mission's sender: 美國驅逐
//                  兩名中國 + 駐華盛頓大使館 -> 中國), else as "place";
//                  "none" (default): the group as matched. A stop word
//                  inside a head word cuts nothing (the 和 of 刚果民主共和国)
//        latin     "caps": every Latin word capitalised in the body;
//                  "acronym": that, and two capitals or more (GENIUS, not Google)
//        min_chars minimum length in code points (default 2)
//        not_before  characters that must not follow the name (部长, 银行业)
//        not_end     words the name must not end with (签署, 布局)
//        not_after   words that must not follow the whole match (a policy's
//                  head word used as a verb: JAMSTEC计划在明年)
//        min_middle  characters required before group `suffix` (after the
//                  place head with head: place): 美国公司, 这家有限公司 are no names
//        max_chars maximum length in code points (default 40)
//        cut       "described": the name starts after the last word before
//                  its head that describes (the lexicon's verbs, adjectives,
//                  numerals, function words): 包括醫院, 大中型醫院 are none
//        desc_middle words that, right after the place head (head: place),
//                  make the name a description: 瑞典国营矿业公司 (国营),
//                  美国本土石墨公司 (本土)
//        brand     "proper": the name starts after the last word before group
//                  `suffix` that describes, and what is left is a brand: no
//                  place alone, no common noun first (漢能集團, 休斯公司; not
//                  金融集團, 上市公司, 美國公司)
//        join      conjunctions (与|和|及) that stay inside a head: place
//                  name when cutting there would leave no place head, the
//                  words after them are no place, name or pronoun and those
//                  before them a place and two characters or more:
//                  台灣智慧自動化與機器人協會, 巴勒斯坦外交和侨民部
//                  (link/name_rules.cc JoinedStart); never after a body's
//                  own head (org_heads.txt: 全国科技馆和…博物馆 is two bodies)
//        cut       "core": a body named by what it does (選舉委員會,
//                  議事規則委員會) starts at its core: the nouns before its
//                  head 委员会/理事会, a verb only right before the head or
//                  before a noun of the core (賦予 of 賦予選舉委員會 is cut)
//        min_count times the document must write the name (default 1): a
//                  body named by a common noun counts where the article is
//                  about it, not where it passes (交由專家委員會審議)
//        brand "proper" also serves industry heads (org.company.brand_head:
//                  國泰人壽, 易遊網, 長榮航運): a name the lexicon knows whole
//                  as a common noun (因特網) is none, one it knows whole as a
//                  proper name (易遊網, nz) keeps its single characters, and a
//                  lexicon place word no gazetteer lists, alone before the
//                  head, is a brand (中原集團)
//      A rule with a group `rest` right after group `name` bounds `name` as
//      above and then takes `rest` whole (org.gov.stationed: 中國 is
//      bounded as a place-headed name, 駐印度大使館 follows it).
//      With latin: caps a Latin name must not run on into a further
//      Title-case word (Critical Minerals of Critical Minerals Strategy).
//      With role org_with_alias, a refused alias refuses the name too.
//   3. per document: every further occurrence of a name found by 1-2
//      (rule "org.repeat") and the first word of a Latin name whose other
//      words are generic (MP of MP Materials, "org.short_form"); and the
//      ambiguous short forms of gazetteer/short_forms.tsv (贸易署, 中投), only
//      in a document where the gazetteer found their organization, linked to
//      it (rule "gaz.org.short:<canonical>").
// An abbreviation of a found name by the first characters of its words
// (function words left out; the last word also by its first and last
// characters: 委员会 -> 委, 委会), from any of its words on, three
// characters or more and no common word of the lexicon, counts wherever the
// document writes it on word boundaries, linked to the name ("org.abbreviation":
// 港大校務委員會 -> 校委會, 国家发展和改革委员会 -> 发改委); never the name's
// own start (君悅酒 of 君悅酒店).
// Short forms derived from a name found in full by the patterns of Chinese
// abbreviation (short_forms.h; "org.derived:<pattern>", linked to the name):
// the initials of its last two words when the last is a head (遠東航空公司 ->
// 遠航, 高雄銀行 -> 高銀), a place + brand short form without its place
// (中國華信 -> 華信), a head that stands alone for its one body
// (gazetteer/standalone_heads.txt: 中央广播电视总台 -> 总台). Counted wherever
// the document writes one as a word of its own, when it is no common word
// (jieba's tags and frequency, short_form_stops.txt) and no other name the
// document gives yields it or ends with it (总局 beside two 总局 bodies).
// Kind `listed` (gazetteer/organizations/tw_listed.tsv: a company by its
// exchange short name) counts on word boundaries only, never right before
// a head word (華興 of 華興銀行) or a street word (東華路,
// gazetteer/listed_not_before.txt). A repeat extends over a head word after
// it (統一 (1216-TW) found, then 統一集團 is one name).
// A listed short name is also a word or a name part (全域, 世德 of 簡世德):
// it counts only in a document that has it once in a sentence with a
// business word (gazetteer/listed_cues.txt: 营收, 股价, 公司...), right
// beside a stock code (5269 祥碩), or as the start of a longer name found
// there (晶華 after 晶華國際酒店).
// A `generic` gazetteer name (海军, 国防部) right after a place of two to
// eight characters (heads.txt, places.tsv) that starts a word is one name
// with it: 俄罗斯海军.
// A gazetteer name of two Han characters counts only where a word of the
// lexicon starts (民建 none in 人民建, 中行 none in 其中行).
// A name right before a facility word (gazetteer/facility_heads.txt,
// up to two characters between: 央视新址, 清华灯光球场) is part of the
// facility's name and no mention; so is a name right before an index word
// (gazetteer/index_words.txt: 恒生指數) or before two or three digits that
// end the number (標普500, S&P 500; not 遼寧隊17號, Google 10 日).
// A government body right before another found one (kind gov or generic:
// 勞動部 + 職安署, 香港特區政府 + 房屋署, up to three) is one name, the
// longest: parent and unit (FORMAT.md).
// A found name extends over a following sub-unit (gazetteer/branch_suffixes.txt:
// 交通银行深圳分行, 北京大学法学院). A `club_city` gazetteer entry (米兰,
// 利物浦: a city that names a club) counts only in a sentence with a sports
// cue (gazetteer/sports_cues.txt: 比赛, 战胜, 联赛 ...).
// Names in gazetteer/not_organizations.txt (政府, 联邦政府, 新创公司) are
// dropped; a `venue` gazetteer entry (白宫) right after a locative word
// (在, 于, 前往) is a place, not a body, and dropped; an organization that
// opens its line as a dateline credit (证券时报e公司讯，新华网快讯：,
// 央视网消息（新闻联播）：), from the gazetteer or a rule, is a byline, not
// body, and dropped.
// Overlaps: longest span wins, then higher priority, then earlier start.
// Then link/linker.h gives every mention its canonical `name`.
//
// Thread safety: immutable after construction; Extract() is const.
#pragma once

#include <memory>
#include <string>

#include "extractors/extractor.h"
#include "extractors/link/lexicon.h"

namespace newskb {

// `lexicon` is jieba's word lexicon as Lexicon::Load gave it (shared with the
// other families that segment); when it could not be loaded, organizations
// are found without word boundaries and without the lexicon's names, and the
// extractor's notes say why. The two-argument form loads it itself.
Result<std::unique_ptr<Extractor>> MakeOrganizationExtractor(
    const std::string& rules_dir, std::shared_ptr<const Normalizer> normalizer,
    const Result<std::shared_ptr<const Lexicon>>& lexicon);
Result<std::unique_ptr<Extractor>> MakeOrganizationExtractor(
    const std::string& rules_dir, std::shared_ptr<const Normalizer> normalizer);

}  // namespace newskb
