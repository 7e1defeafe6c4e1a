// newskb/extractors/places/dict_extractor.h
//
// A dictionary-plus-rules extractor for entity kinds whose names are mostly
// a closed list: places (countries, regions, blocs, states, cities) and
// commodities (metals, minerals, materials, products). Shared by
// extractors/places and extractors/commodities; each is this class with its
// own files and options.
//
// Sources, over the document's NORMALISED text:
//   1. the gazetteer rules/gazetteer/<family>.tsv (format and matcher of
//      extractors/link/gazetteer.h: `canonical <TAB> kind <TAB> alias|...`,
//      one trie pass, longest alias at each start). Latin aliases of fewer
//      than five letters count only where the body has an upper-case letter
//      (US, not "us"). Entries of kind `not` are words that contain a name
//      but are not one (硅谷 for 硅, 无锡 for 锡, 马里奥 for 马里): matched
//      like the others (the longest wins) and then dropped.
//   2. the rule family rules/<family>.json (extractors/engine): each rule's
//      group `name` (else the whole match) is a candidate; its canonical name
//      is attrs.canonical if given, else the gazetteer entity whose alias the
//      name is, else the name as written in the body.
// Overlaps: longest span, then gazetteer before rules, then earlier start.
// A candidate overlapping a mention of a kind in `absorbed_by` that an
// EARLIER extractor appended to `out` is dropped: 美国 in 美国能源部 is part
// of an organization, 稀土 in 稀土循环利用法案 part of a policy, 硅 in 硅谷
// part of a place. So these extractors must be registered after the
// organization and policy extractors (and commodities after places).
//
// Mentions: kind `kind`, `name` = the canonical name (美國 for 美国, US,
// U.S.A.), rule "gaz.<short>:<canonical>" or the rule's id.
//
// Thread safety: immutable after construction; Extract() is const.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "extractors/extractor.h"

namespace newskb {

struct DictExtractorOptions {
  const char* name = "";               // Extractor::name(): "places", "commodities"
  std::string family;                  // file stem: rules/<family>.json, gazetteer/<family>.tsv
  MentionKind kind = MentionKind::kPlace;
  std::string rule_prefix;             // "gaz.place:"
  std::vector<MentionKind> absorbed_by;  // kinds whose mentions swallow ours
  // Optional: where a rule's name really starts. Called for the matches of
  // rules with a group `head` as cut_start(text, name_begin, head_begin);
  // returns the new begin (<= head_begin), or npos to drop the match.
  std::function<size_t(std::string_view, size_t, size_t)> cut_start;
};

Result<std::unique_ptr<Extractor>> MakeDictExtractor(const std::string& rules_dir,
                                                     std::shared_ptr<const Normalizer> normalizer,
                                                     DictExtractorOptions opts);

}  // namespace newskb
