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

// A plain text over this whose body is all of it is held once (raw_is_body).
constexpr size_t kShareRawBytes = size_t{4} << 20;

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

// Keeps the first `limit` mentions and the facts that cite only them.
void KeepFirstMentions(size_t limit, Processed* out) {
  if (out->mentions.size() <= limit) return;
  out->mentions.resize(limit);
  const int n = static_cast<int>(limit);
  auto kept = [n](int i) { return i < n; };
  out->facts.erase(std::remove_if(out->facts.begin(), out->facts.end(),
                                  [&](const Fact& f) {
                                    return !kept(f.subject) || !kept(f.object) || !kept(f.figure) ||
                                           !kept(f.date);
                                  }),
                   out->facts.end());
  out->mentions_cut = true;
}

// True when a sentence of `norm` is longer than kExtractSentenceBytes.
bool HasHugeSentence(const NormText& norm) {
  for (const NormSentence& s : norm.sentences)
    if (s.end - s.begin > kExtractSentenceBytes) return true;
  return false;
}

// Stages 3-5 on one body, normalised as `norm`: sentences, mentions, facts.
void ExtractNormalised(const PipelineContext& ctx, const Document& doc, NormText norm, Processed* out) {
  out->norm = std::move(norm);
  out->sentences.clear();
  out->sentences.reserve(out->norm.sentences.size());
  for (const NormSentence& s : out->norm.sentences) out->sentences.push_back({s.start, s.stop});
  out->mentions = ctx.extractors->ExtractAll(doc, out->norm);
  out->facts = ctx.extractors->ExtractFacts(doc, out->norm, out->mentions);
}

void ExtractWhole(const PipelineContext& ctx, const Document& doc, Processed* out) {
  ExtractNormalised(ctx, doc, ctx.normalizer->Normalize(doc.body), out);
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

// A large body, a piece of lines at a time: each piece is normalised,
// extracted and linked alone, its offsets (code points, sentence and
// mention indices) moved to the whole body's; only one piece's normalised
// text and offset maps are held. Stops after the piece where the mentions
// reach ctx.max_mentions. out->norm stays empty.
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
  for (size_t b = 0; b < doc.body.size() && out->mentions.size() < ctx.max_mentions;) {
    size_t e = PieceEnd(doc.body, b);
    piece.body.assign(doc.body, b, e - b);
    Processed part;
    ExtractWhole(ctx, piece, &part);
    const int sentence_base = static_cast<int>(out->sentences.size());
    const int mention_base = static_cast<int>(out->mentions.size());
    for (const Sentence& s : part.sentences) out->sentences.push_back({s.start + cp_base, s.end + cp_base});
    // Never more room than the limit: a document that reaches it holds
    // max_mentions mentions, not the next doubling of them.
    size_t want = out->mentions.size() + part.mentions.size();
    if (want > out->mentions.capacity())
      out->mentions.reserve(std::min(std::max(want, 2 * out->mentions.capacity()),
                                     std::max(want, ctx.max_mentions)));
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
  KeepFirstMentions(ctx.max_mentions, out);
}

// "mentions cut at the limit of 50000 ...: the first 50000 are stored, up to character C of T; ..."
std::string CutWarning(const PipelineContext& ctx, const Document& doc, const Processed& p) {
  uint32_t upto = p.mentions.empty() ? 0 : p.mentions.back().end;
  return "mentions cut at the limit of " + std::to_string(ctx.max_mentions) +
         " a document (--max-mentions): the first " + std::to_string(p.mentions.size()) +
         " are stored, up to character " + std::to_string(upto) + " of " +
         std::to_string(CountCodePoints(doc.body)) +
         "; the text after them is stored without mentions, facts or (past the last extracted piece) sentences";
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
  out->mentions_cut = false;
  if (doc.body.size() > kExtractWholeBytes) {
    ExtractInPieces(ctx, doc, out);
  } else {
    NormText norm = ctx.normalizer->Normalize(doc.body);
    if (HasHugeSentence(norm)) {
      norm = NormText();
      ExtractInPieces(ctx, doc, out);
    } else {
      ExtractNormalised(ctx, doc, std::move(norm), out);
      KeepFirstMentions(ctx.max_mentions, out);
    }
  }
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
  // A large plain text kept whole is held once, as its body (Document::Raw).
  if (s.ok() && !doc->raw_is_html && doc->raw.size() > kShareRawBytes && doc->body == doc->raw) {
    std::string().swap(doc->raw);
    doc->raw_is_body = true;
  }
  if (s.ok() && kind) *kind = article->kind;
  return s;
}

Status ProcessDocument(const PipelineContext& ctx, Document* doc, Processed* out,
                       RepeatMemory* repeats, uint64_t seq) {
  if (Status s = PrepareBody(ctx, doc, repeats, seq, &out->markup); !s.ok()) return s;
  ExtractBodyText(ctx, *doc, out);
  if (out->mentions_cut) doc->warnings.push_back(CutWarning(ctx, *doc, *out));
  return Status::Ok();
}

}  // namespace newskb
