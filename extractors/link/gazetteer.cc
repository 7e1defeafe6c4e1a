// newskb/extractors/link/gazetteer.cc
#include "extractors/link/gazetteer.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace newskb {

std::string ShownName(const GazEntry& e) {
  if (e.kind != "gov") return e.canonical;
  auto ends_with = [](std::string_view s, std::string_view w) {
    return s.size() > w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0;
  };
  for (std::string_view country : {"中华人民共和国", "中華人民共和國", "中国", "中國"}) {
    std::string_view c(e.canonical);
    if (c.size() <= country.size() || c.compare(0, country.size(), country) != 0) continue;
    std::string_view own = c.substr(country.size());
    bool organ = false;
    for (std::string_view head : {"部", "局", "署", "委", "委员会", "委員會", "办公室", "辦公室"})
      organ = organ || ends_with(own, head);
    if (!organ) return e.canonical;
    for (const std::string& a : e.aliases)
      if (a == own) return a;
    return e.canonical;
  }
  return e.canonical;
}
namespace {

bool IsUtf8Lead(unsigned char c) { return (c & 0xC0) != 0x80; }

size_t NextChar(std::string_view s, size_t i) {
  ++i;
  while (i < s.size() && !IsUtf8Lead(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (;;) {
    size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The code point whose UTF-8 encoding starts at s[i] (s[i] a lead byte);
// a truncated or invalid sequence gives its lead byte's value, which only
// makes the start filter less selective, never wrong.
uint32_t CodePointAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (n == 0 || i + n >= s.size()) return c;
  uint32_t cp = c & (0x3F >> n);
  for (int k = 1; k <= n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

// One step of the trie: the code point of the well-formed UTF-8 sequence
// at s[*i] (a lead byte, the continuation bytes it announces, not overlong,
// at most U+10FFFF), else 0x110000 + the byte alone; advances *i past it.
// Distinct byte sequences give distinct steps, and a key is cut the same
// way as text holding its bytes followed by a lead byte or the end, so a
// key matches where its bytes do (a key ending inside a character of the
// text was never a hit: LongestAt refuses an end before a continuation
// byte). One probe a character instead of one a byte.
inline uint32_t UnitAt(std::string_view s, size_t* i) {
  const unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  const int n = c >= 0xF8 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (n == 0 || *i + n >= s.size()) {
    ++*i;
    return 0x110000 + c;
  }
  uint32_t cp = c & (0x3F >> n);
  for (int k = 1; k <= n; ++k) {
    const unsigned char d = static_cast<unsigned char>(s[*i + k]);
    if ((d & 0xC0) != 0x80) {
      ++*i;
      return 0x110000 + c;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  static constexpr uint32_t kMin[4] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF) {
    ++*i;
    return 0x110000 + c;
  }
  *i += n + 1;
  return cp;
}

}  // namespace

uint32_t LiteralTrie::Child(uint32_t node, uint32_t unit) const {
  if (edges_.empty()) return kNoNode;
  const uint64_t key = (uint64_t{node} << 21) | unit;
  const size_t mask = edges_.size() - 1;
  for (size_t slot = (key * 0x9E3779B97F4A7C15ull) >> edge_shift_;; slot = (slot + 1) & mask) {
    const Edge& e = edges_[slot];
    if (e.key == key) return e.node;
    if (e.key == kNoKey) return kNoNode;
  }
}

void LiteralTrie::InsertEdge(uint64_t key, uint32_t child) {
  if (2 * (edge_count_ + 1) > edges_.size()) {  // grow: keep load <= 1/2
    std::vector<Edge> old = std::move(edges_);
    size_t cap = old.empty() ? 64 : old.size() * 2;
    edges_.assign(cap, Edge{kNoKey, kNoNode});
    edge_shift_ = 64;
    for (size_t c = cap; c > 1; c >>= 1) --edge_shift_;
    edge_count_ = 0;
    for (const Edge& e : old)
      if (e.key != kNoKey) InsertEdge(e.key, e.node);
  }
  const size_t mask = edges_.size() - 1;
  size_t slot = (key * 0x9E3779B97F4A7C15ull) >> edge_shift_;
  while (edges_[slot].key != kNoKey) slot = (slot + 1) & mask;
  edges_[slot] = Edge{key, child};
  ++edge_count_;
}

bool LiteralTrie::Add(std::string_view key, uint32_t id) {
  if (key.empty()) return false;
  uint32_t cp = CodePointAt(key, 0);
  if (starts_.size() <= cp / 64) starts_.resize(cp / 64 + 1, 0);
  starts_[cp / 64] |= uint64_t{1} << (cp % 64);
  uint32_t node = 0;
  for (size_t i = 0; i < key.size();) {
    const uint32_t unit = UnitAt(key, &i);
    uint32_t next = Child(node, unit);
    if (next == kNoNode) {
      nodes_.emplace_back();
      ends_.push_back(0);
      next = static_cast<uint32_t>(nodes_.size() - 1);
      InsertEdge((uint64_t{node} << 21) | unit, next);
    }
    node = next;
  }
  auto& ids = nodes_[node].ids;
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  ends_[node] = 1;
  return true;
}

size_t LiteralTrie::LongestAt(std::string_view text, size_t pos,
                              const std::vector<uint32_t>** ids) const {
  if (pos >= text.size()) return 0;
  uint32_t cp = CodePointAt(text, pos);
  if (cp / 64 >= starts_.size() || !(starts_[cp / 64] >> (cp % 64) & 1)) return 0;
  uint32_t node = 0;
  size_t best = 0;
  bool left_alnum = pos > 0 && IsAsciiAlnum(static_cast<unsigned char>(text[pos - 1]));
  bool first_alnum = IsAsciiAlnum(static_cast<unsigned char>(text[pos]));
  if (left_alnum && first_alnum) return 0;  // inside an ASCII word
  for (size_t i = pos; i < text.size();) {
    node = Child(node, UnitAt(text, &i));
    if (node == kNoNode) break;
    if (ends_[node]) {
      size_t end = i;
      bool last_alnum = IsAsciiAlnum(static_cast<unsigned char>(text[end - 1]));
      bool right_alnum = end < text.size() && IsAsciiAlnum(static_cast<unsigned char>(text[end]));
      if (last_alnum && right_alnum) continue;  // would cut an ASCII word
      if (end < text.size() && !IsUtf8Lead(static_cast<unsigned char>(text[end]))) continue;
      best = end;
      *ids = &nodes_[node].ids;
    }
  }
  return best;
}

std::vector<GazHit> LiteralTrie::FindAll(std::string_view text) const {
  std::vector<GazHit> out;
  size_t covered = 0;  // end of the furthest hit so far
  for (size_t i = 0; i < text.size(); i = NextChar(text, i)) {
    const std::vector<uint32_t>* ids = nullptr;
    size_t e = LongestAt(text, i, &ids);
    if (e == 0 || e <= covered) continue;
    out.push_back(GazHit{i, e, *ids});
    covered = e;
  }
  return out;
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::LoadFile(const std::string& path,
                                                             const Normalizer& norm) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open gazetteer");
  std::stringstream ss;
  ss << in.rdbuf();
  return LoadString(ss.str(), path, norm);
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::LoadString(std::string_view tsv,
                                                               const std::string& name,
                                                               const Normalizer& norm) {
  auto g = std::make_shared<Gazetteer>();
  if (Status s = g->AddTsv(tsv, name, norm); !s.ok()) return s;
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::LoadFiles(const std::vector<std::string>& paths,
                                                              const Normalizer& norm,
                                                              const std::vector<GazEntry>& extra) {
  auto g = std::make_shared<Gazetteer>();
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(path + ": cannot open gazetteer");
    std::stringstream ss;
    ss << in.rdbuf();
    if (Status s = g->AddTsv(ss.str(), path, norm); !s.ok()) return s;
  }
  for (const GazEntry& e : extra)
    if (!g->Lookup(norm.FoldKey(e.canonical))) g->AddEntry(e, norm);
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

Status Gazetteer::AddTsv(std::string_view tsv, const std::string& name, const Normalizer& norm) {
  int line_no = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || Trim(line).front() == '#') continue;
    std::vector<std::string_view> cols = Split(line, '\t');
    // A fourth column is a note for the reader (a stock code, a source
    // record's id); it is not matched.
    if (cols.size() < 2 || cols.size() > 4) {
      return Status::InvalidInput(name + ":" + std::to_string(line_no) +
                                  ": expected canonical<TAB>kind<TAB>aliases[<TAB>note]");
    }
    GazEntry e;
    e.canonical = std::string(Trim(cols[0]));
    e.kind = std::string(Trim(cols[1]));
    e.line = line_no;
    if (e.canonical.empty() || e.kind.empty()) {
      return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": empty canonical or kind");
    }
    if (cols.size() >= 3) {
      for (std::string_view a : Split(cols[2], '|')) {
        a = Trim(a);
        if (!a.empty()) e.aliases.emplace_back(a);
      }
    }
    AddEntry(std::move(e), norm);
  }
  return Status::Ok();
}

void Gazetteer::AddEntry(GazEntry e, const Normalizer& norm) {
  uint32_t id = static_cast<uint32_t>(entries_.size());
  std::vector<std::string> forms = e.aliases;
  forms.push_back(e.canonical);
  for (const std::string& f : forms) {
    std::string folded = norm.Fold(f);
    if (trie_.Add(folded, id)) ++alias_count_;
    auto& v = by_key_[norm.FoldKey(f)];
    if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
  }
  entries_.push_back(std::move(e));
}

const std::vector<uint32_t>* Gazetteer::Lookup(const std::string& fold_key) const {
  auto it = by_key_.find(fold_key);
  return it == by_key_.end() ? nullptr : &it->second;
}

}  // namespace newskb
