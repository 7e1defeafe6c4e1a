// newskb/pipeline/cli/process.h
//
// The per-document pipeline shared by `ingest`, `rules test` and `rules
// explain`: body extraction -> normalisation -> sentences -> extractors.
//
//   Result<std::shared_ptr<const PipelineContext>> ctx = LoadPipeline(rules_dir);
//   Processed p;
//   Status s = ProcessDocument(**ctx, &doc, &p);   // fills doc.body (and doc.title)
//
// Thread safety: a PipelineContext is immutable and shared; ProcessDocument
// may run on many threads at once with different documents.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extractors/extractor.h"
#include "pipeline/body/body.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/document.h"
#include "pipeline/text/status.h"

namespace newskb {

struct PipelineContext {
  std::shared_ptr<const Normalizer> normalizer;
  std::shared_ptr<const ExtractorSet> extractors;
  BodyMarkers body_markers;
  std::string rules_dir;
};

// Builds the normaliser tables, loads the body markers
// (RULES_DIR/boilerplate.txt) and every extractor's rules. Errors name the
// rule file and line.
Result<std::shared_ptr<const PipelineContext>> LoadPipeline(const std::string& rules_dir);

struct Processed {
  NormText norm;
  std::vector<Sentence> sentences;  // code points of doc.body
  std::vector<Mention> mentions;    // document order
  std::vector<Fact> facts;          // indices into mentions
};

// Chooses doc->body from doc->raw (keeps doc->title if set, else takes the
// one body extraction found), normalises, splits sentences, runs the
// extractors. InvalidInput if the body is empty.
Status ProcessDocument(const PipelineContext& ctx, Document* doc, Processed* out);

}  // namespace newskb
