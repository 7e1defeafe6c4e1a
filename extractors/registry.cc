// newskb/extractors/registry.cc: the one place that lists the extractors.
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "extractors/extractor.h"
// Each family's factory: Result<std::unique_ptr<Extractor>> Make...Extractor(
//     const std::string& rules_dir, std::shared_ptr<const Normalizer> norm);
// REGISTRY-INCLUDES (one line per family, keep this marker)
#include "extractors/dates/dates.h"
#include "extractors/figures/figures.h"
#include "extractors/organizations/organizations.h"
#include "extractors/policies/policies.h"
#include "extractors/places/places.h"
#include "extractors/commodities/commodities.h"
#include "extractors/indicators/indicators.h"
#include "extractors/projects/projects.h"
#include "extractors/actors/actors.h"
#include "extractors/facts/facts.h"

namespace newskb {

namespace {

// True if the mention's text starts with an ASCII digit.
bool StartsWithDigit(const Mention& m) { return !m.text.empty() && m.text[0] >= '0' && m.text[0] <= '9'; }

// A figure read from the digits that start an organization's name (1111 of
// 1111人力銀行 read as "1111人", of 1111所有 as "1111所"; 104人力銀行, 3M公司)
// is part of the name, not a count: dropped. The figures run first and see
// no names, so this is decided once both are found.
void DropFiguresInsideNames(std::vector<Mention>* out) {
  std::vector<size_t> starts;
  for (const Mention& m : *out)
    if (m.kind == MentionKind::kOrganization && StartsWithDigit(m)) starts.push_back(m.start);
  if (starts.empty()) return;
  std::sort(starts.begin(), starts.end());
  out->erase(std::remove_if(out->begin(), out->end(),
                            [&](const Mention& m) {
                              return m.kind == MentionKind::kFigure &&
                                     std::binary_search(starts.begin(), starts.end(), m.start);
                            }),
             out->end());
}

}  // namespace

std::vector<Mention> ExtractorSet::ExtractAll(const Document& doc, const NormText& norm) const {
  std::vector<Mention> out;
  for (const auto& e : list_) e->Extract(doc, norm, &out);
  DropFiguresInsideNames(&out);
  std::stable_sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  return out;
}

std::vector<Fact> ExtractorSet::ExtractFacts(const Document& doc, const NormText& norm,
                                             const std::vector<Mention>& mentions) const {
  std::vector<Fact> out;
  if (facts_) facts_->Extract(doc, norm, mentions, &out);
  return out;
}

std::string DefaultRulesDir() {
  if (const char* env = std::getenv("NEWSKB_RULES"); env && *env) return env;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "share/newskb/rules";
  const std::filesystem::path dir = exe.parent_path();
  const std::filesystem::path installed = dir / ".." / "share" / "newskb" / "rules";
  for (const std::filesystem::path& p : {installed, dir / "share" / "newskb" / "rules"})
    if (std::filesystem::is_directory(p, ec)) return std::filesystem::weakly_canonical(p, ec).string();
  return std::filesystem::weakly_canonical(installed, ec).string();  // named in the error that follows
}

Result<std::shared_ptr<const ExtractorSet>> LoadExtractors(
    const std::string& rules_dir, std::shared_ptr<const Normalizer> normalizer) {
  auto set = std::make_shared<ExtractorSet>();
  auto add = [&](Result<std::unique_ptr<Extractor>> r) -> Status {
    if (!r.ok()) return r.status();
    set->Add(std::move(r).value());
    return Status::Ok();
  };
  (void)add;
  // REGISTRY-CALLS (one line per family, e.g.
  //   if (Status s = add(MakeFigureExtractor(rules_dir, normalizer)); !s.ok()) return s;)
  if (Status s = add(MakeFigureExtractor(rules_dir, normalizer)); !s.ok()) return s;
  if (Status s = add(MakeDateExtractor(rules_dir, normalizer)); !s.ok()) return s;
  // jieba's word lexicon, loaded once for the families that segment words.
  const Result<std::shared_ptr<const Lexicon>> lexicon =
      Lexicon::Load(Lexicon::DefaultPath(), Lexicon::DefaultCompiledPath(), *normalizer);
  if (Status s = add(MakeOrganizationExtractor(rules_dir, normalizer, lexicon)); !s.ok()) return s;
  if (Status s = add(MakePolicyExtractor(rules_dir, normalizer)); !s.ok()) return s;
  // Places and commodities read the organization/policy (and place) mentions
  // appended before them: keep them after those.
  // Projects (綦江页岩气田) hold places and commodities: before those.
  if (Status s = add(MakeProjectExtractor(rules_dir, normalizer, lexicon)); !s.ok()) return s;
  if (Status s = add(MakePlaceExtractor(rules_dir, normalizer)); !s.ok()) return s;
  if (Status s = add(MakeCommodityExtractor(rules_dir, normalizer)); !s.ok()) return s;
  if (Status s = add(MakeIndicatorExtractor(rules_dir, normalizer, lexicon)); !s.ok()) return s;
  // Actors (中央财政, 民营企业) give way to every kind found before them: last.
  if (Status s = add(MakeActorExtractor(rules_dir, normalizer)); !s.ok()) return s;
  if (auto f = MakeFactExtractor(rules_dir, normalizer, lexicon); f.ok()) set->SetFactExtractor(std::move(f).value());
  else return f.status();
  return std::shared_ptr<const ExtractorSet>(std::move(set));
}

}  // namespace newskb
