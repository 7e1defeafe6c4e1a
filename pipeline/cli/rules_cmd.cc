// `newskb rules check | explain | test`: the rule authors' workflow.
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "extractors/engine/rule_set.h"
#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/process.h"
#include "pipeline/io/reader.h"
#include "pipeline/text/utf8.h"

namespace fs = std::filesystem;

namespace newskb {
namespace {

const char kHelp[] =
    "usage: newskb rules check [DIR]\n"
    "       newskb rules explain [--rules DIR] [--date YYYY-MM-DD] (TEXT | --file FILE)\n"
    "       newskb rules test [--rules DIR] [--min-f1 X] [PATH...]\n"
    "\n"
    "check    load and compile every rule family in DIR (default: the rules folder),\n"
    "         run every rule's examples; report each failure as file:line\n"
    "explain  show, sentence by sentence, each rule candidate, which won the overlap\n"
    "         and which lost (and to whom), then the mentions the extractors keep\n"
    "test     run sample articles (NAME.txt beside NAME.expected.jsonl, in the gold\n"
    "         format of ../shared/gold/FORMAT.md; default: the corpus/ folder) through\n"
    "         the pipeline and compare: missing, unexpected, wrong value per document,\n"
    "         then per-kind precision/recall/F1 and one line `N passed, M failed`.\n"
    "         With --min-f1 X the exit status is 0 when every kind's F1 >= X.\n"
    "\n"
    "Exit status: 0 all good, 1 some checks failed, 2 usage error or a rule file\n"
    "that does not load (the message names file:line and the rule id).\n";

struct Colors {
  bool on = false;
  const char* c(const char* code) const { return on ? code : ""; }
  const char* green() const { return c("\033[32m"); }
  const char* red() const { return c("\033[31m"); }
  const char* dim() const { return c("\033[2m"); }
  const char* bold() const { return c("\033[1m"); }
  const char* reset() const { return c("\033[0m"); }
};

Colors TerminalColors() {
  Colors k;
  k.on = isatty(1) && !std::getenv("NO_COLOR");
  return k;
}

std::vector<std::string> FamilyFiles(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string n = e.path().filename().string();
    if (e.is_regular_file() && n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0 && n != "macros.json")
      files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Num(double v) {
  char b[64];
  if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(b, sizeof b, "%.0f", v);
  else std::snprintf(b, sizeof b, "%g", v);
  return b;
}

bool Close(double a, double b) { return std::fabs(a - b) <= 0.005 * std::max(std::fabs(a), std::fabs(b)); }

std::string Describe(const Mention& m) {
  std::string d = std::string(MentionKindName(m.kind)) + " \"" + m.text + "\"";
  if (m.value) d += " value=" + Num(*m.value);
  if (m.low) d += " low=" + Num(*m.low);
  if (m.high) d += " high=" + Num(*m.high);
  if (!m.unit.empty()) d += " unit=" + m.unit;
  if (!m.date_value.empty()) d += " date=" + m.date_value;
  if (!m.qualifier.empty()) d += " qualifier=" + m.qualifier;
  if (!m.name.empty()) d += " name=" + m.name;
  if (!m.policy_kind.empty()) d += " kind=" + m.policy_kind;
  if (!m.note.empty()) d += " note=" + m.note;
  return d;
}

// Does mention m carry the fields an example expects? Empty if yes, else why not.
std::string FieldMismatch(const Mention& m, const std::map<std::string, std::string>& expect) {
  for (const auto& [k, want] : expect) {
    if (k == "@date") continue;
    std::string got;
    bool numeric = false;
    std::optional<double> gv;
    if (k == "value") {
      if (m.kind == MentionKind::kDate) got = m.date_value;
      else { gv = m.value; numeric = true; }
    } else if (k == "low") { gv = m.low; numeric = true; }
    else if (k == "high") { gv = m.high; numeric = true; }
    else if (k == "unit") got = m.unit;
    else if (k == "qualifier") got = m.qualifier;
    else if (k == "name") got = m.name;
    else if (k == "kind") got = m.kind == MentionKind::kPolicy ? m.policy_kind : MentionKindName(m.kind);
    else continue;
    if (numeric) {
      char* end = nullptr;
      double w = std::strtod(want.c_str(), &end);
      if (!gv || *end || !Close(*gv, w)) return k + " " + (gv ? Num(*gv) : "none") + ", expected " + want;
    } else if (got != want) {
      return k + " \"" + got + "\", expected \"" + want + "\"";
    }
  }
  return "";
}

// ---------------------------------------------------------------- check
int Check(const std::string& dir) {
  std::vector<std::string> files = FamilyFiles(dir);
  if (files.empty()) {
    std::fprintf(stderr, "newskb rules check: no rule files (*.json) in %s\n", dir.c_str());
    return 2;
  }
  std::vector<RuleSet> sets;
  bool load_failed = false;
  for (const std::string& f : files) {
    Result<RuleSet> rs = RuleSet::LoadFile(f, RuleSetOptions{});
    if (!rs.ok()) {
      std::fprintf(stderr, "%s\n", rs.status().message().c_str());
      load_failed = true;
      continue;
    }
    sets.push_back(std::move(rs).value());
  }
  if (load_failed) return 2;
  Result<std::shared_ptr<const PipelineContext>> ctx = LoadPipeline(dir);
  if (!ctx.ok()) {
    std::fprintf(stderr, "%s\n", ctx.status().message().c_str());
    return 2;
  }
  const Normalizer& norm = *ctx.value()->normalizer;
  int rules = 0, examples = 0, failed = 0;
  for (const RuleSet& rs : sets) {
    for (const Rule& r : rs.rules()) {
      ++rules;
      for (const RuleExample& ex : r.examples) {
        ++examples;
        // An example is judged on what the user sees: the mentions the
        // extractors keep with this rule's id (engine matches are shown to
        // explain a failure).
        NormText t = norm.Normalize(ex.text);
        std::vector<std::string> engine;  // this rule's raw matches, as original text
        for (const RuleMatch& m : rs.FindAll(t.text))
          if (m.rule == &r) engine.emplace_back(t.BodyText(ex.text, t.BodyStart(m.begin), t.BodyEnd(m.end)));
        Document d;
        d.key = "example";
        d.raw = d.body = ex.text;
        if (auto it = ex.expect.find("@date"); it != ex.expect.end()) d.published = it->second;
        std::vector<const Mention*> mine;
        std::vector<Mention> ms = ctx.value()->extractors->ExtractAll(d, t);
        for (const Mention& m : ms)
          if (m.rule == r.id) mine.push_back(&m);
        std::string why;
        if (!ex.must_match) {
          if (!mine.empty()) why = "must not give a mention, but gives " + Describe(*mine[0]);
        } else if (mine.empty()) {
          why = engine.empty() ? "the pattern does not match"
                               : "the pattern matches \"" + engine[0] + "\" but the extractor keeps no mention of this rule";
        } else {
          const Mention* hit = nullptr;
          for (const Mention* m : mine)
            if (ex.match.empty() || m->text == ex.match) { hit = m; break; }
          if (!hit) {
            why = "gives \"" + mine[0]->text + "\", expected \"" + ex.match + "\"";
          } else if (std::string mm = FieldMismatch(*hit, ex.expect); !mm.empty()) {
            why = "gives " + mm;
          }
        }
        if (!why.empty()) {
          ++failed;
          std::printf("%s:%d: rule %s: example \"%s\": %s\n", r.file.c_str(), ex.line, r.id.c_str(),
                      ex.text.c_str(), why.c_str());
        }
      }
    }
  }
  std::printf("rules check: %zu families, %d rules, %d examples: %d passed, %d failed\n", sets.size(), rules,
              examples, examples - failed, failed);
  return failed ? 1 : 0;
}

// ---------------------------------------------------------------- explain
int Explain(const std::string& dir, const std::string& text, const std::string& date) {
  Colors k = TerminalColors();
  std::vector<RuleSet> sets;
  for (const std::string& f : FamilyFiles(dir)) {
    Result<RuleSet> rs = RuleSet::LoadFile(f, RuleSetOptions{});
    if (!rs.ok()) {
      std::fprintf(stderr, "%s\n", rs.status().message().c_str());
      return 2;
    }
    sets.push_back(std::move(rs).value());
  }
  Result<std::shared_ptr<const PipelineContext>> ctx = LoadPipeline(dir);
  if (!ctx.ok()) {
    std::fprintf(stderr, "%s\n", ctx.status().message().c_str());
    return 2;
  }
  Document d;
  d.key = "explain";
  d.raw = d.body = text;
  d.published = date;
  NormText t = ctx.value()->normalizer->Normalize(text);
  auto orig = [&](size_t sb, size_t b, size_t e) {
    return std::string(t.BodyText(text, t.BodyStart(sb + b), t.BodyEnd(sb + e)));
  };
  for (const NormSentence& s : t.sentences) {
    std::string_view st = std::string_view(t.text).substr(s.begin, s.end - s.begin);
    std::printf("%s%s%s\n", k.bold(), std::string(t.BodyText(text, s.start, s.stop)).c_str(), k.reset());
    for (const RuleSet& rs : sets) {
      std::vector<std::pair<RuleMatch, size_t>> losers;
      std::vector<RuleMatch> wins = RuleSet::Resolve(rs.FindAll(st), &losers);
      for (size_t i = 0; i < wins.size(); ++i) {
        const RuleMatch& w = wins[i];
        std::printf("  %s+%s %-14s %-28s %s\"%s\"%s\n", k.green(), k.reset(), rs.family().c_str(),
                    w.rule->id.c_str(), k.bold(), orig(s.begin, w.begin, w.end).c_str(), k.reset());
        for (const auto& [l, wi] : losers) {
          if (wi != i) continue;
          std::printf("    %s- lost: %-28s \"%s\" to %s%s\n", k.red(), l.rule->id.c_str(),
                      orig(s.begin, l.begin, l.end).c_str(), w.rule->id.c_str(), k.reset());
        }
      }
    }
  }
  std::printf("%smentions kept by the extractors:%s\n", k.bold(), k.reset());
  for (const Mention& m : ctx.value()->extractors->ExtractAll(d, t))
    std::printf("  %s  %s[%s]%s\n", Describe(m).c_str(), k.dim(), m.rule.c_str(), k.reset());
  return 0;
}

// ---------------------------------------------------------------- test
struct GoldItem {
  std::string text, unit, qualifier, name, kind, date;
  std::optional<double> value, low, high;
};

struct Sample {
  std::string txt, expected;
};

const char* kKinds[] = {"figures", "dates", "organizations", "policies"};

bool ParseExpected(const std::string& path, std::map<std::string, std::vector<GoldItem>>* gold,
                   std::vector<std::string>* complete, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!std::getline(in, line)) { *err = "empty expected file"; return false; }
  simdjson::dom::parser p;
  simdjson::dom::element root;
  if (auto e = p.parse(line).get(root)) { *err = std::string("malformed JSON: ") + simdjson::error_message(e); return false; }
  simdjson::dom::array arr;
  if (root["complete"].get_array().get(arr) == simdjson::SUCCESS)
    for (auto v : arr) { std::string_view s; if (!v.get_string().get(s)) complete->emplace_back(s); }
  for (const char* kind : kKinds) {
    auto& list = (*gold)[kind];
    if (root[kind].get_array().get(arr)) continue;
    for (auto item : arr) {
      GoldItem g;
      std::string_view s;
      double v;
      if (!item["text"].get_string().get(s)) g.text = std::string(s);
      if (!item["unit"].get_string().get(s)) g.unit = std::string(s);
      if (!item["qualifier"].get_string().get(s)) g.qualifier = std::string(s);
      if (!item["name"].get_string().get(s)) g.name = std::string(s);
      if (!item["kind"].get_string().get(s)) g.kind = std::string(s);
      if (std::string(kind) == "dates") {
        if (!item["value"].get_string().get(s)) g.date = std::string(s);
        else if (!item["value"].get_double().get(v)) g.date = Num(v);
      } else {
        if (!item["value"].get_double().get(v)) g.value = v;
      }
      if (!item["low"].get_double().get(v)) g.low = v;
      if (!item["high"].get_double().get(v)) g.high = v;
      list.push_back(g);
    }
  }
  if (complete->empty()) complete->assign(std::begin(kKinds), std::end(kKinds));
  return true;
}

struct Collect : DocumentSink {
  std::vector<Document> docs;
  std::vector<Reject> rejects;
  void OnDocument(Document&& d) override { docs.push_back(std::move(d)); }
  void OnReject(Reject&& r) override { rejects.push_back(std::move(r)); }
};

int Test(const std::string& dir, std::vector<std::string> paths, double min_f1) {
  Colors k = TerminalColors();
  if (paths.empty()) paths.push_back(std::string(NEWSKB_SOURCE_DIR) + "/corpus");
  std::vector<Sample> samples;
  for (const std::string& p : paths) {
    std::vector<fs::path> txts;
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(p, ec))
        if (e.is_regular_file() && e.path().extension() == ".txt") txts.push_back(e.path());
    } else {
      txts.push_back(p);
    }
    std::sort(txts.begin(), txts.end());
    for (const fs::path& t : txts) {
      fs::path exp = t;
      exp.replace_extension(".expected.jsonl");
      if (fs::exists(exp)) samples.push_back({t.string(), exp.string()});
      else if (!fs::is_directory(p, ec))
        std::fprintf(stderr, "newskb rules test: %s has no %s beside it\n", t.c_str(), exp.filename().c_str());
    }
  }
  if (samples.empty()) {
    std::fprintf(stderr, "newskb rules test: no samples (NAME.txt with NAME.expected.jsonl) found\n");
    return 2;
  }
  Result<std::shared_ptr<const PipelineContext>> ctx = LoadPipeline(dir);
  if (!ctx.ok()) {
    std::fprintf(stderr, "%s\n", ctx.status().message().c_str());
    return 2;
  }
  const Normalizer& norm = *ctx.value()->normalizer;
  std::map<std::string, std::array<int, 3>> totals;  // tp, fp, fn
  int passed = 0, failed = 0;
  for (const Sample& s : samples) {
    std::map<std::string, std::vector<GoldItem>> gold;
    std::vector<std::string> complete;
    std::string err;
    std::vector<std::string> problems;
    Collect c;
    (void)ReadInputs({s.txt}, ReadOptions{}, &c);
    Processed p;
    if (!ParseExpected(s.expected, &gold, &complete, &err)) {
      problems.push_back(s.expected + ": " + err);
    } else if (c.docs.empty()) {
      problems.push_back("not read: " + (c.rejects.empty() ? std::string("?") : c.rejects[0].reason));
    } else if (Status st = ProcessDocument(*ctx.value(), &c.docs[0], &p); !st.ok()) {
      problems.push_back(st.message());
    } else {
      for (const std::string& kind : complete) {
        MentionKind mk = kind == "figures" ? MentionKind::kFigure : kind == "dates" ? MentionKind::kDate
                         : kind == "organizations" ? MentionKind::kOrganization : MentionKind::kPolicy;
        std::vector<const Mention*> sys;
        for (const Mention& m : p.mentions)
          if (m.kind == mk && (mk != MentionKind::kDate || !m.date_value.empty())) sys.push_back(&m);
        std::vector<bool> used(sys.size(), false);
        auto same = [&](const GoldItem& g, const Mention& m) {
          if (mk == MentionKind::kFigure) {
            std::string gu = g.unit, su = m.unit;
            for (auto& ch : gu) ch = static_cast<char>(std::tolower(ch));
            for (auto& ch : su) ch = static_cast<char>(std::tolower(ch));
            if (gu != su) return false;
            if (g.low || g.high) return g.low && m.low && g.high && m.high && Close(*g.low, *m.low) && Close(*g.high, *m.high);
            return g.value && m.value && Close(*g.value, *m.value);
          }
          if (mk == MentionKind::kDate) return g.date == m.date_value;
          std::string a = norm.FoldKey(g.text), b = norm.FoldKey(m.text);
          if (a.empty() || b.empty()) return false;
          if (a == b) return true;
          long da = static_cast<long>(CountCodePoints(a)) - static_cast<long>(CountCodePoints(b));
          return (a.find(b) != std::string::npos || b.find(a) != std::string::npos) && std::labs(da) <= 2;
        };
        auto& tot = totals[kind];
        std::vector<const GoldItem*> missing;
        for (const GoldItem& g : gold[kind]) {
          bool hit = false;
          for (size_t j = 0; j < sys.size(); ++j)
            if (!used[j] && same(g, *sys[j])) { used[j] = hit = true; break; }
          if (hit) ++tot[0]; else { ++tot[2]; missing.push_back(&g); }
        }
        for (const GoldItem* g : missing) {
          std::string wrong;
          for (size_t j = 0; j < sys.size(); ++j)
            if (!used[j] && sys[j]->text == g->text) { wrong = Describe(*sys[j]); used[j] = true; --tot[1]; break; }
          std::string want = "\"" + g->text + "\"";
          if (g->value) want += " value=" + Num(*g->value);
          if (g->low) want += " low=" + Num(*g->low);
          if (g->high) want += " high=" + Num(*g->high);
          if (!g->unit.empty()) want += " unit=" + g->unit;
          if (!g->date.empty()) want += " date=" + g->date;
          problems.push_back(wrong.empty() ? "missing " + kind + " " + want
                                           : "wrong value: expected " + want + ", got " + wrong);
        }
        for (size_t j = 0; j < sys.size(); ++j) {
          if (used[j]) continue;
          ++tot[1];
          problems.push_back("unexpected " + Describe(*sys[j]) + " [" + sys[j]->rule + "]");
        }
      }
    }
    std::string name = fs::path(s.txt).stem().string();
    if (problems.empty()) {
      ++passed;
      std::printf("%sok%s    %s\n", k.green(), k.reset(), name.c_str());
    } else {
      ++failed;
      std::printf("%sFAIL%s  %s\n", k.red(), k.reset(), name.c_str());
      for (const std::string& pr : problems) std::printf("        %s\n", pr.c_str());
    }
  }
  bool below = false;
  for (const char* kind : kKinds) {
    auto it = totals.find(kind);
    if (it == totals.end()) continue;
    auto [tp, fp, fn] = it->second;
    double P = tp + fp ? double(tp) / (tp + fp) : 1, R = tp + fn ? double(tp) / (tp + fn) : 1;
    double F = P + R > 0 ? 2 * P * R / (P + R) : 0;
    if (F < min_f1) below = true;
    std::printf("%-14s P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)\n", kind, P, R, F, tp, fp, fn);
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  if (min_f1 > 0) {
    if (below) std::printf("rules test: some kind's F1 is below --min-f1 %.3f\n", min_f1);
    return below ? 1 : 0;
  }
  return failed ? 1 : 0;
}

}  // namespace

int CmdRules(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    std::fputs(kHelp, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::string sub = argv[1], dir = DefaultRulesDir(), date, file, err, v;
  std::vector<std::string> args;
  double min_f1 = 0;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--rules", &dir, &err)) continue;
    if (TakeOption(argc, argv, &i, "--date", &date, &err)) continue;
    if (TakeOption(argc, argv, &i, "--file", &file, &err)) continue;
    if (TakeOption(argc, argv, &i, "--min-f1", &v, &err)) { min_f1 = std::atof(v.c_str()); continue; }
    if (a.rfind("--", 0) == 0) { err = "unknown option " + a; break; }
    args.push_back(a);
  }
  if (!err.empty()) {
    std::fprintf(stderr, "newskb rules: %s\n\n%s", err.c_str(), kHelp);
    return 2;
  }
  if (sub == "check") {
    if (args.size() > 1) { std::fprintf(stderr, "newskb rules check: one DIR at most\n"); return 2; }
    return Check(args.empty() ? dir : args[0]);
  }
  if (sub == "explain") {
    std::string text;
    if (!file.empty()) {
      std::ifstream in(file, std::ios::binary);
      if (!in) { std::fprintf(stderr, "newskb rules explain: cannot read %s\n", file.c_str()); return 2; }
      text.assign((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::string d;
      size_t pre = DatePrefixLength(text, &d);
      if (pre) { text.erase(0, pre); if (date.empty()) date = d; }
    } else {
      for (const std::string& a : args) text += (text.empty() ? "" : " ") + a;
    }
    if (text.empty()) { std::fprintf(stderr, "newskb rules explain: give TEXT or --file FILE\n"); return 2; }
    if (Status s = ValidateUtf8(text); !s.ok()) { std::fprintf(stderr, "newskb rules explain: %s\n", s.message().c_str()); return 2; }
    return Explain(dir, text, date);
  }
  if (sub == "test") return Test(dir, args, min_f1);
  std::fprintf(stderr, "newskb rules: unknown sub-command '%s'\n\n%s", sub.c_str(), kHelp);
  return 2;
}

}  // namespace newskb
