// newskb/extractors/extractor.h
//
// The extractor interface: a document and its normalised text in, mentions
// out. Each kind of mention (figures, dates, organizations, policies, ...)
// has one Extractor; the pipeline runs every registered extractor over every
// document and stores what they return.
//
// Contract for Extract():
//   * every Mention has start/end in code points of doc.body and
//     text == body[start, end) exactly (use MakeMention below);
//   * every Mention names the rule (or dictionary entry) that produced it;
//   * one span gives at most one mention of a kind (overlaps resolved inside
//     the extractor, by the engine's documented policy);
//   * no exceptions; an extractor that cannot work was refused at Load time.
//
// Thread safety: Extract() is const and may run on many threads at once over
// the same Extractor; all compiled state is immutable after construction.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/document.h"
#include "pipeline/text/status.h"

namespace newskb {

class Extractor {
 public:
  virtual ~Extractor() = default;
  // Short stable name: "figures", "dates", "organizations", "policies", ...
  virtual const char* name() const = 0;
  // Appends this extractor's mentions to *out.
  virtual void Extract(const Document& doc, const NormText& norm,
                       std::vector<Mention>* out) const = 0;
  // What the extractor works without, said once when it was loaded (a data
  // file it degrades without: "no word lexicon ..."); empty if nothing.
  virtual std::vector<std::string> LoadNotes() const { return {}; }
};

// A Mention spanning normalised bytes [b, e) of `norm`, with its text taken
// from the body so the contract's substr invariant holds.
inline Mention MakeMention(MentionKind kind, const Document& doc, const NormText& norm,
                           size_t b, size_t e, std::string rule) {
  Mention m;
  m.kind = kind;
  m.start = norm.BodyStart(b);
  m.end = norm.BodyEnd(e);
  m.text = std::string(norm.BodyText(doc.body, m.start, m.end));
  m.rule = std::move(rule);
  return m;
}

// The facts stage: runs after all extractors, reads the document's mentions
// (in ExtractAll order) and ties figures to what they describe.
class FactExtractor {
 public:
  virtual ~FactExtractor() = default;
  virtual void Extract(const Document& doc, const NormText& norm, const std::vector<Mention>& mentions,
                       std::vector<Fact>* out) const = 0;
};

// The ordered list of extractors the pipeline runs. Immutable once built;
// shared by all worker threads.
class ExtractorSet {
 public:
  void Add(std::unique_ptr<Extractor> e) { list_.push_back(std::move(e)); }
  void SetFactExtractor(std::unique_ptr<FactExtractor> f) { facts_ = std::move(f); }
  const std::vector<std::unique_ptr<Extractor>>& list() const { return list_; }
  // Runs every extractor; mentions in document order (start, then end). A
  // figure read from the digits that start an organization's name (1111 of
  // 1111人力銀行) is dropped: it is part of the name.
  std::vector<Mention> ExtractAll(const Document& doc, const NormText& norm) const;
  // Runs the facts stage over ExtractAll's mentions (none if no stage is set).
  std::vector<Fact> ExtractFacts(const Document& doc, const NormText& norm,
                                 const std::vector<Mention>& mentions) const;

 private:
  std::vector<std::unique_ptr<Extractor>> list_;
  std::unique_ptr<FactExtractor> facts_;
};

// Where the rule and dictionary files live: $NEWSKB_RULES if set, else
// beside the running binary: BINDIR/../share/newskb/rules (an installed
// copy: PREFIX/bin/newskb and PREFIX/share/newskb/rules), else
// BINDIR/share/newskb/rules (the build tree, where CMake links it to the
// source tree's extractors/rules). Never a path compiled into the binary.
std::string DefaultRulesDir();

// Loads every extractor from the rule files under `rules_dir`
// (extractors/registry.cc is the one place that lists them). A bad rule file
// is an error naming file, line and rule id.
Result<std::shared_ptr<const ExtractorSet>> LoadExtractors(
    const std::string& rules_dir, std::shared_ptr<const Normalizer> normalizer);

}  // namespace newskb
