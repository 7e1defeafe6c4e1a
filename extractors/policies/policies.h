// newskb/extractors/policies/policies.h
//
// The policy extractor: named laws and acts, executive orders, plans and
// programs, strategies, initiatives, blueprints and reports, alliances and
// partnerships. Mention::policy_kind is one of law, order, program,
// strategy, initiative, alliance, report.
//
// A policy is NAMED (gold/FORMAT.md): inside marks (「」『』《》“”) with a
// head word inside or right after the marks (「城市采矿」计划 -> 城市采矿,
// program; 「汽车以旧换新」补贴政策 -> 汽车以旧换新, program), with an English
// or acronym alias in brackets (金库计划(Project Vault); both of
// 「…倡议」(English Name, MPAI)), as a numbered order (13817号总统令), listed in the gazetteer
// extractors/rules/gazetteer/policies.tsv (国防生产法, 芯片法案), or
// repeating a name so given elsewhere in the document. Descriptions
// without marks (全面的关键矿产战略) are not policies. The name never
// includes the marks. An alliance of producers or companies (「…生产商联盟」)
// is an organization, not a policy (organizations.json org.alliance.*); an
// alliance of states is a policy. A name lying within an organization
// mention found before it (the organizations extractor runs first) is the
// organization's, never a policy (Google規劃了, 《蘋果》法庭記者); a Latin name
// before a policy head with `latin: acronym` needs two capitals (GENIUS法案,
// RESourceEU計畫; not Heiley行動).
//
// Rules: extractors/rules/policies.json; each rule's attrs.kind gives the
// kind; bounding attrs as in organizations/organizations.h. Linking as for
// organizations (link/linker.h): an alias maps to the Chinese name.
//
// Thread safety: immutable after construction; Extract() is const.
#pragma once

#include <memory>
#include <string>

#include "extractors/extractor.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakePolicyExtractor(const std::string& rules_dir,
                                                      std::shared_ptr<const Normalizer> normalizer);

}  // namespace newskb
