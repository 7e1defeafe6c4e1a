// newskb/extractors/mask/masker.h
//
// Where figures and dates are not: URLs, host names, e-mail addresses,
// percent-encoding (%E3%80%8C is 「, not 80%), HTML tags and character
// references, Markdown link targets and code spans, file names, hashtags,
// telephone numbers, stock codes (台積電（2330）) and product or model numbers
// (F-35, H5N1, A100). The spans come from one rule family,
// extractors/rules/masks.json (kind "mask", with examples), run as one
// RE2::Set pass per line of the text.
//
//   Result<Masker> m = Masker::Load(rules_dir);
//   std::string masked;
//   std::string_view t = m->Mask(norm.text.substr(b, n), &masked);
//   // t has the same length as the input; every masked byte is kMaskByte,
//   // every other byte is the input's own, so offsets into t are offsets
//   // into the input (and the NormText offset map stays exact).
//
// The figure and date extractors match their rules on the masked text; the
// other families see the text unchanged (an organization rule may read a
// stock code). Masked bytes are never part of a figure or date: no rule
// pattern matches kMaskByte.
//
// Cost: a scan for trigger bytes ('%', '@', '/', '<', '#', '(', '&', '`',
// '+', '.', '-', ASCII letters, and phone/code words); only a text holding
// one runs the rule pass. Thread safety: immutable after Load; Mask() is const.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/engine/rule_set.h"
#include "pipeline/text/status.h"

namespace newskb {

class Masker {
 public:
  // The byte that replaces every masked byte (ASCII unit separator: no
  // prose contains it and no rule pattern matches it).
  static constexpr char kMaskByte = '\x1f';

  // Loads rules_dir/masks.json (with the folder's shared macros.json).
  static Result<Masker> Load(const std::string& rules_dir);

  // `text` with every mask span blanked. Returns `text` itself when nothing
  // is masked, else a view of *buffer (which it fills). Same length always.
  std::string_view Mask(std::string_view text, std::string* buffer) const;

  // The mask spans of `text` as [begin, end) byte pairs, in text order,
  // merged where they overlap (for tests and `rules explain`).
  std::vector<std::pair<size_t, size_t>> Spans(std::string_view text) const;

 private:
  explicit Masker(std::shared_ptr<const RuleSet> rules) : rules_(std::move(rules)) {}
  std::shared_ptr<const RuleSet> rules_;
};

}  // namespace newskb
