#include "pipeline/cli/process.h"

namespace newskb {

Result<std::shared_ptr<const PipelineContext>> LoadPipeline(const std::string& rules_dir) {
  auto ctx = std::make_shared<PipelineContext>();
  ctx->rules_dir = rules_dir;
  Result<std::shared_ptr<const Normalizer>> n = Normalizer::Create();
  if (!n.ok()) return n.status();
  ctx->normalizer = n.value();
  Result<BodyMarkers> m = LoadBodyMarkers(rules_dir + "/boilerplate.txt");
  if (!m.ok()) return m.status();
  ctx->body_markers = std::move(m).value();
  Result<std::shared_ptr<const ExtractorSet>> e = LoadExtractors(rules_dir, ctx->normalizer);
  if (!e.ok()) return e.status();
  ctx->extractors = e.value();
  return std::shared_ptr<const PipelineContext>(std::move(ctx));
}

Status ProcessDocument(const PipelineContext& ctx, Document* doc, Processed* out) {
  BodyResult b = ExtractBody(doc->raw, ctx.body_markers);
  doc->body = std::move(b.body);
  if (doc->title.empty()) doc->title = std::move(b.title);
  if (doc->body.find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::InvalidInput("no article body found");
  out->norm = ctx.normalizer->Normalize(doc->body);
  out->sentences.clear();
  out->sentences.reserve(out->norm.sentences.size());
  for (const NormSentence& s : out->norm.sentences) out->sentences.push_back({s.start, s.stop});
  out->mentions = ctx.extractors->ExtractAll(*doc, out->norm);
  out->facts = ctx.extractors->ExtractFacts(*doc, out->norm, out->mentions);
  return Status::Ok();
}

}  // namespace newskb
