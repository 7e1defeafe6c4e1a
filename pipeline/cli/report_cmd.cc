// `newskb report`: the knowledge base as one self-contained HTML file.
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/io/reader.h"
#include "pipeline/kb/kb.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/report/report.h"

namespace newskb {
namespace {

const char kHelp[] =
    "usage: newskb report [--db FILE] [--entity NAME] [--since DATE] [--until DATE]\n"
    "                     [--max-articles N] [--timelines N] --out FILE.html\n"
    "\n"
    "Writes one self-contained HTML file (no network, no script: open it in any\n"
    "browser, mail it, archive it):\n"
    "  * a timeline of the dated facts of each entity (SVG; hover a dot for its\n"
    "    figure and sentence, click it for the article);\n"
    "  * the top organizations, policies and commodities with their figures;\n"
    "  * a page per article: the body with mentions highlighted by kind, and\n"
    "    a table of its facts.\n"
    "\n"
    "options:\n"
    "  --db FILE          knowledge base (default: $NEWSKB_DB, else ./newskb.sqlite)\n"
    "  --entity NAME      only articles mentioning this entity (any alias, either script);\n"
    "                     its timeline comes first\n"
    "  --since DATE       only articles published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    "  --until DATE       only articles published on or before DATE (same forms)\n"
    "  --max-articles N   article pages, newest first (default 200; the index says how many)\n"
    "  --timelines N      entities on the timeline, most dated facts first (default 12)\n"
    "  --out FILE         the HTML file to write (required; - for stdout)\n"
    "\n"
    "Exit status: 0 written, 1 the entity is unknown, 2 usage or fatal error.\n";

// The selected documents as a SQL condition on a documents alias `d`,
// with ?1 since, ?2 until, ?3 the folded entity key ("" = no filter).
const char kDocFilter[] =
    "(?1 = '' OR (d.published IS NOT NULL AND d.published >= ?1)) "
    "AND (?2 = '' OR (d.published IS NOT NULL AND substr(d.published, 1, length(?2)) <= ?2)) "
    "AND (?3 = '' OR d.doc_id IN (SELECT m.doc_id FROM mentions m JOIN aliases a ON a.entity_id = m.entity_id "
    "WHERE a.key = ?3))";

// The fact columns every fact query selects, in ReportFact order.
const char kFactColumns[] =
    "coalesce(se.name, ''), f.predicate, coalesce(oe.name, ''), fm.text, coalesce(dm.date_value, ''), d.doc_key, "
    "coalesce(s.text, '') FROM facts f JOIN documents d ON d.doc_id = f.doc_id "
    "LEFT JOIN entities se ON se.entity_id = f.subject_id LEFT JOIN entities oe ON oe.entity_id = f.object_id "
    "JOIN mentions fm ON fm.mention_id = f.figure_id LEFT JOIN mentions dm ON dm.mention_id = f.date_id "
    "LEFT JOIN sentences s ON s.doc_id = fm.doc_id AND s.idx = fm.sentence_idx ";

ReportFact FactOf(const TextRow& r) {
  ReportFact f;
  f.subject = r[0].value_or("");
  f.predicate = r[1].value_or("");
  f.object = r[2].value_or("");
  f.figure = r[3].value_or("");
  f.date = r[4].value_or("");
  f.doc_key = r[5].value_or("");
  f.sentence = r[6].value_or("");
  return f;
}

class ReportBuilder {
 public:
  ReportBuilder(KnowledgeBase* kb, std::vector<std::string> filter) : kb_(kb), filter_(std::move(filter)) {}

  Status Build(int max_articles, int timelines, ReportData* out) {
    Status s = CountArticles(&out->total_articles);
    if (s.ok()) s = Timelines(timelines, &out->timelines);
    for (const char* kind : {"organization", "policy", "commodity"}) {
      if (!s.ok()) break;
      out->top.push_back({kind, {}});
      s = Top(kind, &out->top.back().entities);
    }
    if (s.ok()) s = Articles(max_articles, &out->articles);
    return s;
  }

 private:
  Status Select(const std::string& sql, std::vector<std::string> extra, const std::function<void(const TextRow&)>& f) {
    std::vector<std::string> params = filter_;
    params.insert(params.end(), extra.begin(), extra.end());
    return kb_->Select(sql, params, f);
  }

  Status CountArticles(int64_t* n) {
    return Select(std::string("SELECT count(*) FROM documents d WHERE ") + kDocFilter, {},
                  [&](const TextRow& r) { *n = std::stoll(r[0].value_or("0")); });
  }

  // The entities with the most dated facts (as subject), the filter's entity first.
  Status Timelines(int n, std::vector<ReportTimeline>* out) {
    std::vector<std::pair<std::string, std::string>> who;  // id, name
    Status s = Select(
        std::string("SELECT f.subject_id, se.name, se.kind, count(*) AS n, "
                    "max(se.entity_id IN (SELECT entity_id FROM aliases WHERE key = ?3)) AS chosen "
                    "FROM facts f JOIN documents d ON d.doc_id = f.doc_id JOIN entities se ON se.entity_id = f.subject_id "
                    "JOIN mentions dm ON dm.mention_id = f.date_id WHERE dm.date_value IS NOT NULL AND ") +
            kDocFilter + " GROUP BY f.subject_id ORDER BY chosen DESC, n DESC, se.name LIMIT ?4",
        {std::to_string(n)}, [&](const TextRow& r) {
          who.emplace_back(r[0].value_or(""), r[1].value_or(""));
          out->push_back({r[1].value_or(""), r[2].value_or(""), {}});
        });
    for (size_t i = 0; s.ok() && i < who.size(); ++i)
      s = Select(std::string("SELECT ") + kFactColumns + "WHERE f.subject_id = ?4 AND dm.date_value IS NOT NULL AND " +
                     kDocFilter + " ORDER BY dm.date_value, d.doc_key, fm.start",
                 {who[i].first}, [&](const TextRow& r) { (*out)[i].facts.push_back(FactOf(r)); });
    return s;
  }

  Status Top(const std::string& kind, std::vector<ReportTopEntity>* out) {
    std::vector<std::string> ids;
    Status s = Select(std::string("SELECT e.entity_id, e.name, count(DISTINCT m.doc_id), count(*) FROM mentions m "
                                  "JOIN documents d ON d.doc_id = m.doc_id JOIN entities e ON e.entity_id = m.entity_id "
                                  "WHERE m.kind = ?4 AND ") +
                          kDocFilter + " GROUP BY e.entity_id ORDER BY 3 DESC, 4 DESC, e.name LIMIT 10",
                      {kind}, [&](const TextRow& r) {
                        ids.push_back(r[0].value_or(""));
                        ReportTopEntity e;
                        e.name = r[1].value_or("");
                        e.articles = std::stoll(r[2].value_or("0"));
                        e.mentions = std::stoll(r[3].value_or("0"));
                        out->push_back(std::move(e));
                      });
    for (size_t i = 0; s.ok() && i < ids.size(); ++i)
      s = Select(std::string("SELECT ") + kFactColumns + "WHERE (f.subject_id = ?4 OR f.object_id = ?4) AND " +
                     kDocFilter + " ORDER BY (dm.date_value IS NULL), dm.date_value DESC, d.doc_key, fm.start LIMIT 4",
                 {ids[i]}, [&](const TextRow& r) { (*out)[i].figures.push_back(FactOf(r)); });
    return s;
  }

  Status Articles(int max_articles, std::vector<ReportArticle>* out) {
    std::vector<std::string> ids;
    Status s = Select(std::string("SELECT d.doc_id, d.doc_key, coalesce(d.title, ''), coalesce(d.published, ''), "
                                  "coalesce(d.source, ''), d.text FROM documents d WHERE ") +
                          kDocFilter + " ORDER BY d.published IS NULL, d.published DESC, d.doc_key LIMIT ?4",
                      {std::to_string(max_articles)}, [&](const TextRow& r) {
                        ids.push_back(r[0].value_or(""));
                        out->push_back({r[1].value_or(""), r[2].value_or(""), r[3].value_or(""),
                                        r[4].value_or(""), r[5].value_or(""), {}, {}});
                      });
    for (size_t i = 0; s.ok() && i < ids.size(); ++i) {
      ReportArticle& a = (*out)[i];
      s = kb_->Select("SELECT m.start, m.\"end\", m.kind, coalesce(e.name, '') FROM mentions m "
                      "LEFT JOIN entities e ON e.entity_id = m.entity_id WHERE m.doc_id = ?1 "
                      "ORDER BY m.start, m.\"end\" DESC",
                      {ids[i]}, [&](const TextRow& r) {
                        a.spans.push_back({static_cast<uint32_t>(std::stoul(r[0].value_or("0"))),
                                           static_cast<uint32_t>(std::stoul(r[1].value_or("0"))), r[2].value_or(""),
                                           r[3].value_or("")});
                      });
      if (s.ok())
        s = kb_->Select(std::string("SELECT ") + kFactColumns + "WHERE f.doc_id = ?1 ORDER BY fm.start", {ids[i]},
                        [&](const TextRow& r) { a.facts.push_back(FactOf(r)); });
    }
    return s;
  }

  KnowledgeBase* kb_;
  std::vector<std::string> filter_;  // ?1 since, ?2 until, ?3 entity key
};

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", std::gmtime(&t));
  return buf;
}

}  // namespace

int CmdReport(int argc, char** argv) {
  std::string db = DefaultDbPath(), entity, since, until, out, err, v;
  int max_articles = 200, timelines = 12;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) continue;
    if (TakeOption(argc, argv, &i, "--entity", &entity, &err)) continue;
    if (TakeOption(argc, argv, &i, "--since", &since, &err)) continue;
    if (TakeOption(argc, argv, &i, "--until", &until, &err)) continue;
    if (TakeOption(argc, argv, &i, "--out", &out, &err)) continue;
    if (TakeOption(argc, argv, &i, "--max-articles", &v, &err)) {
      max_articles = std::atoi(v.c_str());
      if (max_articles < 0) err = "--max-articles needs a whole number";
      continue;
    }
    if (TakeOption(argc, argv, &i, "--timelines", &v, &err)) {
      timelines = std::atoi(v.c_str());
      if (timelines < 0) err = "--timelines needs a whole number";
      continue;
    }
    err = "unknown argument " + a;
  }
  for (std::string* d : {&since, &until}) {
    std::string iso;
    if (err.empty() && !d->empty()) {
      if (!ParseIsoDate(*d, &iso)) err = "'" + *d + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)";
      else *d = iso;
    }
  }
  if (err.empty() && out.empty()) err = "--out FILE is required";
  if (!err.empty()) {
    std::fprintf(stderr, "newskb report: %s\n\n%s", err.c_str(), kHelp);
    return 2;
  }
  auto kb = KnowledgeBase::OpenReadOnly(db);
  if (!kb.ok()) {
    std::fprintf(stderr, "newskb report: %s\n", kb.status().message().c_str());
    return 2;
  }
  std::string key;
  if (!entity.empty()) {
    Result<std::shared_ptr<const Normalizer>> norm = Normalizer::Create();
    if (!norm.ok()) { std::fprintf(stderr, "newskb report: %s\n", norm.status().message().c_str()); return 2; }
    key = norm.value()->FoldKey(entity);
    bool known = false;
    Status s = kb.value()->Select("SELECT 1 FROM aliases WHERE key = ?1 LIMIT 1", {key},
                                  [&](const TextRow&) { known = true; });
    if (!s.ok()) { std::fprintf(stderr, "newskb report: %s: %s\n", db.c_str(), s.message().c_str()); return 2; }
    if (!known) {
      std::fprintf(stderr, "newskb report: no entity '%s' in %s (try `newskb entity %s`)\n", entity.c_str(),
                   db.c_str(), entity.c_str());
      return 1;
    }
  }
  ReportData data;
  data.title = entity.empty() ? "newskb report" : "newskb report: " + entity;
  data.scope = (entity.empty() ? std::string("all entities") : "articles mentioning " + entity) + ", " +
               (since.empty() && until.empty() ? std::string("all dates")
                                               : (since.empty() ? "…" : since) + " to " + (until.empty() ? "…" : until));
  data.generated = "generated by newskb " NEWSKB_PIPELINE_VERSION " on " + NowUtc() + " from " + db;
  ReportBuilder b(kb.value().get(), {since, until, key});
  if (Status s = b.Build(max_articles, timelines, &data); !s.ok()) {
    std::fprintf(stderr, "newskb report: %s: %s\n", db.c_str(), s.message().c_str());
    return 2;
  }
  std::string html = RenderReportHtml(data);
  if (out == "-") {
    std::fwrite(html.data(), 1, html.size(), stdout);
  } else {
    std::string tmp = out + ".tmp";
    {
      std::ofstream f(tmp, std::ios::binary);
      f << html;
      if (!f.flush()) { std::fprintf(stderr, "newskb report: cannot write %s\n", out.c_str()); std::remove(tmp.c_str()); return 2; }
    }
    if (std::rename(tmp.c_str(), out.c_str()) != 0) {
      std::fprintf(stderr, "newskb report: cannot write %s\n", out.c_str());
      std::remove(tmp.c_str());
      return 2;
    }
    std::fprintf(stderr, "newskb report: %s: %lld articles (%zu pages), %zu timelines, %.0f KB\n", out.c_str(),
                 static_cast<long long>(data.total_articles), data.articles.size(), data.timelines.size(),
                 html.size() / 1024.0);
  }
  return 0;
}

}  // namespace newskb
