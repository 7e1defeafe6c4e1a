// newskb/extractors/organizations/short_forms.cc
#include "extractors/organizations/short_forms.h"

#include <algorithm>

#include "extractors/link/linker.h"
#include "extractors/link/spans.h"

namespace newskb {
namespace {

// True if `w` is Han characters only (no ASCII letter, digit or mark) and
// two of them or more: a word whose first character abbreviates it.
bool HanWord(std::string_view w) {
  if (Utf8Length(w) < 2 || !HasHan(w)) return false;
  return std::none_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string_view FirstChar(std::string_view w) { return w.substr(0, Utf8CharLen(w, 0)); }

void Add(std::vector<DerivedForm>* out, std::string text, ShortFormPattern p, std::string_view whole) {
  if (Utf8Length(text) < 2 || text == whole) return;
  for (const DerivedForm& f : *out)
    if (f.text == text) return;
  out->push_back({std::move(text), p});
}

}  // namespace

const char* ShortFormPatternName(ShortFormPattern p) {
  switch (p) {
    case ShortFormPattern::kInitials: return "initials";
    case ShortFormPattern::kPlaceDropped: return "place_dropped";
    case ShortFormPattern::kHeadAlone: return "head_alone";
  }
  return "?";
}

std::vector<DerivedForm> DeriveShortForms(const std::vector<std::string_view>& words, const NameShape& shape) {
  std::vector<DerivedForm> out;
  std::string whole;
  for (std::string_view w : words) whole += w;
  if (words.size() < 2 || shape.legal_words > words.size()) return out;
  // initials: the last two words before the legal forms.
  size_t end = words.size() - shape.legal_words;
  auto whole_or_no_place = [&](size_t i) {
    size_t p = i < shape.place_prefix.size() ? shape.place_prefix[i] : 0;
    return p == 0 || p == words[i].size();
  };
  if (end >= 2 && shape.last_is_head && !(shape.member_head && end == words.size()) &&
      HanWord(words[end - 2]) && HanWord(words[end - 1]) && whole_or_no_place(end - 2) &&
      whole_or_no_place(end - 1))
    Add(&out, std::string(FirstChar(words[end - 2])) + std::string(FirstChar(words[end - 1])),
        ShortFormPattern::kInitials, whole);
  // head_alone: the last word, after two words or more of the body's name.
  if (shape.head_alone && words.size() >= 3 && HanWord(words.back()))
    Add(&out, std::string(words.back()), ShortFormPattern::kHeadAlone, whole);
  return out;
}

std::string DropPlace(std::string_view short_form, std::string_view place) {
  if (place.empty() || short_form.size() <= place.size() || short_form.substr(0, place.size()) != place) return "";
  std::string_view rest = short_form.substr(place.size());
  return Utf8Length(rest) >= 2 ? std::string(rest) : "";
}

}  // namespace newskb
