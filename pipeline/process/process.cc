#include "pipeline/process/process.h"

#include <cstdio>

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

// Stage 1: raw input -> plain article text (and page metadata).
Result<Article> Markup(const PipelineContext& ctx, Document* doc) {
  MarkupKind kind = doc->raw_is_html ? MarkupKind::kHtmlPage : DetectMarkup(doc->raw);
  // doc->raw stays the input as given (a Big5 or GBK page keeps its bytes);
  // only the article text is UTF-8.
  return ConvertMarkup(doc->raw, kind, ctx.markup);
}

// Stage 2: the line-level body rules; the title and date the input lacks.
Status Body(const PipelineContext& ctx, const Article& article, Document* doc) {
  // A page's article container was found on the DOM: the line rules only
  // clean it; other text goes through the full line-level body finder.
  BodyResult b = article.kind == MarkupKind::kHtmlPage
                     ? ExtractBodyInContainer(article.text, ctx.body_markers)
                     : ExtractBody(article.text, ctx.body_markers);
  if (OnlyBoilerplate(b))
    return Status::InvalidInput("no article body found (only boilerplate: notices, copyright, markers)");
  doc->body = std::move(b.body);
  if (doc->title.empty()) doc->title = !article.title.empty() ? article.title : std::move(b.title);
  if (doc->published.empty()) doc->published = article.published;
  if (Blank(doc->body)) return Status::InvalidInput("no article body found");
  return Status::Ok();
}

// Stages 3-5: normalise, sentences, mentions, facts.
void Extract(const PipelineContext& ctx, const Document& doc, Processed* out) {
  out->norm = ctx.normalizer->Normalize(doc.body);
  out->sentences.clear();
  out->sentences.reserve(out->norm.sentences.size());
  for (const NormSentence& s : out->norm.sentences) out->sentences.push_back({s.start, s.stop});
  out->mentions = ctx.extractors->ExtractAll(doc, out->norm);
  out->facts = ctx.extractors->ExtractFacts(doc, out->norm, out->mentions);
  std::optional<Script> script = ctx.script->Detect(doc.body);
  out->script = script ? ScriptName(*script) : "";
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
  Result<std::shared_ptr<const ExtractorSet>> e = LoadExtractors(rules_dir, ctx->normalizer);
  if (!e.ok()) return e.status();
  ctx->extractors = e.value();
  for (const auto& x : ctx->extractors->list())
    for (const std::string& note : x->LoadNotes())
      std::fprintf(stderr, "newskb: note: %s: %s\n", x->name(), note.c_str());
  return std::shared_ptr<const PipelineContext>(std::move(ctx));
}

Status PrepareBody(const PipelineContext& ctx, Document* doc, RepeatMemory* repeats, uint64_t seq,
                   MarkupKind* kind) {
  Result<Article> article = Markup(ctx, doc);
  Status s = article.ok() ? Body(ctx, article.value(), doc) : article.status();
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
  Extract(ctx, *doc, out);
  return Status::Ok();
}

}  // namespace newskb
