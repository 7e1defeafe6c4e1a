// newskb/extractors/organizations/short_forms.h
//
// Short forms a Chinese article derives from an organization it has named in
// full: the patterns of Chinese abbreviation (缩略语) applied to the words of
// the name, as its segmentation gives them. Pure functions over words: the
// organization extractor segments the name with the word lexicon, says which
// leading words are a place and which trailing words are legal forms, and
// then decides which candidates stand in the same article as words of their
// own and are no common words (organizations.cc, AddDerivedShortForms).
//
// Patterns, each with its name (the mention's rule is "org.derived:<name>"):
//   initials       the first characters of the name's last two words, legal
//                  forms left out, each word two characters or more:
//                  远东 航空 (公司) -> 远航, 联合 航空 -> 联航, 北京 大学 -> 北大;
//                  only where the last is a head as a whole (NameShape::
//                  last_is_head) and no member head (校务 委员会 -> 校委
//                  is a member: gazetteer/member_heads.txt), and neither
//                  word is more than a place it starts with (中国 美国商会
//                  -> 中美 is two countries);
//   place_dropped  a short form that keeps the name's place, without it
//                  (DropPlace): 中国华信 (of 中国华信能源有限公司) -> 华信;
//   head_alone     the name's last word alone, where that word is a head the
//                  caller knows to stand alone for its one body
//                  (gazetteer/standalone_heads.txt): 中央 广播 电视 总台 -> 总台.
// Every candidate is two characters or more; what is left to the caller:
// whether it is a common word by itself, and where it stands in the text.
//
// Usage:
//   std::vector<std::string_view> words = {"远东", "航空", "公司"};
//   for (const DerivedForm& f : DeriveShortForms(words, {1, false, false, true, {}})) ...  // 远航 (initials)
//
// Thread safety: stateless. Cost: O(words).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newskb {

enum class ShortFormPattern { kInitials, kPlaceDropped, kHeadAlone };

// "initials", "place_dropped", "head_alone".
const char* ShortFormPatternName(ShortFormPattern p);

struct DerivedForm {
  std::string text;
  ShortFormPattern pattern;
};

// What the caller knows of a name's words.
struct NameShape {
  size_t legal_words = 0;   // trailing words that are legal forms (公司, 有限公司, 集团)
  bool head_alone = false;  // the last word stands alone for its body (总台)
  bool member_head = false;  // the last word's first character names a member (委员会: 校委)
  // The last word before the legal forms is a head as a whole (航空, 银行,
  // 大学, 总会; 航空公司 less its legal form): its first character stands for
  // it. Not a domain + one-character head (科技局, 旅游部: 创科, 文旅 are
  // the domains, the body keeps its head, 创科局), nor a trade (工程).
  bool last_is_head = false;
  // Per word, the bytes of a place it starts with (0 if none): a word that
  // is more than its place (美国商会, 越南共产党) gives no initial, as its
  // first character would stand for the place (中美, 越中: two countries).
  std::vector<size_t> place_prefix;
};

// The short forms of a name whose content words (function words left out)
// are `words`, in order, by the patterns above; no duplicates, none equal to
// the whole name. Han words only: a word with a Latin letter or digit gives
// no initials (their first characters are no abbreviation).
std::vector<DerivedForm> DeriveShortForms(const std::vector<std::string_view>& words, const NameShape& shape);

// The place_dropped form of a short form that keeps its place: `short_form`
// less its leading `place` (both folded), if what is left is two characters
// or more; "" otherwise. 中国华信, 中国 -> 华信.
std::string DropPlace(std::string_view short_form, std::string_view place);

}  // namespace newskb
