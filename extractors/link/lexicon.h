// newskb/extractors/link/lexicon.h
//
// A Chinese word lexicon with frequencies and part-of-speech tags, and the
// word segmentation that comes from it: where words begin and end, so a name
// starts and ends at a word boundary (never inside 只有 or 培养), and which
// words are function words (的, 只有, 在) that no name spans.
//
// Source: jieba's dictionary (Debian package python3-jieba,
// /usr/lib/python3/dist-packages/jieba/dict.txt; MIT licence): 349,000 words,
// one a line, "word frequency tag" (tags of the ICTCLAS set: n noun, v verb,
// nt organization, ns place, nr person, c conjunction, p preposition, u*
// particle, d adverb, r pronoun, ...). Every word is folded with
// Normalizer::Fold when loaded, so it matches NORMALISED text.
//
// Segment() is jieba's own algorithm without its HMM for unknown words: the
// path through the graph of dictionary words that maximises the sum of
// log(frequency / total); a character that starts no word is a word of its
// own (frequency 1), a run of ASCII letters and digits is one word.
// The best path over [b, e) depends only on the text from each position to
// `e`, so segmenting a window a few characters wider than a name gives the
// name's boundaries as a whole sentence would, nearly always.
//
// Usage:
//   Result<std::shared_ptr<const Lexicon>> lex = Lexicon::LoadJieba(Lexicon::DefaultPath(), *norm);
//   for (const LexWord& w : (*lex)->Segment(norm_text, b, e)) ... w.b, w.e, w.tag
//
// Compiled form: folding and sorting 350,000 words costs ~1.8 G instructions
// (0.4-0.6 s), paid by every process that loads the extractors. The build
// therefore compiles jieba's dictionary once (tool newskb_compile_lexicon,
// extractors/link/tools/) into share/newskb/lexicon.bin beside the binary
// (installed to PREFIX/share/newskb/): the words already folded and sorted,
// read back in a few milliseconds. Load() takes the compiled file only when
// it was made from the very dictionary file given (path, size, modification
// time) with the same folding (Normalizer::FoldId) and format; otherwise it
// parses the dictionary as LoadJieba does. Both give the same lexicon
// (tests/unit/lexicon_test.cc compares them).
//
// Cost: about 10 MB in memory; Segment() costs O(window
// length x longest word x log(words)) (a binary search per character over
// the sorted words), meant for windows around candidate names, not whole
// documents.
//
// Thread safety: immutable after loading; every method is const.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/status.h"

namespace newskb {

// One word of a segmentation: normalised bytes [b, e), its tag ("x" for a
// character or ASCII run the lexicon does not know, punctuation included).
struct LexWord {
  size_t b = 0, e = 0;
  std::string_view tag;
  bool known = false;
  float logp = 0;  // log(frequency / total) of a known word
};

class Lexicon {
 public:
  // $NEWSKB_JIEBA_DICT if set, else the path found at build time (Debian's
  // python3-jieba), else "" when the build found none.
  static std::string DefaultPath();

  // Loads a jieba-format dictionary. An unreadable file or a line that is
  // not "word frequency [tag]" is an error naming the file and line.
  static Result<std::shared_ptr<const Lexicon>> LoadJieba(const std::string& path,
                                                         const Normalizer& norm);
  // share/newskb/lexicon.bin beside the running binary (or one folder up,
  // as an installed binary has it), or $NEWSKB_LEXICON if set; "" when
  // there is none.
  static std::string DefaultCompiledPath();

  // The lexicon of jieba-format `dict_path`, from `compiled_path` when that
  // file is the compiled form of this dictionary for this folding, else by
  // LoadJieba(dict_path). A compiled file that does not fit (another
  // dictionary, a changed one, another folding, truncated, corrupt) is not
  // an error: it is passed over. `*used_compiled` (may be null) says which
  // way the lexicon was read.
  static Result<std::shared_ptr<const Lexicon>> Load(const std::string& dict_path,
                                                    const std::string& compiled_path,
                                                    const Normalizer& norm,
                                                    bool* used_compiled = nullptr);

  // Writes the compiled form to `out_path`, stamped with the dictionary
  // file's path, size and modification time (this lexicon must have been
  // loaded from a file: LoadJieba) and `norm.FoldId()`.
  Status WriteCompiled(const std::string& out_path, const Normalizer& norm) const;

  // The same from a string (tests); `name` names it in errors.
  static Result<std::shared_ptr<const Lexicon>> LoadString(std::string_view text,
                                                          const std::string& name,
                                                          const Normalizer& norm);

  // The best segmentation of text[b, e) (byte offsets on character starts).
  std::vector<LexWord> Segment(std::string_view text, size_t b, size_t e) const;

  // log(frequency / total) for a frequency: compare with LexWord::logp
  // (a word seen `f` times or more in jieba's corpus).
  float LogpOfFrequency(double f) const;

  // The tag of folded `word`, "" if it is not in the lexicon.
  std::string_view TagOf(std::string_view word) const;

  // Every word (folded) with tag `tag`, in sorted order.
  std::vector<std::string> WordsTagged(std::string_view tag) const;

  size_t size() const { return words_.size(); }
  const std::string& path() const { return path_; }

 private:
  struct Entry {
    uint32_t off = 0, len = 0;  // in arena_
    float logp = 0;             // log(freq / total)
    uint8_t tag = 0;            // index into tags_
  };
  std::string_view Word(const Entry& w) const { return std::string_view(arena_).substr(w.off, w.len); }
  // Reads a compiled file; nullptr if it is not the compiled form of
  // `dict_path` for `norm` (see Load).
  static std::shared_ptr<Lexicon> ReadCompiled(const std::string& compiled_path, const std::string& dict_path,
                                               const Normalizer& norm);
  // first_, from the sorted words_.
  void IndexFirstCharacters();
  // Ends (exclusive, in bytes) of every word starting at text[i], with
  // their log probabilities, shortest first; at most up to `limit`.
  void WordsAt(std::string_view text, size_t i, size_t limit,
               std::vector<std::pair<size_t, float>>* out) const;

  std::string path_;
  std::string arena_;
  std::vector<Entry> words_;  // sorted by word bytes, no two alike
  std::vector<std::string> tags_;
  // First character (its UTF-8 bytes packed) -> the range of words_
  // starting with it: the first step of WordsAt without a binary search.
  std::unordered_map<uint32_t, std::pair<uint32_t, uint32_t>> first_;
  float unknown_logp_ = -20;
};

}  // namespace newskb
