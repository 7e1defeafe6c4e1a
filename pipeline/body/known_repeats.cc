#include "pipeline/body/known_repeats.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "pipeline/body/repeats.h"
#include "pipeline/text/lines.h"
#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

bool ParseHash(std::string_view s, uint64_t* out) {
  if (s.size() != 16) return false;
  uint64_t h = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return false;
    h = h << 4 | static_cast<uint64_t>(d);
  }
  *out = h;
  return h != 0;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> f;
  for (size_t b = 0;;) {
    size_t t = line.find('\t', b);
    f.push_back(line.substr(b, t == std::string_view::npos ? std::string_view::npos : t - b));
    if (t == std::string_view::npos) return f;
    b = t + 1;
  }
}

bool IsHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

// The pairs of adjacent Chinese characters of s, counted.
void CountPairs(std::string_view s, int delta, std::unordered_map<uint64_t, int>* pairs) {
  char32_t prev = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = DecodeUtf8(s, i, &len);
    i += len;
    if (IsHan(c) && IsHan(prev)) (*pairs)[static_cast<uint64_t>(prev) << 32 | c] += delta;
    prev = c;
  }
}

// Whether at most `share` of the character pairs of body[seg] occur in the
// rest of the body (`all` counts the pairs of the whole body).
bool IsForeign(std::string_view body, const RepeatSegment& seg, const std::unordered_map<uint64_t, int>& all,
               double share) {
  std::unordered_map<uint64_t, int> own;
  CountPairs(body.substr(seg.begin, seg.end - seg.begin), 1, &own);
  if (own.empty()) return false;
  size_t shared = 0;
  for (const auto& [pair, n] : own) {
    auto it = all.find(pair);
    if (it != all.end() && it->second > n) ++shared;
  }
  return shared <= share * static_cast<double>(own.size());
}

}  // namespace

Result<KnownRepeats> KnownRepeats::Parse(std::string_view text, const std::string& name) {
  KnownRepeats k;
  LineCursor lines(text);
  for (DataLine l; lines.Next(&l);) {
    if (l.text.empty() || l.text[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabs(l.text);
    uint64_t hash = 0;
    auto bad = [&](const char* why) {
      return Status::InvalidInput(name + ":" + std::to_string(l.number) + ": " + why);
    };
    if (f.size() < 3) return bad("expected SOURCE<TAB>HASH<TAB>DOCUMENTS[<TAB>IDS]");
    if (f[0].empty()) return bad("empty source");
    if (!ParseHash(f[1], &hash)) return bad("the hash is not 16 lower-case hex digits (and not 0)");
    if (f[2].empty() || f[2].find_first_not_of("0123456789") != std::string_view::npos)
      return bad("documents is not a number");
    if (k.by_source_[std::string(f[0])].insert(hash).second) ++k.count_;
    k.any_source_.insert(hash);
  }
  return k;
}

Result<KnownRepeats> KnownRepeats::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return KnownRepeats();
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": cannot read");
  return Parse(ss.str(), path);
}

int KnownRepeats::Remove(const std::string& source, std::string* body) const {
  if (by_source_.empty()) return 0;
  auto it = by_source_.find(RepeatMemory::SourceKey(source));
  const std::unordered_set<uint64_t>* own = it == by_source_.end() ? nullptr : &it->second;
  std::vector<RepeatSegment> segs = RepeatSegments(*body, kMinCodePoints);
  std::vector<bool> drop(segs.size(), false);
  bool any = false;
  for (size_t i = 0; i < segs.size(); ++i) {
    uint64_t h = segs[i].hash;
    if (h && ((own && own->count(h)) || (segs[i].glued && any_source_.count(h)))) drop[i] = any = true;
  }
  return any ? RemoveSegments(segs, drop, body) : 0;
}

void RepeatLearner::Add(const std::string& id, const std::string& source, std::string_view body) {
  uint32_t doc = static_cast<uint32_t>(ids_.size());
  ids_.push_back(id);
  auto& table = counts_[RepeatMemory::SourceKey(source)];
  std::unordered_set<uint64_t> seen;
  std::vector<RepeatSegment> segs = RepeatSegments(body, KnownRepeats::kMinCodePoints);
  std::unordered_map<uint64_t, int> pairs;
  CountPairs(body, 1, &pairs);
  for (size_t i = 0; i < segs.size(); ++i) {
    const RepeatSegment& s = segs[i];
    if (!s.hash || !seen.insert(s.hash).second) continue;
    Count& c = table[s.hash];
    if (c.documents < 3) c.first[c.documents] = doc;
    if (c.documents == 1) c.text = std::string(body.substr(s.begin, s.end - s.begin));
    ++c.documents;
    if (s.glued) ++c.glued;
    if (s.glued && i + 1 == segs.size()) ++c.glued_at_end;
    if (IsForeign(body, s, pairs, kForeignShare)) ++c.foreign;
  }
}

std::vector<RepeatLearner::Entry> RepeatLearner::Entries(uint32_t min_documents, bool glued_only) const {
  std::vector<Entry> out;
  for (const auto& [source, table] : counts_) {
    if (source.find_first_of("\t\n\r") != std::string::npos) continue;  // not a field of the file
    for (const auto& [hash, c] : table) {
      if (c.documents < min_documents || c.documents < 2) continue;
      if (glued_only && (2 * c.glued_at_end < c.documents || 2 * c.foreign < c.documents)) continue;
      Entry e;
      e.source = source;
      e.hash = hash;
      e.documents = c.documents;
      e.glued = c.glued;
      e.glued_at_end = c.glued_at_end;
      e.foreign = c.foreign;
      for (uint32_t k = 0; k < std::min<uint32_t>(c.documents, 3); ++k) e.ids.push_back(ids_[c.first[k]]);
      e.text = c.text;
      out.push_back(std::move(e));
    }
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    if (a.source != b.source) return a.source < b.source;
    if (a.documents != b.documents) return a.documents > b.documents;
    return a.hash < b.hash;
  });
  return out;
}

std::string KnownRepeatLine(const RepeatLearner::Entry& e) {
  char hash[20];
  std::snprintf(hash, sizeof hash, "%016" PRIx64, e.hash);
  std::string line = e.source + "\t" + hash + "\t" + std::to_string(e.documents) + "\t";
  for (size_t i = 0; i < e.ids.size(); ++i) line += (i ? " " : "") + e.ids[i];
  return line;
}

}  // namespace newskb
