// newskb/extractors/link/spans.cc
#include "extractors/link/spans.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace newskb {

Result<std::vector<std::string>> ReadWordLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open word list");
  std::vector<std::string> words;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos || line[b] == '#') continue;
    size_t e = line.find_last_not_of(" \t");
    words.push_back(line.substr(b, e - b + 1));
  }
  return words;
}

Result<std::shared_ptr<const WordList>> WordList::LoadFile(const std::string& path,
                                                           const Normalizer& norm) {
  auto words = ReadWordLines(path);
  if (!words.ok()) return words.status();
  return FromWords(words.value(), norm);
}

std::shared_ptr<const WordList> WordList::FromWords(const std::vector<std::string>& words,
                                                    const Normalizer& norm) {
  auto w = std::make_shared<WordList>();
  for (const std::string& s : words) {
    if (s.size() > 1 && s[0] == '!') {
      w->negative_.Add(norm.Fold(s.substr(1)), 0);
      continue;
    }
    std::string f = norm.Fold(s);
    if (f.empty()) continue;
    w->trie_.Add(f, 0);
    w->words_.push_back(f);
  }
  std::sort(w->words_.begin(), w->words_.end());
  w->words_.erase(std::unique(w->words_.begin(), w->words_.end()), w->words_.end());
  return w;
}

size_t WordList::MatchAt(std::string_view text, size_t pos) const {
  const std::vector<uint32_t>* ids = nullptr;
  size_t e = trie_.LongestAt(text, pos, &ids);
  if (e == 0) return 0;
  if (!negative_.empty() && negative_.LongestAt(text, pos, &ids) >= e) return 0;
  return e - pos;
}

bool WordList::Contains(std::string_view folded) const {
  return std::binary_search(words_.begin(), words_.end(), folded);
}

bool WordList::EndsWithEntry(std::string_view s) const {
  // Longest suffix first: a negative entry (!大会) outranks a shorter
  // positive one (会).
  for (size_t i = 0; i < s.size(); i += Utf8CharLen(s, i)) {
    const std::vector<uint32_t>* ids = nullptr;
    if (!negative_.empty() && negative_.LongestAt(s, i, &ids) == s.size()) return false;
    if (Contains(s.substr(i))) return true;
  }
  return false;
}

size_t Utf8CharLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return std::min(n, s.size() - i);
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsAscii(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

size_t TrimAfterStops(std::string_view text, size_t b, size_t limit, const WordList& stops,
                      size_t min_keep) {
  size_t out = b;
  for (size_t i = b; i < limit; i += Utf8CharLen(text, i)) {
    size_t n = stops.MatchAt(text, i);
    if (n > 0 && i + n <= limit && Utf8Length(text.substr(i + n, limit - i - n)) >= min_keep)
      out = i + n;
  }
  return out;
}

size_t FirstHead(std::string_view text, size_t b, size_t limit, const WordList& heads) {
  for (size_t i = b; i < limit; i += Utf8CharLen(text, i)) {
    size_t n = heads.MatchAt(text, i);
    if (n > 0 && i + n <= limit) return i;
  }
  return std::string_view::npos;
}

std::string_view BodySpan(const Document& doc, const NormText& norm, size_t b, size_t e) {
  if (e <= b) return {};
  return norm.BodyText(doc.body, norm.BodyStart(b), norm.BodyEnd(e));
}

bool HasUpper(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

bool LatinCapitalized(std::string_view s) {
  static const char* const kSmall[] = {"of", "for", "and", "the", "de", "in", "on", "du", "la"};
  bool any = false;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!IsAsciiAlnum(c)) { ++i; continue; }
    size_t j = i;
    while (j < s.size() && (IsAsciiAlnum(static_cast<unsigned char>(s[j])) || s[j] == '\'')) ++j;
    std::string_view w = s.substr(i, j - i);
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (alpha) {
      any = true;
      if (c >= 'a' && c <= 'z') {
        bool small = false;
        for (const char* k : kSmall) small = small || w == k;
        if (!small) return false;
      }
    }
    i = j;
  }
  return any;
}

bool DisjointSpans::Overlaps(size_t b, size_t e) const {
  auto it = spans_.lower_bound(e);  // the first span starting at or after e
  if (it == spans_.begin()) return false;
  --it;  // the last span starting before e: it has the largest end of those
  return it->second > b;
}

bool DisjointSpans::TryAdd(size_t b, size_t e) {
  if (Overlaps(b, e)) return false;
  spans_.emplace(b, e);
  return true;
}

SpanSet::SpanSet(std::vector<std::pair<size_t, size_t>> spans) {
  std::sort(spans.begin(), spans.end());
  begins_.reserve(spans.size());
  max_end_.reserve(spans.size());
  for (const auto& [b, e] : spans) {
    begins_.push_back(b);
    max_end_.push_back(max_end_.empty() ? e : std::max(max_end_.back(), e));
  }
}

bool SpanSet::Overlaps(size_t b, size_t e) const {
  size_t n = static_cast<size_t>(std::lower_bound(begins_.begin(), begins_.end(), e) - begins_.begin());
  return n > 0 && max_end_[n - 1] > b;
}

void GrowingSpans::Add(size_t b, size_t e) {
  spans_.emplace(b, e);
  longest_ = std::max(longest_, e > b ? e - b : 0);
}

bool GrowingSpans::Overlaps(size_t b, size_t e) const {
  // A span [sb, se) overlaps when sb < e and se > b; as se <= sb + longest_,
  // only spans with sb > b - longest_ can reach past b.
  size_t from = b >= longest_ ? b - longest_ : 0;
  for (auto it = spans_.lower_bound(from); it != spans_.end() && it->first < e; ++it)
    if (it->second > b && it->first < e) return true;
  return false;
}

}  // namespace newskb
