// newskb/extractors/link/linker.h
//
// Linking: gives every organization or policy mention of ONE document its
// canonical name (Mention::name). A post-pass, run by the organization and
// policy extractors over their own mentions.
//
// Mentions are grouped (union-find) when
//   1. their surface forms fold alike (Normalizer::FoldKey);
//   2. the extractor paired them: `全名(ABBR)`, `中文名(English Name)`;
//   3. they hit the same gazetteer entity (an alias listed under several
//      entities counts only if the document names exactly one of them; a
//      `generic` entry such as 国防部 never links by itself); a name that is
//      no alias but 中国 / 中华人民共和国 + one is that body when the body is
//      China's (HomeBodyLookup: 中國國務院國資委 is 国务院国资委; 中国国家经济
//      委员会 is not the 美国国家经济委员会 whose alias 国家经济委员会 is);
//   4. a short form is the long form minus a leading place or body name of
//      at most four characters (能源部 -> 美国能源部), or the long form
//      begins with the short form and the short form is a bare name, not
//      ending in an organization head word (MP -> MP Materials,
//      Lynas -> Lynas Rare Earths); in both cases only if exactly one
//      group of the document fits.
// An organization's name written with its term (第十九届, 十四届, 第 19 届:
// 中共第十九届中央委员会, 十四届全国人大常委会) that no entry lists hits, by
// rule 3, the entity of the name without the term (TermlessKey): the body
// is one across its terms, and the mention's text keeps the term.
// The group's name is the name of its gazetteer entity when it has one
// (ShownName: the canonical name, or a Chinese state body's own name, 国家能源局
// for 中国国家能源局; so the same organization gets one name in every
// document), else
// the fullest Chinese form among its mentions (longest text containing a
// Han character; if none, the longest text), as written in the body.
//
// Cost: O(n^2) in the document's mentions of one kind (tens per article).
// Thread safety: stateless; safe to call concurrently.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/link/gazetteer.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/document.h"

namespace newskb {

// `mentions` are one document's mentions of one kind; `same` pairs indices
// into `mentions` known to name one entity. `gaz` may be null.
void LinkMentions(const Gazetteer* gaz, const Normalizer& norm, std::vector<Mention*>& mentions,
                  const std::vector<std::pair<size_t, size_t>>& same);

// The gazetteer entity of a name written 中国 / 中华人民共和国 + a listed
// alias (`key` folded, FoldKey), when that alias names exactly one body of
// China's state: a `gov` entry whose canonical name starts with 中国,
// 中华人民共和国, 国务院, 中共, 中央, 全国 or 国家 (foreign bodies are listed
// with their country: 美国国家经济委员会). nullptr otherwise.
const std::vector<uint32_t>* HomeBodyLookup(const Gazetteer& gaz, const Normalizer& norm, std::string_view key);

// `key` (folded, FoldKey) less its first term number: 第?NUM届, NUM in
// Arabic digits or Chinese numerals (中共第十九届中央委员会 -> 中共中央委员会,
// 十四届全国人大 -> 全国人大); "" when it has none or less than two code
// points would be left.
std::string TermlessKey(std::string_view key);

// True if `s` (UTF-8) contains a Han character.
bool HasHan(std::string_view s);
// Number of code points in UTF-8 `s`.
size_t CodePoints(std::string_view s);

}  // namespace newskb
