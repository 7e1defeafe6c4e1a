#include "pipeline/text/document.h"

namespace newskb {

const char* MentionKindName(MentionKind k) {
  switch (k) {
    case MentionKind::kFigure: return "figure";
    case MentionKind::kDate: return "date";
    case MentionKind::kOrganization: return "organization";
    case MentionKind::kPolicy: return "policy";
    case MentionKind::kPlace: return "place";
    case MentionKind::kCommodity: return "commodity";
    case MentionKind::kIndicator: return "indicator";
    case MentionKind::kProject: return "project";
    case MentionKind::kActor: return "actor";
  }
  return "unknown";
}

std::optional<MentionKind> MentionKindFromName(const std::string& name) {
  for (MentionKind k : {MentionKind::kFigure, MentionKind::kDate, MentionKind::kOrganization,
                        MentionKind::kPolicy, MentionKind::kPlace, MentionKind::kCommodity,
                        MentionKind::kIndicator, MentionKind::kProject, MentionKind::kActor}) {
    if (name == MentionKindName(k)) return k;
  }
  return std::nullopt;
}

}  // namespace newskb
