#include "pipeline/process/process.h"

#include <algorithm>
#include <cstdio>

#include "pipeline/text/utf8.h"

#include "pipeline/body/container.h"

namespace newskb {
namespace {

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// True when every body line is strong boilerplate (a copyright line, a
// comment-board notice, a subscription appeal, a block marker): a record
// whose text is only that has no article.
bool OnlyBoilerplate(const BodyResult& b) {
  bool any = false;
  for (const BodyLine& l : b.lines) {
    if (!l.in_body || l.cls == LineClass::kBlank) continue;
    if (l.cls != LineClass::kEnd && l.cls != LineClass::kBlock) return false;
    any = true;
  }
  return any;
}

// Stage 1: raw input -> plain article text (and page metadata). A plain
// text is its own article text: Article::text stays empty and the body
// stage reads doc->raw (no copy of a 31 MiB record).
Result<Article> Markup(const PipelineContext& ctx, Document* doc) {
  MarkupKind kind = doc->raw_is_html ? MarkupKind::kHtmlPage : DetectMarkup(doc->raw);
  if (kind == MarkupKind::kPlain) {
    Article a;
    a.charset = "UTF-8";
    return a;
  }
  // doc->raw stays the input as given (a Big5 or GBK page keeps its bytes);
  // only the article text is UTF-8.
  return ConvertMarkup(doc->raw, kind, ctx.markup);
}

// Stage 2: the line-level body rules; the title and date the input lacks.
Status Body(const PipelineContext& ctx, const Article& article, Document* doc) {
  std::string_view text = article.kind == MarkupKind::kPlain ? std::string_view(doc->raw) : article.text;
  // A page's article container was found on the DOM: the line rules only
  // clean it; other text goes through the full line-level body finder.
  BodyResult b = article.kind == MarkupKind::kHtmlPage
                     ? ExtractBodyInContainer(text, ctx.body_markers)
                     : ExtractBody(text, ctx.body_markers);
  if (OnlyBoilerplate(b))
    return Status::InvalidInput("no article body found (only boilerplate: notices, copyright, markers)");
  doc->body = std::move(b.body);
  if (doc->title.empty()) doc->title = !article.title.empty() ? article.title : std::move(b.title);
  if (doc->published.empty()) doc->published = article.published;
  if (Blank(doc->body)) return Status::InvalidInput("no article body found");
  return Status::Ok();
}

// Stages 3-5 on one body: normalise, sentences, mentions, facts.
void ExtractWhole(const PipelineContext& ctx, const Document& doc, Processed* out) {
  out->norm = ctx.normalizer->Normalize(doc.body);
  out->sentences.clear();
  out->sentences.reserve(out->norm.sentences.size());
  for (const NormSentence& s : out->norm.sentences) out->sentences.push_back({s.start, s.stop});
  out->mentions = ctx.extractors->ExtractAll(doc, out->norm);
  out->facts = ctx.extractors->ExtractFacts(doc, out->norm, out->mentions);
}

// The end of the piece of `body` that starts at `b`: after the first line
// break at or past b + kExtractPieceBytes; without one in the next
// kExtractPieceBytes, after the first ASCII space or punctuation there (a
// line of digits and commas); else at a character boundary.
size_t PieceEnd(std::string_view body, size_t b) {
  size_t want = b + kExtractPieceBytes;
  if (want >= body.size()) return body.size();
  size_t limit = std::min(body.size(), want + kExtractPieceBytes);
  size_t nl = body.find('\n', want);
  if (nl != std::string_view::npos && nl < limit) return nl + 1;
  for (size_t i = want; i < limit; ++i) {
    unsigned char c = static_cast<unsigned char>(body[i]);
    if (c == ' ' || c == ',' || c == ';' || c == '.') return i + 1;
  }
  size_t e = limit;
  while (e < body.size() && (static_cast<unsigned char>(body[e]) & 0xC0) == 0x80) ++e;
  return e;
}

// A body over kExtractWholeBytes, a piece of lines at a time: each piece is
// normalised, extracted and linked alone, its offsets (code points,
// sentence and mention indices) moved to the whole body's; only one
// piece's normalised text and offset maps are held. out->norm stays empty.
void ExtractInPieces(const PipelineContext& ctx, const Document& doc, Processed* out) {
  Document piece;
  piece.key = doc.key;
  piece.title = doc.title;
  piece.published = doc.published;
  piece.source = doc.source;
  piece.origin = doc.origin;
  out->norm = NormText();
  out->sentences.clear();
  out->mentions.clear();
  out->facts.clear();
  uint32_t cp_base = 0;
  for (size_t b = 0; b < doc.body.size();) {
    size_t e = PieceEnd(doc.body, b);
    piece.body.assign(doc.body, b, e - b);
    Processed part;
    ExtractWhole(ctx, piece, &part);
    const int sentence_base = static_cast<int>(out->sentences.size());
    const int mention_base = static_cast<int>(out->mentions.size());
    for (const Sentence& s : part.sentences) out->sentences.push_back({s.start + cp_base, s.end + cp_base});
    for (Mention& m : part.mentions) {
      m.start += cp_base;
      m.end += cp_base;
      out->mentions.push_back(std::move(m));
    }
    auto shift = [&](int i) { return i < 0 ? i : i + mention_base; };
    for (Fact& f : part.facts) {
      f.subject = shift(f.subject);
      f.object = shift(f.object);
      f.figure = shift(f.figure);
      f.date = shift(f.date);
      if (f.subject_sentence >= 0) f.subject_sentence += sentence_base;
      out->facts.push_back(std::move(f));
    }
    cp_base += static_cast<uint32_t>(CountCodePoints(piece.body));
    b = e;
  }
}

}  // namespace

Result<std::shared_ptr<const PipelineContext>> LoadPipeline(const std::string& rules_dir) {
  auto ctx = std::make_shared<PipelineContext>();
  ctx->rules_dir = rules_dir;
  Result<std::shared_ptr<const Normalizer>> n = Normalizer::Create();
  if (!n.ok()) return n.status();
  ctx->normalizer = n.value();
  Result<std::shared_ptr<const ScriptConverter>> sc = ScriptConverter::Create();
  if (!sc.ok()) return sc.status();
  ctx->script = sc.value();
  Result<BodyMarkers> m = LoadBodyMarkers(rules_dir + "/boilerplate.txt");
  if (!m.ok()) return m.status();
  ctx->body_markers = std::move(m).value();
  Result<KnownRepeats> known = KnownRepeats::Load(rules_dir + "/repeats.tsv");
  if (!known.ok()) return known.status();
  ctx->known_repeats = std::make_shared<const KnownRepeats>(std::move(known).value());
  Result<std::shared_ptr<const ExtractorSet>> e = LoadExtractors(rules_dir, ctx->normalizer);
  if (!e.ok()) return e.status();
  ctx->extractors = e.value();
  for (const auto& x : ctx->extractors->list())
    for (const std::string& note : x->LoadNotes())
      std::fprintf(stderr, "newskb: note: %s: %s\n", x->name(), note.c_str());
  return std::shared_ptr<const PipelineContext>(std::move(ctx));
}

void ExtractBodyText(const PipelineContext& ctx, const Document& doc, Processed* out) {
  if (doc.body.size() > kExtractWholeBytes) ExtractInPieces(ctx, doc, out);
  else ExtractWhole(ctx, doc, out);
  std::optional<Script> script = ctx.script->Detect(doc.body);
  out->script = script ? ScriptName(*script) : "";
}

Status PrepareBody(const PipelineContext& ctx, Document* doc, RepeatMemory* repeats, uint64_t seq,
                   MarkupKind* kind) {
  Result<Article> article = Markup(ctx, doc);
  Status s = article.ok() ? Body(ctx, article.value(), doc) : article.status();
  if (s.ok() && ctx.known_repeats) ctx.known_repeats->Remove(doc->source, &doc->body);
  if (repeats) {
    if (s.ok()) repeats->Observe(seq, doc->source, &doc->body);
    else repeats->Skip(seq);
  }
  if (s.ok() && kind) *kind = article->kind;
  return s;
}

Status ProcessDocument(const PipelineContext& ctx, Document* doc, Processed* out,
                       RepeatMemory* repeats, uint64_t seq) {
  if (Status s = PrepareBody(ctx, doc, repeats, seq, &out->markup); !s.ok()) return s;
  ExtractBodyText(ctx, *doc, out);
  return Status::Ok();
}

}  // namespace newskb
