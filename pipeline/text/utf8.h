// newskb/pipeline/text/utf8.h
//
// UTF-8 helpers shared by every module. All strings in newskb are UTF-8;
// pipeline/io validates every input once with ValidateUtf8, so later stages
// may use the unchecked DecodeUtf8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/text/status.h"

namespace newskb {

// OK if `s` is well-formed UTF-8 (no overlongs, surrogates or code points
// past U+10FFFF). Otherwise InvalidInput with a message naming the byte
// offset, e.g. "invalid UTF-8 at byte 1043 (0xE9 0x41)".
Status ValidateUtf8(std::string_view s);

// Decodes the code point at s[i]; sets *len to its byte length (>= 1).
// REQUIRES: s is valid UTF-8 and i < s.size().
inline char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { *len = 1; return c; }
  if (c < 0xE0) { *len = 2; return ((c & 0x1F) << 6) | (s[i + 1] & 0x3F); }
  if (c < 0xF0) {
    *len = 3;
    return ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
  }
  *len = 4;
  return ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) |
         (s[i + 3] & 0x3F);
}

// Appends the UTF-8 encoding of `cp` to *out.
void AppendUtf8(char32_t cp, std::string* out);

// Number of code points in valid UTF-8 `s`.
size_t CountCodePoints(std::string_view s);

// Columns `s` takes on a terminal: East Asian wide and full-width
// characters count 2, combining marks 0, others 1.
size_t DisplayWidth(std::string_view s);

// 64-bit FNV-1a of `s`, as 16 lower-case hex digits: the content hash that
// identifies a document (knowledge-base invariant 2).
std::string ContentHash(std::string_view s);

}  // namespace newskb
