// newskb/pipeline/cli/rules_repeats.h
//
// `newskb rules repeats [--rules DIR] [--min-docs N] [--glued] [--text] INPUT...`:
// reads a corpus as ingest does, runs each document through the markup and
// body stages, counts the segments each source repeats
// (pipeline/body/known_repeats.h) and prints, on standard output, the data
// file RULES_DIR/repeats.tsv: the segments held by at least N documents of
// their source (default 10), with the first ids that held them. --glued
// keeps only the segments that stood glued to other text of their line
// (after an ideographic space) in at least half of those documents: a
// notice stuck onto a paragraph, not a sentence of the source's own news
// formula standing as a line of its own ("蔡奇、王毅等参加上述活动。"). --text adds
// the segment's text as a fifth column, for a rule author to review (not
// for the shipped file, which holds no article text).
// scripts/learn-repeats.sh regenerates the shipped file.
#pragma once

#include <string>
#include <vector>

namespace newskb {

// Returns the exit status: 0, 1 (an input could not be read), 2 (usage,
// rules that do not load).
int LearnRepeats(const std::string& rules_dir, const std::vector<std::string>& inputs, int min_documents,
                 bool glued_only, bool with_text);

}  // namespace newskb
