// newskb/extractors/facts/facts.h
//
// The facts stage: ties every figure to who and what it describes.
// Runs after all extractors over one document's mentions (ExtractAll order)
// and returns Fact{subject, predicate, object, figure, date, rule}.
//
// The unit of reading is the CLAUSE: a stretch of one sentence between
// `,` `;` `:` `。` `!` `?` and line breaks of the normalised text (a comma
// between digits does not count). Nothing ever crosses a sentence.
// For each figure:
//   predicate  the best cue of rules/facts.json in the figure's clause that
//              serves the figure's unit class (money, percent, duration,
//              count, mass, rate): highest priority, then nearest; else the
//              unit class's default (the `fact.defaults` rule).
//   subject    the first entity (organization, policy or place) of the
//              clause before the figure that no preposition or span rule
//              marks (从/向/为/在/受/据 ..., 包括…在内, X表示); else an entity
//              right after the figure joined by 的 (近20亿美元的美国私营部门
//              投资); else the same search in the previous clauses of the
//              sentence, nearest first (Chinese drops a repeated subject);
//              else in the following clauses (在过去六个月里，白宫…).
//   object     an entity after the figure in its clause (60%的稀土开采);
//              else the entity nearest before the figure, after the subject,
//              that is not coordinated with it (购买嘉能可…40%的股份, 对中国
//              依赖度); else the first entity of the next clause when that
//              clause has no figure (投入4亿美元，成为MP Materials最大股东).
//              Commodities are objects, and subjects only when the sentence
//              names no other entity.
//   date       the date mention of the clause nearest the figure; else the
//              nearest date before it in a clause of the same sentence that
//              holds no figure (the leading adverbial: 2025年7月，国防部…).
// 从 A 降至 B gives two facts with one predicate (rule fact.from_to).
// A figure with neither subject nor object gives no fact.
// Vocabulary and rules: extractors/facts/README.md.
//
// Thread safety: immutable after construction; Extract() is const.
// Cost: one RE2::Set pass over each period (sentences joined by a
// semicolon) that holds a figure, then linear in the mentions of each
// sentence.
#pragma once

#include <memory>
#include <string>

#include "extractors/extractor.h"

namespace newskb {

// Loads rules_dir/facts.json. An error names the file, line and rule.
Result<std::unique_ptr<FactExtractor>> MakeFactExtractor(const std::string& rules_dir,
                                                         std::shared_ptr<const Normalizer> normalizer);

// The unit class of a figure's unit: "money" (ISO 4217, CUR?), "percent",
// "duration" (year, month, day, hour), "count", "mass" (t, kg), "rate" (A/B),
// "other".
std::string UnitClass(const std::string& unit);

}  // namespace newskb
