// newskb/extractors/link/lexicon.cc
#include "extractors/link/lexicon.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <filesystem>
#include <type_traits>

#include <sys/stat.h>

#include "pipeline/text/lines.h"

#ifndef NEWSKB_JIEBA_DICT
#define NEWSKB_JIEBA_DICT ""
#endif

namespace newskb {
namespace {

size_t CharLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return std::min(n, s.size() - i);
}

bool AsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr uint32_t kUnknown = std::numeric_limits<uint32_t>::max();

// The bytes of the character at s[i], packed (a key for Lexicon::first_).
uint32_t PackChar(std::string_view s, size_t i) {
  uint32_t k = 0;
  for (size_t j = 0, n = CharLen(s, i); j < n; ++j) k = (k << 8) | static_cast<unsigned char>(s[i + j]);
  return k;
}

// The compiled form (Lexicon::WriteCompiled): native byte order, read only
// by the build that wrote it (the format number and the entry size are
// checked; the build rewrites the file when the lexicon's code changes).
constexpr char kCompiledMagic[] = "newskb-lexicon\n";
constexpr uint32_t kCompiledFormat = 1;

// What identifies a dictionary file: its path, size and modification time.
struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};
bool StampOf(const std::string& path, FileStamp* out) {
  struct stat st;
  if (path.empty() || ::stat(path.c_str(), &st) != 0) return false;
  out->size = static_cast<uint64_t>(st.st_size);
  out->mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

class CompiledWriter {
 public:
  template <typename T>
  void Put(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void PutBytes(std::string_view b) {
    Put(static_cast<uint64_t>(b.size()));
    out_.append(b);
  }
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

// Reads what CompiledWriter wrote; any read past the end sets !ok().
class CompiledReader {
 public:
  explicit CompiledReader(std::string_view in) : in_(in) {}
  template <typename T>
  T Get() {
    T v{};
    if (!Need(sizeof v)) return v;
    std::memcpy(&v, in_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  std::string_view GetBytes() {
    const uint64_t n = Get<uint64_t>();
    if (!Need(n)) return {};
    std::string_view b = in_.substr(pos_, n);
    pos_ += n;
    return b;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  bool Need(uint64_t n) {
    if (!ok_ || n > in_.size() - pos_) ok_ = false;
    return ok_;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  const std::streamoff n = in.tellg();
  if (n < 0) return false;
  out->resize(static_cast<size_t>(n));
  in.seekg(0);
  return static_cast<bool>(in.read(out->data(), n));
}

}  // namespace

std::string Lexicon::DefaultCompiledPath() {
  if (const char* env = std::getenv("NEWSKB_LEXICON"); env && *env) return env;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  const std::filesystem::path dir = exe.parent_path();
  for (const std::filesystem::path& p : {dir / "share" / "newskb" / "lexicon.bin",
                                         dir / ".." / "share" / "newskb" / "lexicon.bin"})
    if (std::filesystem::is_regular_file(p, ec)) return p.lexically_normal().string();
  return "";
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::string& dict_path,
                                                    const std::string& compiled_path,
                                                    const Normalizer& norm, bool* used_compiled) {
  if (used_compiled) *used_compiled = false;
  if (!compiled_path.empty()) {
    if (std::shared_ptr<Lexicon> lex = ReadCompiled(compiled_path, dict_path, norm)) {
      if (used_compiled) *used_compiled = true;
      return std::shared_ptr<const Lexicon>(std::move(lex));
    }
  }
  return LoadJieba(dict_path, norm);
}

Status Lexicon::WriteCompiled(const std::string& out_path, const Normalizer& norm) const {
  FileStamp stamp;
  if (!StampOf(path_, &stamp))
    return Status::IoError(out_path + ": cannot compile the lexicon: its dictionary '" + path_ +
                           "' is not a readable file");
  CompiledWriter w;
  w.PutBytes(kCompiledMagic);
  w.Put(kCompiledFormat);
  w.Put(static_cast<uint32_t>(sizeof(Entry)));
  w.PutBytes(path_);
  w.Put(stamp);
  w.PutBytes(norm.FoldId());
  w.Put(unknown_logp_);
  w.Put(static_cast<uint64_t>(tags_.size()));
  for (const std::string& t : tags_) w.PutBytes(t);
  w.PutBytes(std::string_view(reinterpret_cast<const char*>(words_.data()), words_.size() * sizeof(Entry)));
  w.PutBytes(arena_);
  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out || !out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size())) || !out.flush())
      return Status::IoError(tmp + ": cannot write the compiled lexicon");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, out_path, ec);
  if (ec) return Status::IoError(out_path + ": cannot write the compiled lexicon: " + ec.message());
  return Status::Ok();
}

std::shared_ptr<Lexicon> Lexicon::ReadCompiled(const std::string& compiled_path, const std::string& dict_path,
                                               const Normalizer& norm) {
  FileStamp want;
  std::string bytes;
  if (!StampOf(dict_path, &want) || !ReadWholeFile(compiled_path, &bytes)) return nullptr;
  CompiledReader r(bytes);
  if (r.GetBytes() != kCompiledMagic || r.Get<uint32_t>() != kCompiledFormat ||
      r.Get<uint32_t>() != sizeof(Entry) || r.GetBytes() != dict_path)
    return nullptr;
  const FileStamp have = r.Get<FileStamp>();
  if (have.size != want.size || have.mtime_ns != want.mtime_ns || r.GetBytes() != norm.FoldId()) return nullptr;
  auto lex = std::make_shared<Lexicon>();
  lex->path_ = dict_path;
  lex->unknown_logp_ = r.Get<float>();
  const uint64_t ntags = r.Get<uint64_t>();
  if (!r.ok() || ntags > 256) return nullptr;
  for (uint64_t i = 0; i < ntags; ++i) lex->tags_.emplace_back(r.GetBytes());
  const std::string_view entries = r.GetBytes();
  lex->arena_ = std::string(r.GetBytes());
  if (!r.ok() || !r.at_end() || entries.size() % sizeof(Entry) != 0 || entries.empty()) return nullptr;
  lex->words_.resize(entries.size() / sizeof(Entry));
  std::memcpy(lex->words_.data(), entries.data(), entries.size());
  // Every entry inside the arena with a known tag, the words strictly
  // increasing: what LoadString makes, and what WordsAt's searches need.
  for (size_t i = 0; i < lex->words_.size(); ++i) {
    const Entry& e = lex->words_[i];
    if (e.len == 0 || e.off > lex->arena_.size() || e.len > lex->arena_.size() - e.off || e.tag >= lex->tags_.size())
      return nullptr;
    if (i > 0 && !(lex->Word(lex->words_[i - 1]) < lex->Word(e))) return nullptr;
  }
  lex->IndexFirstCharacters();
  return lex;
}

std::string Lexicon::DefaultPath() {
  if (const char* env = std::getenv("NEWSKB_JIEBA_DICT"); env && *env) return env;
  return NEWSKB_JIEBA_DICT;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::LoadJieba(const std::string& path,
                                                         const Normalizer& norm) {
  if (path.empty())
    return Status::IoError("no word lexicon: jieba's dict.txt was not found at build time "
                           "(install python3-jieba, or set NEWSKB_JIEBA_DICT)");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open the word lexicon (install python3-jieba, "
                                         "or set NEWSKB_JIEBA_DICT)");
  std::stringstream ss;
  ss << in.rdbuf();
  return LoadString(ss.str(), path, norm);
}

Result<std::shared_ptr<const Lexicon>> Lexicon::LoadString(std::string_view text,
                                                          const std::string& name,
                                                          const Normalizer& norm) {
  struct Raw {
    std::string word;
    double freq;
    std::string tag;
  };
  std::vector<Raw> raw;
  raw.reserve(text.size() / 14);
  double total = 0;
  LineCursor lines(text);
  for (DataLine l; lines.Next(&l);) {
    const std::string_view line = l.text;
    const size_t line_no = l.number;
    if (line.empty()) continue;
    // "word freq [tag]"
    size_t s1 = line.find(' ');
    if (s1 == 0 || s1 == std::string_view::npos)
      return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": expected 'word frequency tag'");
    size_t s2 = line.find(' ', s1 + 1);
    std::string freq_s(line.substr(s1 + 1, s2 == std::string_view::npos ? std::string_view::npos : s2 - s1 - 1));
    char* end = nullptr;
    double freq = std::strtod(freq_s.c_str(), &end);
    if (freq_s.empty() || *end != '\0' || freq < 0)
      return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": bad frequency '" + freq_s + "'");
    std::string tag = s2 == std::string_view::npos ? "x" : std::string(line.substr(s2 + 1));
    std::string w = norm.Fold(line.substr(0, s1));
    if (w.empty() || w.find(' ') != std::string::npos) continue;
    total += freq;
    raw.push_back(Raw{std::move(w), freq, std::move(tag)});
  }
  if (raw.empty()) return Status::InvalidInput(name + ": no words");
  std::sort(raw.begin(), raw.end(), [](const Raw& a, const Raw& b) {
    return a.word != b.word ? a.word < b.word : a.freq > b.freq;
  });
  auto lex = std::make_shared<Lexicon>();
  lex->path_ = name;
  lex->words_.reserve(raw.size());
  const double log_total = std::log(std::max(total, 1.0));
  lex->unknown_logp_ = static_cast<float>(-log_total);  // frequency 1, as jieba
  for (size_t i = 0; i < raw.size(); ++i) {
    if (i > 0 && raw[i].word == raw[i - 1].word) continue;  // folded twins: the more frequent
    Entry e;
    e.off = static_cast<uint32_t>(lex->arena_.size());
    e.len = static_cast<uint32_t>(raw[i].word.size());
    lex->arena_ += raw[i].word;
    e.logp = static_cast<float>(std::log(std::max(raw[i].freq, 1.0)) - log_total);
    auto t = std::find(lex->tags_.begin(), lex->tags_.end(), raw[i].tag);
    if (t == lex->tags_.end()) t = lex->tags_.insert(lex->tags_.end(), raw[i].tag);
    e.tag = static_cast<uint8_t>(std::min<size_t>(t - lex->tags_.begin(), 255));
    lex->words_.push_back(e);
  }
  lex->IndexFirstCharacters();
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

void Lexicon::IndexFirstCharacters() {
  first_.clear();
  for (uint32_t i = 0; i < words_.size(); ++i) {
    auto [it, fresh] = first_.try_emplace(PackChar(Word(words_[i]), 0), i, i + 1);
    if (!fresh) it->second.second = i + 1;  // words sharing a first character are contiguous
  }
}

void Lexicon::WordsAt(std::string_view text, size_t i, size_t limit,
                      std::vector<std::pair<size_t, float>>* out) const {
  out->clear();
  if (i >= limit) return;
  auto f = first_.find(PackChar(text, i));  // the first character: a hash probe
  if (f == first_.end()) return;
  size_t lo = f->second.first, hi = f->second.second;
  size_t p = i + CharLen(text, i);
  if (words_[lo].len == p - i) out->emplace_back(p, static_cast<float>(lo));
  // Then a binary search per further character, within the range left.
  while (p < limit && lo < hi) {
    size_t n = CharLen(text, p);
    std::string_view c = text.substr(p, n);
    size_t d = p - i;  // bytes every word in [lo, hi) shares with text[i, p)
    auto key = [&](const Entry& w) {
      return w.len <= d ? std::string_view() : Word(w).substr(d, n);
    };
    auto first = std::lower_bound(words_.begin() + lo, words_.begin() + hi, c,
                                  [&](const Entry& w, std::string_view v) { return key(w) < v; });
    auto last = std::upper_bound(first, words_.begin() + hi, c,
                                 [&](std::string_view v, const Entry& w) { return v < key(w); });
    lo = static_cast<size_t>(first - words_.begin());
    hi = static_cast<size_t>(last - words_.begin());
    p += n;
    if (lo < hi && words_[lo].len == p - i) out->emplace_back(p, static_cast<float>(lo));
  }
}

std::vector<LexWord> Lexicon::Segment(std::string_view text, size_t b, size_t e) const {
  std::vector<size_t> pos;  // character starts in [b, e), then e
  for (size_t i = b; i < e; i += CharLen(text, i)) pos.push_back(i);
  const size_t n = pos.size();
  pos.push_back(e);
  std::vector<double> score(n + 1, 0);
  std::vector<size_t> next(n + 1, n);
  std::vector<uint32_t> entry(n + 1, kUnknown);
  std::vector<std::pair<size_t, float>> cands;
  auto index_of = [&](size_t byte) {
    return static_cast<size_t>(std::lower_bound(pos.begin(), pos.end(), byte) - pos.begin());
  };
  for (size_t k = n; k-- > 0;) {
    size_t i = pos[k];
    if (AsciiAlnum(text[i])) {  // an ASCII run is one word
      size_t j = i;
      while (j < e && AsciiAlnum(text[j])) ++j;
      size_t kj = index_of(j);
      score[k] = unknown_logp_ + score[kj];
      next[k] = kj;
      continue;
    }
    WordsAt(text, i, e, &cands);
    size_t one = index_of(i + CharLen(text, i));
    score[k] = unknown_logp_ + score[one];  // the character alone, unknown
    next[k] = one;
    for (auto [end, idx] : cands) {
      size_t kj = index_of(end);
      uint32_t id = static_cast<uint32_t>(idx);
      double s = words_[id].logp + score[kj];
      if (s > score[k] || (kj == one && entry[k] == kUnknown)) {
        score[k] = s;
        next[k] = kj;
        entry[k] = id;
      }
    }
  }
  std::vector<LexWord> out;
  for (size_t k = 0; k < n; k = next[k]) {
    LexWord w;
    w.b = pos[k];
    w.e = pos[next[k]];
    w.known = entry[k] != kUnknown;
    w.tag = w.known ? std::string_view(tags_[words_[entry[k]].tag]) : std::string_view("x");
    w.logp = w.known ? words_[entry[k]].logp : unknown_logp_;
    out.push_back(w);
  }
  return out;
}

float Lexicon::LogpOfFrequency(double f) const {
  return static_cast<float>(std::log(f)) + unknown_logp_;
}

std::string_view Lexicon::TagOf(std::string_view word) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), word,
                             [&](const Entry& w, std::string_view v) { return Word(w) < v; });
  if (it == words_.end() || Word(*it) != word) return {};
  return tags_[it->tag];
}

std::vector<std::string> Lexicon::WordsTagged(std::string_view tag) const {
  std::vector<std::string> out;
  for (const Entry& w : words_)
    if (tags_[w.tag] == tag) out.emplace_back(Word(w));
  return out;
}

}  // namespace newskb
