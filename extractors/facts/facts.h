// newskb/extractors/facts/facts.h
//
// The facts stage: ties every figure to who and what it describes.
// Runs after all extractors over one document's mentions (ExtractAll order)
// and returns Fact{subject, predicate, object, figure, date, rule}.
//
// The pass is a sequence of named steps (steps.h; method and vocabulary in
// extractors/facts/README.md):
//   1. clauses      sentences cut at , ; : ! ? 。 and line breaks (not at a
//                   comma between digits); periods (sentences joined by ;)
//                   and paragraphs (line breaks)
//   2. cues         the rules of rules/facts.json over each period with a
//                   figure; each figure's predicate (best cue of its clause
//                   serving its unit class, else the class's default)
//   3. marks        prepositions, spans (包括…在内, X表示), descriptors and
//                   coordination mark entities; anaphors (该公司, 該計畫, 其)
//                   stand for the nearest earlier entity of their kind in
//                   the paragraph
//   4. roles        subject: the first unmarked entity before the figure in
//                   its clause, else its possessor, else in the period's
//                   other clauses, else the speaker (X表示，…) unless the
//                   clause names its own subject; object: an entity after
//                   the figure, else between subject and figure, else in
//                   the next clause
//   5. date         the clause's date nearest the figure, else the
//                   sentence's leading adverbial
//   6. topic        a figure whose period names no subject takes the topic
//                   of an earlier sentence of its paragraph
// 从 A 降至 B gives two facts with one predicate (rule fact.from_to).
// A figure with neither subject nor object gives no fact.
//
// Thread safety: immutable after construction; Extract() is const.
// Cost: one RE2::Set pass over each period that holds a figure, then
// linear in the document's length: every search is bounded by a window of
// steps.h (about 0.5 s per MB of news on one core, flat from 0.5 to 32 MB).
#pragma once

#include <memory>
#include <string>

#include "extractors/extractor.h"
#include "extractors/link/lexicon.h"

namespace newskb {

// Loads rules_dir/facts.json and the organizations' classes of
// rules_dir/gazetteer/organizations.tsv. An error names the file, line and
// rule.
Result<std::unique_ptr<FactExtractor>> MakeFactExtractor(const std::string& rules_dir,
                                                         std::shared_ptr<const Normalizer> normalizer);
// The same with jieba's word lexicon loaded once by the caller (registry.cc),
// for the verbs before an entity (facts::MarkObjectsOfVerbs); without it (an
// error result) no entity counts as a verb's object.
Result<std::unique_ptr<FactExtractor>> MakeFactExtractor(const std::string& rules_dir,
                                                         std::shared_ptr<const Normalizer> normalizer,
                                                         const Result<std::shared_ptr<const Lexicon>>& lexicon);

// The unit class of a figure's unit: "money" (ISO 4217, CUR?), "percent",
// "duration" (year, month, day, hour), "count", "mass" (t, kg), "rate" (A/B),
// "other".
std::string UnitClass(const std::string& unit);

}  // namespace newskb
