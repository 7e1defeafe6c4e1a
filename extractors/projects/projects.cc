// newskb/extractors/projects/projects.cc
#include "extractors/projects/projects.h"

#include <string_view>

#include "extractors/link/lexicon.h"
#include "extractors/link/word_bounds.h"
#include "extractors/places/dict_extractor.h"
#include "extractors/link/spans.h"

namespace newskb {
namespace {

// Words a project's proper name never opens with after a cut: a nation-wide
// or generic total (全国铁路, 我国铁路, 各地机场).
bool OpensGeneric(std::string_view name) {
  for (std::string_view w : {"全", "我", "各", "本", "国", "该", "这", "此"})
    if (name.compare(0, w.size(), w) == 0) return true;
  return false;
}

// The start of a rule's project name by words: past the last function
// word, verb, numeral or classifier before the head (推进匈塞铁路 ->
// 匈塞铁路, 抵达北京首都国际机场 -> 北京首都国际机场, 究竟廣深港高鐵 ->
// 廣深港高鐵); npos when fewer than two characters of name are left before
// the head (导致机场, 警方研判機場) or what is left opens generically.
size_t CutStart(const Lexicon& lex, std::string_view t, size_t b, size_t head_b) {
  size_t start = b;
  for (const LexWord& w : lex.Segment(t, b, head_b)) {
    if (w.e > head_b) break;
    // A single character of an unknown name gets a noisy tag (万 of 雅万高铁
    // a numeral, 塞 of 匈塞铁路 a verb): cut only at words of two characters
    // or more, or at a one-character preposition or conjunction (以, 因).
    const bool word = Utf8Length(t.substr(w.b, w.e - w.b)) >= 2;
    const bool verb = !w.tag.empty() && w.tag[0] == 'v';
    const bool lead = !w.tag.empty() && (w.tag[0] == 'p' || w.tag[0] == 'c');
    // 至 joins the two ends a line links (池州至黄山高铁): no cut there.
    if (t.compare(w.b, w.e - w.b, "至") == 0) continue;
    if (w.known && ((word && (IsFunctionTag(w.tag) || verb || w.tag == "m" || w.tag == "q")) || lead))
      start = w.e;
  }
  if (start >= head_b || Utf8Length(t.substr(start, head_b - start)) < 2) return std::string_view::npos;
  if (start != b && OpensGeneric(t.substr(start))) return std::string_view::npos;
  return start;
}

}  // namespace

Result<std::unique_ptr<Extractor>> MakeProjectExtractor(const std::string& rules_dir,
                                                        std::shared_ptr<const Normalizer> normalizer) {
  return MakeProjectExtractor(
      rules_dir, normalizer, Lexicon::Load(Lexicon::DefaultPath(), Lexicon::DefaultCompiledPath(), *normalizer));
}

Result<std::unique_ptr<Extractor>> MakeProjectExtractor(const std::string& rules_dir,
                                                        std::shared_ptr<const Normalizer> normalizer,
                                                        const Result<std::shared_ptr<const Lexicon>>& lex) {
  DictExtractorOptions o;
  o.name = "projects";
  o.family = "projects";
  o.kind = MentionKind::kProject;
  o.rule_prefix = "gaz.project:";
  o.absorbed_by = {MentionKind::kOrganization, MentionKind::kPolicy};
  // Without the word lexicon (no jieba dictionary at build time) names are
  // cut by the rules' character classes alone.
  if (lex.ok()) {
    std::shared_ptr<const Lexicon> l = lex.value();
    o.cut_start = [l](std::string_view t, size_t b, size_t head_b) { return CutStart(*l, t, b, head_b); };
  }
  return MakeDictExtractor(rules_dir, std::move(normalizer), std::move(o));
}

}  // namespace newskb
