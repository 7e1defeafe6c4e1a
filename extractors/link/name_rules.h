// newskb/extractors/link/name_rules.h
//
// The machinery the organization and policy extractors share: candidate
// names from gazetteer hits and rule matches, their bounding (attrs of the
// rule, see organizations/organizations.h), overlap resolution, aliases in
// brackets, repeats within a document, and emission with linking.
//
// Thread safety: free functions over immutable inputs.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/engine/rule_set.h"
#include "extractors/link/gazetteer.h"
#include "extractors/link/lexicon.h"
#include "extractors/link/spans.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/document.h"

namespace newskb {

// A candidate name: normalised bytes [b, e) of NormText::text.
struct NameCand {
  size_t b = 0, e = 0;
  int prio = 0;
  std::string rule;
  std::string kind;           // policies: law, order, ...
  bool from_gazetteer = false;
};

// The word lists of one family, from `dir` (extractors/rules/gazetteer):
//   stopwords.txt      words a name never spans (的, 在, 宣布, ...): trimmed off the left
//   heads.txt          place and body heads a `head: place` name starts with,
//                      plus every country, state, province and bloc of places.tsv
//   locatives.txt      words after which a venue (白宫) is a place
//   latin_generic.txt  generic Latin name words (materials, group, ...)
//   not_<family>.txt   whole names that are not entities (政府, 新创公司)
//   descriptors.txt    role nouns before a name in apposition (开发商, 生产商):
//                      a `head: trim` name is cut after them too (optional file)
//   org_heads.txt      organization heads (公司, 部, 馆 ...; optional, organizations
//                      only): a `join` conjunction after a body's head joins two
//                      bodies, not two words of one name (墨西哥军队和总检察院)
struct NameLists {
  std::shared_ptr<const WordList> stops, heads, locatives, latin_generic, not_names, descriptors;
  std::shared_ptr<const WordList> org_heads;  // null for other families
  // Words after a Latin name that make it a product, platform or programme
  // there (Twitter帳號, AGP計畫; gazetteer/latin_uses.txt): a repeat of a
  // Latin organization before one is none. Empty for other families.
  std::shared_ptr<const WordList> latin_uses;
  // The Han names of places.tsv's countries, states and provinces (not the
  // "X side" forms 中方, 美方): places whatever tag the word lexicon gives them
  // (jieba tags 阿根廷, 伊拉克, 沙特 as person names). Empty without places.tsv.
  std::shared_ptr<const WordList> countries;
  // The word lexicon (optional, set by the family that uses it): a rule
  // name with `head: place` or `head: trim` then starts and ends on word
  // boundaries and spans no function word (link/word_bounds.h).
  std::shared_ptr<const Lexicon> lexicon;
  static Result<NameLists> Load(const std::string& dir, const Normalizer& norm,
                                const std::string& family);
};

// A rule attribute, or `def`.
std::string Attr(const Rule& r, const std::string& key, const std::string& def);

// True if some `words` entry ends exactly at text[pos].
bool PrecededBy(std::string_view text, size_t pos, const WordList& words);

bool HasAsciiLetter(std::string_view s);

// True if a folded Latin name must have an upper-case letter in the body to
// count: names of fewer than five letters (WHO, not "who"; yahoo may be
// written in lower case).
bool NeedsUpper(std::string_view folded);

// Bounds the `group` of rule match `m` by the rule's attrs; false if the
// candidate is refused.
bool BoundName(const RuleMatch& m, const char* group, std::string_view t, const Document& doc,
               const NormText& norm, const NameLists& lists, NameCand* out);

// Indices of the kept candidates (longest, then priority, then earliest),
// in text order.
std::vector<size_t> ResolveCands(const std::vector<NameCand>& cands);

// True if `s` starts with one of the '|'-separated words of `bar_list`
// (a rule attribute such as desc_middle or not_start: "国营|国有|本土").
bool StartsWithAnyWord(std::string_view s, std::string_view bar_list);

// For each `paren_alias` match right after a name in *win, adds the alias
// (or pairs it with an existing name on that span) and records the pair.
// A short name the article defines (全名（以下简称“X”）) is such an alias too;
// a generic word of not_<family>.txt counts only in book-title marks
// (《行动方案》（以下简称《方案》）), and then repeats only in them.
void AddParenAliases(const std::vector<RuleMatch>& paren, std::string_view t, const Document& doc,
                     const NormText& norm, const NameLists& lists, std::vector<NameCand>* win,
                     std::vector<std::pair<size_t, size_t>>* pairs);

// Adds further occurrences of names found by rules (rule "<family>.repeat"),
// and for organizations the first word of a Latin name whose other words are
// generic ("org.short_form").
void AddRepeats(std::string_view t, const Document& doc, const NormText& norm,
                const Normalizer& normalizer, const NameLists& lists, const std::string& family,
                std::vector<NameCand>* win);

// Makes the mentions, links them (link/linker.h) and appends them to *out.
void EmitAndLink(const Document& doc, const NormText& norm, MentionKind kind, const Gazetteer* gaz,
                 const Normalizer& normalizer, const std::vector<NameCand>& win,
                 const std::vector<std::pair<size_t, size_t>>& pairs, std::vector<Mention>* out);

}  // namespace newskb
