#include "pipeline/normalize/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unicode/uversion.h>

#include "pipeline/normalize/fold_table.h"
#include "pipeline/text/utf8.h"

namespace newskb {

// Per-code-point folding table for the BMP (fold_table.h): entry cp is the
// UTF-8 of T->S(NFKC_Casefold(cp)). Code points past the BMP are folded with
// ICU's NFKC_Casefold only (rare in news text; the T->S transliterator's
// table is BMP-only in practice).
struct Normalizer::Tables {
  FoldTable fold;
  const icu::Normalizer2* nfkc_cf = nullptr;

  // Variant folding for keys: a folded character -> its class's
  // representative (only characters that change are listed).
  std::unordered_map<char32_t, char32_t> variant;
  std::string fold_id;

  std::string_view Map(char32_t cp) const { return fold.Entry(cp); }

  // The one code point `cp` folds to, or 0 if it folds to none or several.
  char32_t FoldOne(char32_t cp) const {
    if (cp >= 0x10000) return cp;  // outside the table: Han past the BMP folds to itself
    std::string_view m = Map(cp);
    size_t len;
    if (m.empty()) return 0;
    char32_t f = DecodeUtf8(m, 0, &len);
    return len == m.size() ? f : 0;
  }

  // Reads the variant classes (one a line, characters separated by spaces,
  // the representative first, lines by the representative's precedence;
  // `#` comments) and fills `variant`. The folded forms of one class's
  // characters are one class; where folding joins two classes (ICU folds a
  // character of one to a character of another), the earlier line's
  // representative wins.
  void BuildVariants(std::string_view classes) {
    std::unordered_map<char32_t, char32_t> parent;
    std::unordered_map<char32_t, size_t> rank;  // representative -> its line's index
    auto find = [&](char32_t x) {
      parent.emplace(x, x);
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    auto precedes = [&](char32_t a, char32_t b) {
      auto ra = rank.find(a), rb = rank.find(b);
      size_t ia = ra == rank.end() ? SIZE_MAX : ra->second, ib = rb == rank.end() ? SIZE_MAX : rb->second;
      return ia != ib ? ia < ib : a < b;
    };
    size_t line_no = 0;
    for (size_t pos = 0; pos < classes.size();) {
      size_t nl = classes.find('\n', pos);
      if (nl == std::string_view::npos) nl = classes.size();
      std::string_view line = classes.substr(pos, nl - pos);
      pos = nl + 1;
      if (line.empty() || line[0] == '#') continue;
      ++line_no;
      char32_t rep = 0;
      for (size_t i = 0; i < line.size();) {
        size_t len;
        char32_t cp = DecodeUtf8(line, i, &len);
        i += len;
        if (cp == ' ') continue;
        char32_t f = FoldOne(cp);
        if (f == 0) continue;
        if (rep == 0) {
          rep = f;
          rank.emplace(f, line_no);
          find(f);
          continue;
        }
        char32_t a = find(rep), b = find(f);
        if (a == b) continue;
        if (precedes(a, b)) parent[b] = a;
        else parent[a] = b;
      }
    }
    for (auto& [cp, p] : parent) {
      char32_t root = find(cp);
      if (root != cp) variant[cp] = root;
    }
  }
};

// pipeline/normalize/variants.txt, compiled in (embed.cmake).
const char* VariantClassesText();

Normalizer::Normalizer() : t_(std::make_unique<Tables>()) {}
Normalizer::~Normalizer() = default;

Result<std::shared_ptr<const Normalizer>> Normalizer::Create() {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(st);
  if (U_FAILURE(st)) return Status::Internal(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(st));

  // The table compiled at build time, or, with another ICU than the build's,
  // the same table asked of ICU (~0.6 G instructions).
  FoldTable fold = CompiledFoldTable(RunningIcuVersion());
  if (fold.off.empty()) {
    Result<FoldTable> built = BuildFoldTableWithIcu();
    if (!built.ok()) return built.status();
    fold = std::move(built).value();
  }

  std::shared_ptr<Normalizer> n(new Normalizer());
  Tables& t = *n->t_;
  t.nfkc_cf = nfkc_cf;
  t.fold = std::move(fold);
  std::string_view classes = VariantClassesText();
  t.BuildVariants(classes);
  t.fold_id = std::string("icu ") + U_ICU_VERSION + ", variants " + ContentHash(std::string(classes));
  return std::shared_ptr<const Normalizer>(std::move(n));
}

namespace {

// Sentence terminators in NORMALISED text: 。 ! ? ; and line breaks.
// A terminator absorbs closing quotes and brackets that follow it.
bool IsTerminator(char32_t c) { return c == 0x3002 || c == '!' || c == '?' || c == ';' || c == '\n'; }
bool IsCloser(char32_t c) {
  return c == 0x300D || c == 0x300F || c == 0x201D || c == 0x2019 || c == ')' || c == '"' ||
         c == 0x300B || c == 0x3011;
}
bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000; }

}  // namespace

NormText Normalizer::Normalize(std::string_view body) const {
  NormText out;
  out.text.reserve(body.size());
  out.cp_of_byte.reserve(body.size() + 1);
  out.body_byte.reserve(body.size() + 1);
  uint32_t c = 0;
  for (size_t i = 0; i < body.size(); ++c) {
    size_t len;
    char32_t cp = DecodeUtf8(body, i, &len);
    out.body_byte.push_back(static_cast<uint32_t>(i));
    if (cp < 0x80) {
      char ch = static_cast<char>(cp);
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      out.text.push_back(ch);
      out.cp_of_byte.push_back(c);
    } else if (cp < 0x10000) {
      std::string_view m = t_->Map(cp);
      out.text.append(m);
      out.cp_of_byte.insert(out.cp_of_byte.end(), m.size(), c);
    } else {
      icu::UnicodeString s(static_cast<UChar32>(cp));
      UErrorCode e = U_ZERO_ERROR;
      icu::UnicodeString f = t_->nfkc_cf->normalize(s, e);
      std::string u8;
      (U_FAILURE(e) ? s : f).toUTF8String(u8);
      out.text.append(u8);
      out.cp_of_byte.insert(out.cp_of_byte.end(), u8.size(), c);
    }
    i += len;
  }
  out.body_byte.push_back(static_cast<uint32_t>(body.size()));
  out.cp_of_byte.push_back(c);

  // Sentences over the normalised text.
  const std::string& s = out.text;
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    // skip leading space
    while (i < s.size() && IsSpace(DecodeUtf8(s, i, &len))) i += len;
    if (i >= s.size()) break;
    size_t b = i, e = i;
    while (e < s.size()) {
      char32_t cp = DecodeUtf8(s, e, &len);
      e += len;
      if (IsTerminator(cp)) {
        if (cp == '\n') { e -= len; break; }
        while (e < s.size()) {
          char32_t nx = DecodeUtf8(s, e, &len);
          if (IsCloser(nx) || (nx != '\n' && IsTerminator(nx))) e += len; else break;
        }
        break;
      }
    }
    // trim trailing space
    size_t te = e;
    while (te > b && (s[te - 1] == ' ' || s[te - 1] == '\t' || s[te - 1] == '\r')) --te;
    if (te > b) {
      NormSentence ns;
      ns.begin = b;
      ns.end = te;
      ns.start = out.BodyStart(b);
      ns.stop = out.BodyEnd(te);
      out.sentences.push_back(ns);
    }
    i = e;
  }
  return out;
}

size_t NormText::SentenceOf(uint32_t cp) const {
  if (sentences.empty()) return 0;
  auto it = std::upper_bound(sentences.begin(), sentences.end(), cp,
                             [](uint32_t v, const NormSentence& s) { return v < s.start; });
  if (it == sentences.begin()) return 0;
  return static_cast<size_t>(it - sentences.begin()) - 1;
}

std::string Normalizer::Fold(std::string_view s) const {
  if (ValidateUtf8(s).ok() == false) return std::string(s);
  return Normalize(s).text;
}

std::string Normalizer::FoldKey(std::string_view s) const {
  std::string f = Fold(s), out;
  out.reserve(f.size());
  for (size_t i = 0; i < f.size();) {
    size_t len;
    char32_t cp = DecodeUtf8(f, i, &len);
    bool drop = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xB7 || cp == 0x30FB ||
                cp == 0x2027 || cp == 0x2022 || cp == 0x2027;
    i += len;
    if (drop) continue;
    auto v = cp < 0x3400 ? t_->variant.end() : t_->variant.find(cp);  // classes are Han only
    if (v == t_->variant.end()) out.append(f, i - len, len);
    else AppendUtf8(v->second, &out);
  }
  return out;
}

const std::string& Normalizer::FoldId() const { return t_->fold_id; }

}  // namespace newskb
