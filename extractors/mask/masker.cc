// newskb/extractors/mask/masker.cc
#include "extractors/mask/masker.h"

#include <algorithm>

namespace newskb {
namespace {

// True if `text` holds a byte any mask rule needs: the rule pass is skipped
// for plain Chinese prose with digits only.
bool MayHoldMask(std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '%': case '@': case '/': case '<': case '#': case '(': case '&':
      case '`': case '+': case ']': case '-':
        return true;
      default:
        if (c >= 'a' && c <= 'z') return true;
    }
  }
  // Phone and code words (normalised, Simplified): 电话 手机 热线 专线 传真 客服 代码 代号.
  for (std::string_view w : {"电话", "手机", "热线", "专线", "传真", "客服", "代码", "代号"})
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}

}  // namespace

Result<Masker> Masker::Load(const std::string& rules_dir) {
  Result<RuleSet> rs = RuleSet::LoadFile(rules_dir + "/masks.json", RuleSetOptions{});
  if (!rs.ok()) return rs.status();
  return Masker(std::make_shared<const RuleSet>(std::move(rs).value()));
}

std::vector<std::pair<size_t, size_t>> Masker::Spans(std::string_view text) const {
  std::vector<std::pair<size_t, size_t>> spans;
  if (!MayHoldMask(text)) return spans;
  for (const RuleMatch& m : rules_->FindAll(text))
    if (m.end > m.begin) spans.emplace_back(m.begin, m.end);
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& s : spans) {
    if (!merged.empty() && s.first <= merged.back().second) merged.back().second = std::max(merged.back().second, s.second);
    else merged.push_back(s);
  }
  return merged;
}

std::string_view Masker::Mask(std::string_view text, std::string* buffer) const {
  std::vector<std::pair<size_t, size_t>> spans = Spans(text);
  if (spans.empty()) return text;
  buffer->assign(text.data(), text.size());
  for (const auto& [b, e] : spans) std::fill(buffer->begin() + b, buffer->begin() + e, kMaskByte);
  return *buffer;
}

}  // namespace newskb
