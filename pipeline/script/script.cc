#include "pipeline/script/script.h"

#include <Exception.hpp>
#include <Lexicon.hpp>
#include <MarisaDict.hpp>
#include <SerializableDict.hpp>
#include <SimpleConverter.hpp>

#include <cstdlib>
#include <fstream>

#include "pipeline/text/utf8.h"

namespace newskb {

const char* ScriptName(Script s) { return s == Script::kHant ? "hant" : "hans"; }

std::optional<Script> ParseScript(std::string_view s) {
  if (s == "hant") return Script::kHant;
  if (s == "hans") return Script::kHans;
  return std::nullopt;
}

namespace {

// One bit per Unicode code point.
class CodePointSet {
 public:
  CodePointSet() : bits_(0x110000 / 64, 0) {}
  void Add(char32_t cp) {
    if (cp < 0x110000) bits_[cp >> 6] |= uint64_t{1} << (cp & 63);
  }
  void Remove(char32_t cp) {
    if (cp < 0x110000) bits_[cp >> 6] &= ~(uint64_t{1} << (cp & 63));
  }
  bool Has(char32_t cp) const { return cp < 0x110000 && (bits_[cp >> 6] >> (cp & 63)) & 1; }

 private:
  std::vector<uint64_t> bits_;
};

// The single code point of `s`, or 0 if `s` is not exactly one.
char32_t OnlyCodePoint(const std::string& s) {
  if (s.empty()) return 0;
  size_t len;
  char32_t cp = DecodeUtf8(s, 0, &len);
  return len == s.size() ? cp : 0;
}

// Keys of a one-character OpenCC table that are not among their own values:
// the characters only the table's source script writes.
void AddOneScriptOnly(const opencc::Lexicon& lex, CodePointSet* out) {
  for (const auto& entry : lex) {
    std::string key = entry->Key();
    char32_t cp = OnlyCodePoint(key);
    if (cp == 0) continue;
    bool self = false;
    for (const std::string& v : entry->Values()) self = self || v == key;
    if (!self) out->Add(cp);
  }
}

// Removes the one-character values of an OpenCC table from `set`.
void RemoveValues(const opencc::Lexicon& lex, CodePointSet* set) {
  for (const auto& entry : lex)
    for (const std::string& v : entry->Values())
      if (char32_t cp = OnlyCodePoint(v)) set->Remove(cp);
}

int Count(const CodePointSet& set, std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t cp = DecodeUtf8(s, i, &len);
    i += len;
    n += set.Has(cp);
  }
  return n;
}

}  // namespace

struct ScriptConverter::Impl {
  std::unique_ptr<opencc::SimpleConverter> s2tw, s2twp, t2tw, t2s;
  CodePointSet traditional_only, simplified_only;
};

ScriptConverter::ScriptConverter() : impl_(std::make_unique<Impl>()) {}
ScriptConverter::~ScriptConverter() = default;

std::string ScriptConverter::DefaultDataDir() {
  const char* d = std::getenv("NEWSKB_OPENCC_DIR");
  return d && *d ? d : "/usr/share/opencc";
}

Result<std::shared_ptr<const ScriptConverter>> ScriptConverter::Create(const std::string& data_dir) {
  std::shared_ptr<ScriptConverter> sc(new ScriptConverter());
  std::string file;
  try {
    // SimpleConverter reads a config naming its dictionaries; check the
    // config is there first, so a missing install names the file.
    for (const char* config : {"s2tw.json", "s2twp.json", "t2tw.json", "t2s.json"}) {
      file = data_dir + "/" + config;
      if (!std::ifstream(file)) return Status::NotFound(file + ": OpenCC's data is missing (install libopencc-data)");
    }
    file = data_dir + "/s2tw.json";
    sc->impl_->s2tw = std::make_unique<opencc::SimpleConverter>(file);
    file = data_dir + "/s2twp.json";
    sc->impl_->s2twp = std::make_unique<opencc::SimpleConverter>(file);
    file = data_dir + "/t2tw.json";
    sc->impl_->t2tw = std::make_unique<opencc::SimpleConverter>(file);
    file = data_dir + "/t2s.json";
    sc->impl_->t2s = std::make_unique<opencc::SimpleConverter>(file);
    file = data_dir + "/TSCharacters.ocd2";
    AddOneScriptOnly(*opencc::SerializableDict::NewFromFile<opencc::MarisaDict>(file)->GetLexicon(),
                     &sc->impl_->traditional_only);
    file = data_dir + "/STCharacters.ocd2";
    AddOneScriptOnly(*opencc::SerializableDict::NewFromFile<opencc::MarisaDict>(file)->GetLexicon(),
                     &sc->impl_->simplified_only);
    // Taiwan's and Hong Kong's standard forms are Traditional, whatever
    // STCharacters says (峰: Simplified, and Taiwan's form of 峯).
    for (const char* table : {"TWVariants.ocd2", "HKVariants.ocd2"}) {
      file = data_dir + "/" + table;
      RemoveValues(*opencc::SerializableDict::NewFromFile<opencc::MarisaDict>(file)->GetLexicon(),
                   &sc->impl_->simplified_only);
    }
  } catch (const opencc::Exception& e) {
    return Status::NotFound(file + ": OpenCC cannot load it: " + e.what());
  } catch (const std::exception& e) {
    return Status::NotFound(file + ": OpenCC cannot load it: " + e.what());
  }
  return std::shared_ptr<const ScriptConverter>(std::move(sc));
}

std::string ScriptConverter::ToHant(std::string_view s) const {
  return impl_->s2tw->Convert(s.data(), s.size());
}

std::string ScriptConverter::ToTaiwanWords(std::string_view s) const {
  return impl_->s2twp->Convert(s.data(), s.size());
}

std::string ScriptConverter::ToHans(std::string_view s) const {
  return impl_->t2s->Convert(s.data(), s.size());
}

bool ScriptConverter::HasTraditionalOnly(std::string_view s) const {
  return Count(impl_->traditional_only, s) > 0;
}

bool ScriptConverter::HasSimplifiedOnly(std::string_view s) const {
  return Count(impl_->simplified_only, s) > 0;
}

std::optional<Script> ScriptConverter::Detect(std::string_view text) const {
  int t = Count(impl_->traditional_only, text), s = Count(impl_->simplified_only, text);
  if (t > s) return Script::kHant;
  if (s > t) return Script::kHans;
  return std::nullopt;
}

DisplayNames ScriptConverter::Names(std::string_view name) const {
  DisplayNames n;
  bool trad = HasTraditionalOnly(name), simp = HasSimplifiedOnly(name);
  if (trad && !simp) {
    n.hant = impl_->t2tw->Convert(name.data(), name.size());
    n.hans = ToHans(name);
    n.hant_words = n.hant;  // written in Traditional: already in its writer's words
  } else if (simp && !trad) {
    n.hans = ToHans(name);  // as written, but for characters mainland usage writes otherwise (於 -> 于)
    n.hant = ToHant(name);
    n.hant_words = ToTaiwanWords(name);
  } else if (trad && simp) {
    n.hans = ToHans(name);
    n.hant = ToHant(n.hans);
    n.hant_words = ToTaiwanWords(n.hans);
  } else {
    n.hans = ToHans(name);
    n.hant = ToHant(name);
    n.hant_words = ToTaiwanWords(name);
  }
  return n;
}

}  // namespace newskb
