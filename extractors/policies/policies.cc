// newskb/extractors/policies/policies.cc
#include "extractors/policies/policies.h"

#include <algorithm>
#include <map>
#include <utility>

#include "extractors/engine/rule_set.h"
#include "extractors/link/gazetteer.h"
#include "extractors/link/name_rules.h"
#include "extractors/link/spans.h"

namespace newskb {
namespace {

class PolicyExtractor : public Extractor {
 public:
  PolicyExtractor(std::shared_ptr<const Normalizer> norm, std::unique_ptr<RuleSet> rules,
                  std::shared_ptr<const Gazetteer> gaz, NameLists lists,
                  std::shared_ptr<const WordList> media, std::shared_ptr<const WordList> cues,
                  std::shared_ptr<const WordList> prefixes)
      : norm_(std::move(norm)), rules_(std::move(rules)), gaz_(std::move(gaz)),
        lists_(std::move(lists)), media_(std::move(media)), cues_(std::move(cues)),
        prefixes_(std::move(prefixes)) {}

  const char* name() const override { return "policies"; }

  void Extract(const Document& doc, const NormText& norm, std::vector<Mention>* out) const override {
    const std::string& t = norm.text;
    std::vector<NameCand> cands;
    for (const GazHit& h : gaz_->FindAll(t)) {
      std::string_view folded(t.data() + h.begin, h.end - h.begin);
      if (NeedsUpper(folded) && !HasUpper(BodySpan(doc, norm, h.begin, h.end))) continue;
      NameCand c;
      c.b = h.begin;
      c.e = h.end;
      c.prio = 100;
      const GazEntry& g = gaz_->entry(h.entries[0]);
      c.rule = "gaz.policy:" + g.canonical;
      c.kind = g.kind;
      c.from_gazetteer = true;
      cands.push_back(std::move(c));
    }
    std::vector<std::pair<size_t, size_t>> pair_idx;
    std::vector<RuleMatch> paren;
    for (const RuleMatch& m : rules_->FindAll(t)) {
      std::string role = Attr(*m.rule, "role", "name");
      if (role == "paren_alias") {
        paren.push_back(m);
        continue;
      }
      NameCand c;
      if (!BoundName(m, "name", t, doc, norm, lists_, &c)) continue;
      if (!IsPolicyTitle(m, c, t)) continue;
      if (role == "name_with_alias" && m.Has("alias")) {
        // The bracketed alias is the evidence that the name is a name: when
        // it is refused (礦物(critical minerals): not capitalised), so is the name.
        NameCand a;
        if (!BoundName(m, "alias", t, doc, norm, lists_, &a)) continue;
        cands.push_back(c);
        cands.push_back(a);
        pair_idx.emplace_back(cands.size() - 2, cands.size() - 1);
        continue;
      }
      cands.push_back(c);
    }
    std::vector<size_t> kept = ResolveCands(cands);
    std::vector<NameCand> win;
    std::vector<std::pair<size_t, size_t>> pairs;
    std::map<size_t, size_t> idx;
    for (size_t k : kept) {
      idx[k] = win.size();
      win.push_back(cands[k]);
    }
    for (auto [a, b] : pair_idx)
      if (idx.count(a) && idx.count(b)) pairs.emplace_back(idx[a], idx[b]);
    AddParenAliases(paren, t, doc, norm, lists_, &win, &pairs);
    AddRepeats(t, doc, norm, *norm_, lists_, "policy", &win);
    AddShortForms(t, &win, &pairs);
    std::vector<Mention> mine;
    EmitAndLink(doc, norm, MentionKind::kPolicy, gaz_.get(), *norm_, win, pairs, &mine);
    DropInsideOrganizations(*out, &mine);
    for (Mention& m : mine) out->push_back(std::move(m));
  }

  // A law or plan given by its full title (《中華人民共和國香港特別行政區基本法》,
  // 《中華民國刑法》) is then written without its jurisdiction: the title less
  // the prefixes of gazetteer/policy_prefixes.txt (基本法), three characters
  // or more (刑法 of 《中華民國刑法》 is too short to stand alone) and no
  // generic word of not_policies.txt, is a repeat of it wherever it stands in the document, linked to
  // the full title (rule policy.short_form). A name found on its own with
  // the short form's text is linked to the full title too.
  void AddShortForms(std::string_view t, std::vector<NameCand>* win,
                     std::vector<std::pair<size_t, size_t>>* pairs) const {
    LiteralTrie trie;
    std::vector<size_t> owner;  // trie payload -> index of the full title in *win
    std::map<std::string, size_t> seen;
    for (size_t i = 0; i < win->size(); ++i) {
      const NameCand& c = (*win)[i];
      if (c.from_gazetteer) continue;
      size_t b = c.b, cut = 0;
      while ((cut = prefixes_->MatchAt(t, b)) > 0 && b + cut < c.e) b += cut;
      if (b == c.b) continue;
      std::string key(t.substr(b, c.e - b));
      if (Utf8Length(key) < 3 || lists_.not_names->Contains(key) || seen.count(key)) continue;
      seen[key] = owner.size();
      trie.Add(key, static_cast<uint32_t>(owner.size()));
      owner.push_back(i);
    }
    if (trie.empty()) return;
    GrowingSpans spans;
    std::map<std::pair<size_t, size_t>, size_t> on_span;
    for (size_t i = 0; i < win->size(); ++i) {
      spans.Add((*win)[i].b, (*win)[i].e);
      on_span[{(*win)[i].b, (*win)[i].e}] = i;
    }
    for (const GazHit& h : trie.FindAll(t)) {
      size_t full = owner[h.entries[0]];
      if (auto same = on_span.find({h.begin, h.end}); same != on_span.end()) {
        if (same->second != full) pairs->emplace_back(full, same->second);
        continue;
      }
      if (spans.Overlaps(h.begin, h.end)) continue;
      NameCand c;
      c.b = h.begin;
      c.e = h.end;
      c.prio = (*win)[full].prio;
      c.rule = "policy.short_form";
      c.kind = (*win)[full].kind;
      spans.Add(c.b, c.e);
      win->push_back(c);
      pairs->emplace_back(full, win->size() - 1);
    }
  }

  // The checks a name from marks passes beyond its rule's bounds
  // (BoundName): its rule's `not_start` words (「忠於憲法」 is an oath:
  // a verb before the law); a quotation holding a clause (，；！？。) is
  // speech, not a title, unless in book-title marks; a title ending in a
  // media head (《人民日報》, 《新聞聯播》: gazetteer/media_titles.txt) or
  // marked next to a word of works and media (電影《紅海行動》, 《XX聯盟》
  // 上映: gazetteer/work_cues.txt) names a newspaper,
  // programme or work, never a policy.
  bool IsPolicyTitle(const RuleMatch& m, const NameCand& c, std::string_view t) const {
    std::string_view name = t.substr(c.b, c.e - c.b);
    if (StartsWithAnyWord(name, Attr(*m.rule, "not_start", ""))) return false;
    std::string_view open = OpeningMarkAt(t, m.begin);
    if (open.empty()) return true;  // not a name from marks
    if (open != "《") {
      for (std::string_view p : {",", ";", "!", "?", "。"})
        if (name.find(p) != std::string_view::npos) return false;
    }
    if (media_->EndsWithEntry(name)) return false;
    if (PrecededBy(t, m.begin, *cues_)) return false;
    for (std::string_view close : {"》", "」", "』", "”"})
      if (t.substr(c.e, close.size()) == close) return cues_->MatchAt(t, c.e + close.size()) == 0;
    return true;
  }

  // The opening mark (《「『“) at t[pos], or empty.
  static std::string_view OpeningMarkAt(std::string_view t, size_t pos) {
    for (std::string_view open : {"《", "「", "『", "“"})
      if (t.substr(pos, open.size()) == open) return open;
    return {};
  }

  // A policy candidate lying within an organization mention already found
  // (the organizations extractor runs first) is the organization's name or
  // part of it: a brand, company or body is never a policy (Google規劃了,
  // 《蘋果》法庭記者, LINE行動).
  static void DropInsideOrganizations(const std::vector<Mention>& found, std::vector<Mention>* mine) {
    std::vector<std::pair<size_t, size_t>> orgs;
    for (const Mention& m : found)
      if (m.kind == MentionKind::kOrganization) orgs.emplace_back(m.start, m.end);
    if (orgs.empty()) return;
    mine->erase(std::remove_if(mine->begin(), mine->end(),
                               [&](const Mention& p) {
                                 for (auto [b, e] : orgs)
                                   if (b <= p.start && p.end <= e) return true;
                                 return false;
                               }),
                mine->end());
  }

 private:
  std::shared_ptr<const Normalizer> norm_;
  std::unique_ptr<RuleSet> rules_;
  std::shared_ptr<const Gazetteer> gaz_;
  NameLists lists_;
  std::shared_ptr<const WordList> media_;  // title endings of newspapers, programmes
  std::shared_ptr<const WordList> cues_;   // words of works and media next to a title
  std::shared_ptr<const WordList> prefixes_;  // jurisdictions a short form drops
};

}  // namespace

Result<std::unique_ptr<Extractor>> MakePolicyExtractor(const std::string& rules_dir,
                                                      std::shared_ptr<const Normalizer> normalizer) {
  Result<RuleSet> rs = RuleSet::LoadFile(rules_dir + "/policies.json", RuleSetOptions{});
  if (!rs.ok()) return rs.status();
  auto gaz = Gazetteer::LoadFile(rules_dir + "/gazetteer/policies.tsv", *normalizer);
  if (!gaz.ok()) return gaz.status();
  auto lists = NameLists::Load(rules_dir + "/gazetteer", *normalizer, "policies");
  if (!lists.ok()) return lists.status();
  auto media = WordList::LoadFile(rules_dir + "/gazetteer/media_titles.txt", *normalizer);
  if (!media.ok()) return media.status();
  auto cues = WordList::LoadFile(rules_dir + "/gazetteer/work_cues.txt", *normalizer);
  if (!cues.ok()) return cues.status();
  auto prefixes = WordList::LoadFile(rules_dir + "/gazetteer/policy_prefixes.txt", *normalizer);
  if (!prefixes.ok()) return prefixes.status();
  return std::unique_ptr<Extractor>(new PolicyExtractor(
      std::move(normalizer), std::make_unique<RuleSet>(std::move(rs).value()),
      std::move(gaz).value(), std::move(lists).value(), std::move(media).value(),
      std::move(cues).value(), std::move(prefixes).value()));
}

}  // namespace newskb
