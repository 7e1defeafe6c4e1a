// newskb/extractors/link/gazetteer.h
//
// A dictionary of named entities (organizations, policies) with aliases in
// any script, matched against NORMALISED text in one pass over a byte trie.
//
// File format (extractors/rules/gazetteer/README.md): UTF-8 TSV, one entity
// a line,
//     canonical <TAB> kind <TAB> alias|alias|... [<TAB> note]
// (the optional note, e.g. a stock code, is for the reader and never matched).
// `#` starts a comment line; blank lines are skipped. Every alias and the
// canonical name are folded with Normalizer::Fold (NFKC case fold,
// Traditional -> Simplified, spaces kept) before they enter the trie, so
// one entry written in either script matches both. An alias listed under
// two entities is ambiguous: a hit carries both entity ids and the linker
// decides (see linker.h). Kind `generic` marks short names shared by many
// countries (国防部): matched, but never linked across documents.
//
// Usage:
//   Result<std::shared_ptr<const Gazetteer>> g = Gazetteer::LoadFile(path, *norm);
//   for (const GazHit& h : (*g)->FindAll(norm_text.text)) ...
//
// Matching: for every start position (UTF-8 character start) the longest
// alias starting there is reported, unless it lies inside an earlier hit.
// Hits may overlap; callers resolve overlaps. An alias starting (ending)
// with an ASCII letter or digit only matches at an ASCII word boundary.
// Cost: one bit test per character; O(longest alias) hash probes (one per
// byte) only where a key can begin.
//
// Thread safety: immutable after loading; FindAll() is const and may run on
// many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/status.h"

namespace newskb {

struct GazEntry {
  std::string canonical;             // as written in the file
  std::string kind;                  // second column (gov, company, law, generic, ...)
  std::vector<std::string> aliases;  // as written (canonical not repeated)
  int line = 0;
  bool generic() const { return kind == "generic"; }
};

// The name mentions of entry `e` show (Mention::name): its canonical name,
// except for a body of China's state whose canonical name carries the
// country (中国国家能源局: kind `gov`, the rest an organ ending in 部 局 署
// 委 委员会 办公室) and whose own name without it is listed as an alias
// (国家能源局): that own name, as the body calls itself and as China's press
// and analysts write it. Foreign bodies keep their country (美国能源部), and
// names of which 中国 is a part keep it (中国人民银行, 中国共产党).
std::string ShownName(const GazEntry& e);

struct GazHit {
  size_t begin = 0, end = 0;          // bytes in the searched text
  std::vector<uint32_t> entries;      // entities sharing this alias (>1: ambiguous)
};

// A byte trie over folded strings. Also used for per-document dictionaries.
class LiteralTrie {
 public:
  // Adds `key` (already folded) with payload id; returns false if empty.
  bool Add(std::string_view key, uint32_t id);
  // Longest key starting at text[pos]; returns its end or 0 if none, and
  // sets *ids to its payloads.
  size_t LongestAt(std::string_view text, size_t pos, const std::vector<uint32_t>** ids) const;
  // Every longest-at-start hit, ASCII word boundaries enforced, hits lying
  // inside an earlier hit skipped.
  std::vector<GazHit> FindAll(std::string_view text) const;
  bool empty() const { return nodes_.size() <= 1; }

 private:
  struct Node {
    std::vector<uint32_t> ids;  // non-empty: a key ends here
  };
  // Edges (node << 21 | step) -> child node in an open-addressing table
  // (linear probing, multiplicative hash, load <= 1/2), a step being one
  // character's code point (UnitAt in the .cc): one probe per character of
  // text, not one per byte (three for a Chinese character), without
  // std::unordered_map's modulo and pointer chasing. A slot holds the key
  // and the child together, so a probe that hits reads one cache line, not
  // two (the trie walk is most of the organizations family's gazetteer
  // time: each probe is a cache miss on a large trie).
  struct Edge {
    uint64_t key;
    uint32_t node;
  };
  uint32_t Child(uint32_t node, uint32_t unit) const;
  void InsertEdge(uint64_t key, uint32_t child);
  static constexpr uint64_t kNoKey = ~uint64_t{0};
  static constexpr uint32_t kNoNode = 0;  // the root is never a child
  std::vector<Node> nodes_ = std::vector<Node>(1);
  // 1 where a key ends (nodes_[n].ids non-empty): the walk tests this byte
  // instead of loading the node's 24-byte vector, a second miss per byte.
  std::vector<uint8_t> ends_ = std::vector<uint8_t>(1, 0);
  std::vector<Edge> edges_;
  size_t edge_count_ = 0;
  int edge_shift_ = 64;
  // Bit per code point that begins some key: positions whose character
  // begins no key are skipped without touching the trie.
  std::vector<uint64_t> starts_;
};

class Gazetteer {
 public:
  static Result<std::shared_ptr<const Gazetteer>> LoadFile(const std::string& path,
                                                           const Normalizer& norm);
  static Result<std::shared_ptr<const Gazetteer>> LoadString(std::string_view tsv,
                                                             const std::string& name,
                                                             const Normalizer& norm);

  // Several files as one gazetteer (one trie), then `extra` entries (a
  // lexicon's names): an extra entry whose canonical name folds to a key the
  // files already hold is skipped, so the files' entries win. Errors name
  // the file and line.
  static Result<std::shared_ptr<const Gazetteer>> LoadFiles(const std::vector<std::string>& paths,
                                                            const Normalizer& norm,
                                                            const std::vector<GazEntry>& extra = {});

  std::vector<GazHit> FindAll(std::string_view norm_text) const { return trie_.FindAll(norm_text); }
  const GazEntry& entry(uint32_t id) const { return entries_[id]; }
  size_t size() const { return entries_.size(); }
  size_t alias_count() const { return alias_count_; }
  // Entities whose canonical name or an alias has this FoldKey; nullptr if none.
  const std::vector<uint32_t>* Lookup(const std::string& fold_key) const;

 private:
  Status AddTsv(std::string_view tsv, const std::string& name, const Normalizer& norm);
  void AddEntry(GazEntry e, const Normalizer& norm);
  std::vector<GazEntry> entries_;
  LiteralTrie trie_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_key_;
  size_t alias_count_ = 0;
};

// True for an ASCII letter or digit byte.
inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace newskb
