// newskb/pipeline/process/process.h
//
// The per-document pipeline, in the order the stages run:
//
//   read (pipeline/io) -> markup -> body -> normalise -> extract -> link -> facts
//
// shared by `ingest`, `rules test` and `rules explain`, so that every
// command stores or shows the same body for the same input.
//
//   Result<std::shared_ptr<const PipelineContext>> ctx = LoadPipeline(rules_dir);
//   Processed p;
//   Status s = ProcessDocument(**ctx, &doc, &p);   // fills doc.body (and title, published)
//
// Thread safety: a PipelineContext is immutable and shared; ProcessDocument
// may run on many threads at once with different documents.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extractors/extractor.h"
#include "pipeline/body/body.h"
#include "pipeline/body/known_repeats.h"
#include "pipeline/body/repeats.h"
#include "pipeline/markup/markup.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/script/script.h"
#include "pipeline/text/document.h"
#include "pipeline/text/status.h"

namespace newskb {

// The most mentions one document keeps (PipelineContext::max_mentions,
// `ingest --max-mentions`). Real articles have at most a few thousand (the
// 419 articles of a 2 MB sample of real news: 211 at most, 29 a KiB at the
// densest); a hostile record can hold millions ("1%,1%,..." is a figure
// every 3 bytes: 10 million in 31 MiB), each costing memory (~330 bytes
// a mention, more with its facts) and time (~90 us).
constexpr size_t kDefaultMaxMentions = 50000;

struct PipelineContext {
  std::shared_ptr<const Normalizer> normalizer;
  std::shared_ptr<const ScriptConverter> script;  // document scripts, display names (OpenCC)
  std::shared_ptr<const ExtractorSet> extractors;
  BodyMarkers body_markers;
  std::shared_ptr<const KnownRepeats> known_repeats;  // RULES_DIR/repeats.tsv (may be empty)
  MarkupOptions markup;
  std::string rules_dir;
  // A document's mentions are kept up to this many, in document order;
  // extraction stops there (ExtractBodyText).
  size_t max_mentions = kDefaultMaxMentions;
};

// Builds the normaliser tables, loads OpenCC's script tables
// (ScriptConverter::DefaultDataDir), the body markers
// (RULES_DIR/boilerplate.txt), the text sources are known to repeat
// (RULES_DIR/repeats.tsv, optional) and every extractor's rules. Errors name the
// rule file and line.
Result<std::shared_ptr<const PipelineContext>> LoadPipeline(const std::string& rules_dir);

// A body over kExtractWholeBytes, or one with a sentence over
// kExtractSentenceBytes (normalised), is extracted a piece of lines (about
// kExtractPieceBytes) at a time, so that a 30 MB article holds one piece's
// normalised text, offset maps (9 bytes a byte) and mentions, not its whole
// body's, and the extraction can stop at max_mentions after any piece.
// Each piece is extracted alone: a name, a date or a subject is not
// carried from one piece to the next, and Processed::norm stays empty.
// Articles of real news are far smaller (the largest of 29,419 in
// real-news.dev: 105 KB; the longest sentence of a 2 MB sample: 1,454
// characters); this is for huge or hostile records. The piece is small
// because the extractors' cost grows faster than linearly with the
// mentions of one sentence (a 120 KB sentence of 40,000 figures: 30 s).
constexpr size_t kExtractWholeBytes = size_t{256} << 10;
constexpr size_t kExtractSentenceBytes = size_t{16} << 10;
constexpr size_t kExtractPieceBytes = size_t{16} << 10;

struct Processed {
  MarkupKind markup = MarkupKind::kPlain;  // how doc.raw was read
  NormText norm;                    // the normalised body (empty when extracted in pieces)
  std::vector<Sentence> sentences;  // code points of doc.body
  std::vector<Mention> mentions;    // document order
  std::vector<Fact> facts;          // indices into mentions
  std::string script;               // the body's script: "hant", "hans", "" (neither)
  // The document reached ctx.max_mentions: `mentions` holds its first
  // max_mentions, `facts` those that cite only them, and the text after the
  // piece where the limit was reached was not extracted (no mentions,
  // sentences or facts). ProcessDocument adds a warning to doc->warnings.
  bool mentions_cut = false;
};

// Runs the stages on one document:
//  1. markup: a web page (doc->raw_is_html), or a raw text recognised as
//     HTML or Markdown (DetectMarkup), becomes plain text; a page in another
//     charset is decoded for that, and doc->raw keeps the bytes as given;
//  2. body: the line-level rules choose doc->body from that text;
//  3. doc->title and doc->published, when the input gave none, come from
//     the page's metadata (markup), else the headline the body rules found;
//  4. repeats: text the document's source is known to repeat (shipped
//     data, pipeline/body/known_repeats.h) leaves the body, always; then,
//     with a RepeatMemory (ingest), text the source repeated verbatim in
//     earlier documents of the batch (pipeline/body/repeats.h); `seq` is
//     the document's number in input order, and every seq is observed or
//     skipped exactly once;
//  5. normalise, split sentences, extract, link, facts, up to
//     ctx.max_mentions mentions (then out->mentions_cut, and a warning in
//     doc->warnings naming the limit and where the extraction stopped).
// Errors (InvalidInput, the document is rejected): "no article body found"
// (also when every body line is strong boilerplate: a notice, a copyright
// line, a block marker),
// or what the markup stage reports (a page over the parser's budget).
Status ProcessDocument(const PipelineContext& ctx, Document* doc, Processed* out,
                       RepeatMemory* repeats = nullptr, uint64_t seq = 0);

// Stage 5 alone, on doc.body as it is: normalise, split sentences,
// extract, link, facts (in pieces over kExtractWholeBytes or with a
// sentence over kExtractSentenceBytes), up to ctx.max_mentions mentions.
void ExtractBodyText(const PipelineContext& ctx, const Document& doc, Processed* out);

// Stages 1-4 alone (markup, body, title and date, repeats): for `newskb
// extract --part`, which lets `repeats` learn from the documents before its
// part without extracting them. `kind` (optional): how doc.raw was read.
Status PrepareBody(const PipelineContext& ctx, Document* doc, RepeatMemory* repeats, uint64_t seq,
                   MarkupKind* kind = nullptr);

}  // namespace newskb
