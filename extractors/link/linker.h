// newskb/extractors/link/linker.h
//
// Linking: gives every organization or policy mention of ONE document its
// canonical name (Mention::name). A post-pass, run by the organization and
// policy extractors over their own mentions.
//
// Mentions are grouped (union-find) when
//   1. their surface forms fold alike (Normalizer::FoldKey);
//   2. the extractor paired them: `全名(ABBR)`, `中文名(English Name)`;
//   3. they hit the same gazetteer entity (an alias listed under several
//      entities counts only if the document names exactly one of them; a
//      `generic` entry such as 国防部 never links by itself);
//   4. a short form is the long form minus a leading place or body name of
//      at most four characters (能源部 -> 美国能源部), or the long form
//      begins with the short form and the short form is a bare name, not
//      ending in an organization head word (MP -> MP Materials,
//      Lynas -> Lynas Rare Earths); in both cases only if exactly one
//      group of the document fits.
// The group's name is the canonical name of its gazetteer entity when it
// has one (so the same organization gets one name in every document), else
// the fullest Chinese form among its mentions (longest text containing a
// Han character; if none, the longest text), as written in the body.
//
// Cost: O(n^2) in the document's mentions of one kind (tens per article).
// Thread safety: stateless; safe to call concurrently.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "extractors/link/gazetteer.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/document.h"

namespace newskb {

// `mentions` are one document's mentions of one kind; `same` pairs indices
// into `mentions` known to name one entity. `gaz` may be null.
void LinkMentions(const Gazetteer* gaz, const Normalizer& norm, std::vector<Mention*>& mentions,
                  const std::vector<std::pair<size_t, size_t>>& same);

// True if `s` (UTF-8) contains a Han character.
bool HasHan(std::string_view s);
// Number of code points in UTF-8 `s`.
size_t CodePoints(std::string_view s);

}  // namespace newskb
