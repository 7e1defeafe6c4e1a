// newskb/pipeline/markup/charset.h
//
// Bytes of a web page -> UTF-8, the way a browser chooses the encoding:
// a byte order mark wins, then a charset declared in the first 4 KiB
// (<meta charset="big5">, <meta http-equiv="Content-Type"
// content="text/html; charset=gb2312">), else UTF-8. Declared labels are
// mapped as the WHATWG Encoding Standard does where it matters for Chinese
// pages: gb2312, gbk, x-gbk and gb_2312-80 mean GBK (decoded as GB18030,
// its superset); big5 means Big5-HKSCS. Decoding uses ICU's converters.
//
// A declaration that lies: when the bytes are valid UTF-8 but not valid in
// the declared charset (or the declaration names UTF-16, which a byte page
// cannot be), they are read as UTF-8. Bytes invalid in the chosen charset
// become U+FFFD, never an error; only an unknown charset whose bytes are not
// UTF-8 either is an error.
//
// Thread safety: reentrant (one ICU converter per call).
#pragma once

#include <string>
#include <string_view>

#include "pipeline/text/status.h"

namespace newskb::markup {

// The charset label a page declares in its first 4 KiB (BOM first:
// "UTF-8", "UTF-16LE", "UTF-16BE"), lower-cased; "" if none.
std::string SniffCharset(std::string_view bytes);

struct Decoded {
  std::string text;     // UTF-8, BOM removed
  std::string charset;  // what was used: "UTF-8", "GB18030", "Big5-HKSCS", ...
};

Result<Decoded> DecodePage(std::string_view bytes);

}  // namespace newskb::markup
