// newskb/pipeline/kb/display_form.h
//
// Which of an entity's surface forms the views show: the form its documents
// write most often, so that an entity is named as readers and analysts name
// it (台積電 rather than the registry's 台灣積體電路製造, 國資委 rather than
// 國務院國有資產監督管理委員會), while the official (gazetteer's) name stays
// an alias and is shown beside it by `newskb entity` and `newskb stats`.
//
//   std::vector<FormCount> forms = {{"台积电", "台積電", 7, false},
//                                   {"台湾积体电路制造", "台灣積體電路製造", 2, false}};
//   int i = ChooseDisplayForm(forms, "台湾积体电路制造");   // 0: 台積電
//
// Rules, in order:
//   1. a form that is ambiguous (its key is an alias of another entity too,
//      of any kind) is never chosen;
//   2. the most mentions win (counted per folded key: 台積電 and 台积电 are
//      one form; the knowledge base converts the winner to its display script);
//   3. a tie goes to the official name's key, then to the longest form (code
//      points), then to the smaller form in byte order (so the choice never
//      depends on the order rows are read in).
// The result is the index of the chosen form, or -1 when the official name
// is shown (it won, or no form qualifies). A name changes only when another
// form becomes strictly more frequent than the one shown (or the one shown
// becomes ambiguous).
//
// Pure function of its arguments; thread-safe; cost linear in forms.size().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newskb {

struct FormCount {
  std::string key;        // folded (Normalizer::FoldKey): one per form, whatever its script
  std::string form;       // the form as first written
  int64_t count = 0;      // mentions of the entity written in this form
  bool ambiguous = false; // `key` is an alias of another entity too
};

int ChooseDisplayForm(const std::vector<FormCount>& forms, std::string_view official_key);

}  // namespace newskb
