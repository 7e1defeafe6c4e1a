// newskb/pipeline/script/script.h
//
// Chinese script: which script a text is written in, and an entity's
// display names in Traditional (Taiwan standard characters) and Simplified
// script, made with OpenCC (Debian's libopencc; this is the only module that links it).
//
//   Result<std::shared_ptr<const ScriptConverter>> sc = ScriptConverter::Create();
//   DisplayNames n = (*sc)->Names("美国能源部");   // n.hant "美國能源部", n.hans "美国能源部"
//   std::optional<Script> s = (*sc)->Detect(doc.body);   // kHant for a Taiwan article
//
// Display names (Names) are phrase-level conversions, made ONCE per entity
// when the knowledge base creates it (never per character in the hot path):
//   a name written in Traditional keeps its characters as written, with
//     Taiwan's standard variants (OpenCC t2tw: 裏 -> 裡, 峯 -> 峰); its
//     Simplified name is OpenCC t2s;
//   a name written in Simplified keeps its characters, but for those
//     mainland usage writes otherwise (OpenCC t2s: 居於 -> 居于); its
//     Traditional name is OpenCC s2tw (characters, by phrase where one
//     Simplified character has several Traditional ones, and Taiwan's
//     variants: 台湾 -> 臺灣, 计划 -> 計劃), never a change of words: a name
//     is a name, so 中国信息通信研究院 is 中國信息通信研究院, not Taiwan's
//     vocabulary 中國資訊通訊研究院 (which folds to another key and is not
//     the institute's name);
//   a name with characters of both scripts is first made Simplified (t2s),
//     then Traditional from that (s2tw);
//   a name with no script-specific character (乾隆, MP Materials) is
//     converted both ways; Latin letters keep their case.
// `hant_words` is the Traditional name in Taiwan's own words (OpenCC
// s2twp: 意大利政府 -> 義大利政府, 国家数据局 -> 國家資料局), not shown: the
// knowledge base keeps it as an alias, so the same thing written by a
// Taiwan outlet in its words joins the entity.
//
// Scripts (Detect, HasTraditionalOnly, HasSimplifiedOnly) come from OpenCC's
// character tables: a Traditional-only character is a key of TSCharacters
// that is not among its own Simplified forms (國, 們, 這), a Simplified-only
// one a key of STCharacters not among its Traditional forms (国, 们, 这)
// and not a Taiwan or Hong Kong standard form (TWVariants, HKVariants: 峰).
// Characters both scripts write (台, 里, 乾, Latin) count for neither.
// Detect is a table look-up per character.
//
// Thread safety: immutable after Create(); every method is const and may
// run on many threads at once. Cost: Create() loads three OpenCC configs
// and four character tables (~30 ms); Names() is three or four OpenCC conversions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/text/status.h"

namespace newskb {

enum class Script { kHant, kHans };

// "hant" or "hans".
const char* ScriptName(Script s);
// Parses "hant" / "hans"; nullopt for anything else.
std::optional<Script> ParseScript(std::string_view s);

struct DisplayNames {
  std::string hant;  // Traditional, Taiwan's standard characters
  std::string hans;  // Simplified
  std::string hant_words;  // Traditional in Taiwan's words (s2twp); an alias, not shown
  const std::string& in(Script s) const { return s == Script::kHant ? hant : hans; }
};

class ScriptConverter {
 public:
  // OpenCC's data folder: $NEWSKB_OPENCC_DIR if set, else /usr/share/opencc.
  static std::string DefaultDataDir();

  // Loads s2tw.json, s2twp.json, t2tw.json, t2s.json and the character tables
  // STCharacters.ocd2, TSCharacters.ocd2 from `data_dir`. NotFound (naming
  // the file) if OpenCC's data is missing or unreadable.
  static Result<std::shared_ptr<const ScriptConverter>> Create(const std::string& data_dir = DefaultDataDir());

  ~ScriptConverter();

  // The display names of an entity name (see the header comment).
  DisplayNames Names(std::string_view name) const;

  // Phrase-level conversions: Simplified -> Traditional (Taiwan's standard
  // characters, OpenCC s2tw; words unchanged), Simplified -> Traditional in
  // Taiwan's words (OpenCC s2twp: 信息 -> 資訊, 意大利 -> 義大利) and
  // Traditional -> Simplified (OpenCC t2s).
  std::string ToHant(std::string_view s) const;
  std::string ToTaiwanWords(std::string_view s) const;
  std::string ToHans(std::string_view s) const;

  // The script `text` is written in: kHant if it has more Traditional-only
  // than Simplified-only characters, kHans if fewer, nullopt on a tie (no
  // Chinese text at all, or only characters both scripts write).
  std::optional<Script> Detect(std::string_view text) const;

  // Whether `s` holds a character that only Traditional (Simplified) writes.
  bool HasTraditionalOnly(std::string_view s) const;
  bool HasSimplifiedOnly(std::string_view s) const;

 private:
  ScriptConverter();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newskb
