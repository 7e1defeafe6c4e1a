// newskb/extractors/places/dict_extractor.cc
#include "extractors/places/dict_extractor.h"

#include <algorithm>
#include <utility>

#include "extractors/engine/rule_set.h"
#include "extractors/link/gazetteer.h"
#include "extractors/link/name_rules.h"
#include "extractors/link/spans.h"

namespace newskb {
namespace {

struct Cand {
  size_t b = 0, e = 0;
  bool gaz = false;
  bool negative = false;   // a `not` entry: suppresses, never emitted
  std::string name, rule;
};

class DictExtractor : public Extractor {
 public:
  DictExtractor(std::shared_ptr<const Normalizer> norm, std::unique_ptr<RuleSet> rules,
                std::shared_ptr<const Gazetteer> gaz, DictExtractorOptions opts)
      : norm_(std::move(norm)), rules_(std::move(rules)), gaz_(std::move(gaz)), opts_(std::move(opts)) {}

  const char* name() const override { return opts_.name; }

  void Extract(const Document& doc, const NormText& norm, std::vector<Mention>* out) const override {
    const std::string& t = norm.text;
    // Spans (code points) of earlier mentions that absorb ours.
    std::vector<std::pair<size_t, size_t>> taken_spans;
    for (const Mention& m : *out)
      if (std::find(opts_.absorbed_by.begin(), opts_.absorbed_by.end(), m.kind) != opts_.absorbed_by.end())
        taken_spans.emplace_back(m.start, m.end);
    const SpanSet taken(std::move(taken_spans));

    std::vector<Cand> cands;
    for (const GazHit& h : gaz_->FindAll(t)) {
      std::string_view folded(t.data() + h.begin, h.end - h.begin);
      const GazEntry& en = gaz_->entry(h.entries[0]);
      Cand c;
      c.b = h.begin;
      c.e = h.end;
      c.gaz = true;
      c.negative = en.kind == "not";
      if (!c.negative && NeedsUpper(folded) && !HasUpper(BodySpan(doc, norm, h.begin, h.end))) continue;
      c.name = en.canonical;
      c.rule = opts_.rule_prefix + en.canonical;
      cands.push_back(std::move(c));
    }
    for (const RuleMatch& m : rules_->FindAll(t)) {
      size_t b = m.begin, e = m.end;
      if (m.Has("name")) {
        std::string_view g = m.Group("name");
        b = static_cast<size_t>(g.data() - t.data());
        e = b + g.size();
      }
      if (opts_.cut_start && m.Has("head")) {
        const size_t head_b = static_cast<size_t>(m.Group("head").data() - t.data());
        b = opts_.cut_start(t, b, head_b);
        if (b == std::string_view::npos) continue;
      }
      if (e <= b) continue;
      Cand c;
      c.b = b;
      c.e = e;
      c.rule = m.rule->id;
      c.name = Attr(*m.rule, "canonical", "");
      if (c.name.empty()) {
        const std::vector<uint32_t>* ids = gaz_->Lookup(norm_->FoldKey(t.substr(b, e - b)));
        if (ids && !ids->empty()) c.name = gaz_->entry((*ids)[0]).canonical;
      }
      if (c.name.empty()) c.name = std::string(BodySpan(doc, norm, b, e));
      cands.push_back(std::move(c));
    }
    // Overlaps: longest, then gazetteer, then earliest.
    std::vector<size_t> order(cands.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      const Cand &a = cands[x], &b = cands[y];
      if (a.e - a.b != b.e - b.b) return a.e - a.b > b.e - b.b;
      if (a.gaz != b.gaz) return a.gaz;
      return a.b < b.b;
    });
    std::vector<const Cand*> kept;
    DisjointSpans kept_spans;
    for (size_t i : order)
      if (kept_spans.TryAdd(cands[i].b, cands[i].e)) kept.push_back(&cands[i]);
    std::sort(kept.begin(), kept.end(), [](const Cand* a, const Cand* b) { return a->b < b->b; });
    for (const Cand* c : kept) {
      if (c->negative) continue;
      Mention m = MakeMention(opts_.kind, doc, norm, c->b, c->e, c->rule);
      if (taken.Overlaps(m.start, m.end)) continue;
      m.name = c->name;
      out->push_back(std::move(m));
    }
  }

 private:
  std::shared_ptr<const Normalizer> norm_;
  std::unique_ptr<RuleSet> rules_;
  std::shared_ptr<const Gazetteer> gaz_;
  DictExtractorOptions opts_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> MakeDictExtractor(const std::string& rules_dir,
                                                     std::shared_ptr<const Normalizer> normalizer,
                                                     DictExtractorOptions opts) {
  Result<RuleSet> rs = RuleSet::LoadFile(rules_dir + "/" + opts.family + ".json", RuleSetOptions{});
  if (!rs.ok()) return rs.status();
  Result<std::shared_ptr<const Gazetteer>> gaz =
      Gazetteer::LoadFile(rules_dir + "/gazetteer/" + opts.family + ".tsv", *normalizer);
  if (!gaz.ok()) return gaz.status();
  return std::unique_ptr<Extractor>(std::make_unique<DictExtractor>(
      std::move(normalizer), std::make_unique<RuleSet>(std::move(rs).value()), std::move(gaz).value(),
      std::move(opts)));
}

}  // namespace newskb
