// newskb/tests/support/long_article.h: one long article and its mentions,
// for the facts pass at sizes up to the document limit (32 MiB).
//
//   LongArticle a = BuildLongArticle(ctx, samples, 32e6);
//   ctx.extractors->ExtractFacts(a.doc, a.norm, a.mentions);
//
// The article joins the sample articles (as paragraphs, "\n\n" between
// them) until it holds `bytes` bytes. Its mentions are each sample's own,
// extracted once per sample and shifted to every copy: the facts pass sees
// what the extractors would give (linking across the copies aside) without
// running them over the whole article, which costs more than the facts pass
// and is timed elsewhere. Header-only; used by tests/unit and bench/.
#pragma once

#include <string>
#include <vector>

#include "pipeline/process/process.h"

namespace newskb {

struct LongArticle {
  Document doc;
  NormText norm;
  std::vector<Mention> mentions;
  size_t copies = 0;
};

inline size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

inline LongArticle BuildLongArticle(const PipelineContext& ctx, const std::vector<Document>& samples, double bytes) {
  struct Piece {
    std::string text;
    std::vector<Mention> mentions;
    size_t cps;
  };
  std::vector<Piece> pieces;
  for (const Document& s : samples) {
    Document d = s;
    d.body = d.raw + "\n\n";
    NormText n = ctx.normalizer->Normalize(d.body);
    pieces.push_back({d.body, ctx.extractors->ExtractAll(d, n), CodePoints(d.body)});
  }
  LongArticle a;
  a.doc.key = "long";
  uint32_t offset = 0;
  for (size_t i = 0; !pieces.empty() && a.doc.body.size() < bytes; ++i, ++a.copies) {
    const Piece& p = pieces[i % pieces.size()];
    a.doc.body += p.text;
    for (Mention m : p.mentions) {
      m.start += offset;
      m.end += offset;
      a.mentions.push_back(std::move(m));
    }
    offset += static_cast<uint32_t>(p.cps);
  }
  a.doc.raw = a.doc.body;
  a.norm = ctx.normalizer->Normalize(a.doc.body);
  return a;
}

}  // namespace newskb
