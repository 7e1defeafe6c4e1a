// newskb/extractors/figures/word_table.h
//
// Small word tables that the figure and date extractors read from TSV
// files under extractors/rules/ (figure_words.tsv, date_words.tsv):
//   table<TAB>word<TAB>value      '#' lines and blank lines are comments.
// Words are folded with Normalizer::Fold at load time, so a table may be
// written in Traditional or Simplified, any width, any case, and is looked
// up with text taken from the normalised NormText.
//
// Also the rule-attribute helpers both extractors share:
//   not_after  "w1|w2"  the match is dropped if the text before it ends with one
//   not_before "w1|w2"  the match is dropped if the text after it starts with one
//
// Thread safety: immutable after Load; lookups are const.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/engine/rule_set.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/status.h"

namespace newskb {

class WordTables {
 public:
  static Result<WordTables> Load(const std::string& path, const Normalizer& norm);
  // The value of `word` (folded text) in `table`, or nullptr.
  const std::string* Find(std::string_view table, std::string_view word) const;
  // Every word of a table (folded), longest first.
  std::vector<std::string> Words(std::string_view table) const;

 private:
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> tables_;
};

// A rule's attribute, or `def`.
std::string RuleAttr(const Rule& r, const std::string& key, const std::string& def = "");
// Splits "a|b|c" (empty parts dropped).
std::vector<std::string> SplitBar(std::string_view s);
// True if text[..b) ends with one of `words` or text[e..) starts with one of
// `after_words`.
bool EndsWithAny(std::string_view text, size_t b, const std::vector<std::string>& words);
bool StartsWithAny(std::string_view text, size_t e, const std::vector<std::string>& words);
// True if byte b of text lies inside book-title marks 《...》 (a title:
// 《十年》 is a film, 《2025年春节联欢晚会》 a programme).
bool InTitleMarks(std::string_view text, size_t b);

}  // namespace newskb
