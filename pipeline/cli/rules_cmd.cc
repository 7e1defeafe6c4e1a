// `newskb rules check | explain | test | repeats`: the rule authors' workflow.
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
#include "pipeline/cli/rules_repeats.h"
#include "pipeline/process/process.h"
#include "pipeline/kb/kb.h"
#include "pipeline/io/reader.h"
#include "pipeline/text/utf8.h"

namespace fs = std::filesystem;

namespace newskb {
namespace {

const char kHelp[] =
    "usage: newskb rules check [--engine-only] [DIR]\n"
    "       newskb rules explain [--rules DIR] [--date YYYY-MM-DD] (TEXT | --file FILE | --doc KEY [--db FILE])\n"
    "       newskb rules test [--rules DIR] [--min-f1 X] [PATH...]\n"
    "       newskb rules repeats [--rules DIR] [--min-docs N] [--glued] [--text] INPUT...\n"
    "\n"
    "check    load and compile every rule family (*.json but macros.json) in DIR\n"
    "         (default: $NEWSKB_RULES, else the installed rules), run every\n"
    "         rule's examples; each failure prints\n"
    "           file:line: rule ID: example \"TEXT\": expected ..., got ...\n"
    "         A must-match example needs a match of its rule that the extractors keep\n"
    "         (text = \"match\", fields = \"expect\"); a counter-example, none.\n"
    "         --engine-only judges on the rule's own matches, without the extractors.\n"
    "explain  sentence by sentence: each winning candidate of each family (kind, text,\n"
    "         rule id, and the extractor's mention with its normalised value, unit or\n"
    "         name), the candidates that lost the overlap and to which winner, the\n"
    "         mentions no rule explains (dictionaries), then the facts.\n"
    "         --file FILE (.txt, .html/.htm, or the first record of a .jsonl) goes through\n"
    "         the markup and body stages first: the text explained is the body ingest stores.\n"
    "         --doc KEY explains a stored document: its stored body (documents.text)\n"
    "         and publication date, with the current rules.\n"
    "test     run sample articles (NAME.txt beside NAME.expected.jsonl, in the gold\n"
    "         format of ../shared/gold/FORMAT.md; default: the corpus/ folder) through\n"
    "         the ingestion steps (date line, body, normalise, extract) and compare:\n"
    "         missing, unexpected, wrong value per document, then per-kind\n"
    "         precision/recall/F1 and, last, one line `N passed, M failed`.\n"
    "         With --min-f1 X the exit status is 0 when every kind's F1 >= X.\n"
    "repeats  read a corpus (as ingest does), run the markup and body stages, and print\n"
    "         the data file repeats.tsv: per source, the hashes of the lines (and pieces\n"
    "         of a line between ideographic spaces) that at least N documents of that\n"
    "         source hold (default 10), with the first ids that held them. A body loses\n"
    "         them from the first document on. --glued: only notices glued onto articles:\n"
    "         in half their documents or more the segment ends the body glued onto the\n"
    "         last paragraph (after an ideographic space), and in half or more it shares\n"
    "         at most a fifth of its character pairs with the rest of the article.\n"
    "         --text adds each segment's text and those counts (to review; the shipped\n"
    "         file holds none). scripts/learn-repeats.sh runs it.\n"
    "\n"
    "Colour only on a terminal and when NO_COLOR is unset.\n"
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

// ANSI colours only on a terminal, and only if NO_COLOR is unset or empty
// (https://no-color.org).
Colors TerminalColors(int fd = 1) {
  Colors k;
  const char* no = std::getenv("NO_COLOR");
  k.on = isatty(fd) && !(no && *no);
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
    else if (k == "note") got = m.note;
    else return "unknown expected field '" + k + "' (value, low, high, unit, qualifier, name, kind, note)";
    if (numeric) {
      char* end = nullptr;
      double w = std::strtod(want.c_str(), &end);
      if (*end || end == want.c_str()) return k + " \"" + want + "\" is not a number";
      if (!gv || !Close(*gv, w)) return k + " is " + (gv ? Num(*gv) : "missing");
    } else if (got != want) {
      return k + " is \"" + got + "\"";
    }
  }
  return "";
}

// ---------------------------------------------------------------- check

// The fields an example expects, as "value=400000000 unit=USD".
std::string ExpectText(const std::map<std::string, std::string>& expect) {
  std::string out;
  for (const auto& [k, v] : expect)
    if (k != "@date") out += (out.empty() ? "" : " ") + k + "=" + v;
  return out;
}

std::string Quoted(const std::vector<std::string>& texts) {
  std::string out;
  for (const std::string& t : texts) out += (out.empty() ? "\"" : ", \"") + t + "\"";
  return out;
}

// A facts rule's example: a clause or a few sentences. The rule matched
// (checked before); with `expect` (subject, predicate, object: canonical
// names, "-" for none), some fact whose rule names this rule has those
// fields.
std::string JudgeFactExample(const Rule& r, const RuleExample& ex, const ExtractorSet& extractors, const Document& d,
                             const NormText& t, const std::vector<Mention>& ms) {
  std::string want = ExpectText(ex.expect);
  if (want.empty()) return "";
  auto name = [&](int i) { return i < 0 ? std::string("-") : ms[i].name.empty() ? ms[i].text : ms[i].name; };
  std::string got;
  for (const Fact& f : extractors.ExtractFacts(d, t, ms)) {
    std::string desc = "subject=" + name(f.subject) + " predicate=" + f.predicate + " object=" + name(f.object);
    got += (got.empty() ? "" : "; ") + desc + " [" + f.rule + "]";
    if (f.rule.find(r.id) == std::string::npos) continue;
    bool ok = true;
    for (const auto& [k, v] : ex.expect) {
      if (k == "subject") ok = ok && name(f.subject) == v;
      else if (k == "object") ok = ok && name(f.object) == v;
      else if (k == "predicate") ok = ok && f.predicate == v;
    }
    if (ok) return "";
  }
  return "expected a fact of this rule with " + want + ", got " + (got.empty() ? std::string("no fact") : got);
}

// One example against its rule. Empty if it passes, else "expected ..., got ...".
//
// The rule's engine matches are found over the example's normalised text
// and mapped back to its own characters (NormText offsets); the extractors
// run on the example as a document (body = text, published = `date`).
//  * must match: the rule matches; the extractors keep a mention of this
//    rule (unless engine_only); if `match` is given, one of this rule's
//    kept mentions or engine matches is exactly `match`; with `expect`, a
//    mention with that text (this rule's first, then any) has those fields.
//  * must not match: the extractors keep no mention of this rule (with
//    engine_only: the rule does not match); with `match`, only that text
//    counts.
std::string JudgeExample(const RuleSet& rs, const Rule& r, const RuleExample& ex, const Normalizer& norm,
                         const ExtractorSet* extractors) {
  const bool engine_only = extractors == nullptr;
  NormText t = norm.Normalize(ex.text);
  auto orig = [&](size_t b, size_t e) { return std::string(t.BodyText(ex.text, t.BodyStart(b), t.BodyEnd(e))); };
  std::vector<std::string> engine, others;
  for (const RuleMatch& m : rs.FindAll(t.text)) {
    if (m.rule == &r) engine.push_back(orig(m.begin, m.end));
    else others.push_back(m.rule->id + " \"" + orig(m.begin, m.end) + "\"");
  }
  std::vector<Mention> ms;
  Document d;
  auto d_of_example = [&]() -> const Document& { return d; };
  if (!engine_only) {
    d.key = "example";
    d.raw = d.body = ex.text;
    if (auto it = ex.expect.find("@date"); it != ex.expect.end()) d.published = it->second;
    ms = extractors->ExtractAll(d, t);
  }
  std::vector<const Mention*> kept;  // this rule's mentions
  for (const Mention& m : ms)
    if (m.rule == r.id) kept.push_back(&m);
  auto all_mentions = [&] {
    std::string got;
    for (const Mention& m : ms) got += (got.empty() ? "" : "; ") + Describe(m) + " [" + m.rule + "]";
    return got.empty() ? std::string("none") : got;
  };

  if (!ex.must_match) {
    std::string what = ex.match.empty() ? "" : " \"" + ex.match + "\"";
    if (engine_only) {
      for (const std::string& got : engine)
        if (ex.match.empty() || got == ex.match)
          return "expected no match of this rule" + what + ", got \"" + got + "\"";
      return "";
    }
    for (const Mention* m : kept)
      if (ex.match.empty() || m->text == ex.match)
        return "expected no mention of this rule" + what + ", got " + Describe(*m);
    return "";
  }

  std::string want_match = ex.match.empty() ? "a match" : "match \"" + ex.match + "\"";
  if (engine.empty()) {
    std::string o;
    for (const std::string& x : others) o += (o.empty() ? "" : ", ") + x;
    return "expected " + want_match + ", got no match of this rule" +
           (o.empty() ? "" : " (other rules of " + rs.family() + " match: " + o + ")");
  }
  if (!engine_only && rs.family() == "facts") return JudgeFactExample(r, ex, *extractors, d_of_example(), t, ms);
  if (!engine_only && kept.empty())
    return "expected a mention of this rule, got none: the pattern matches " + Quoted(engine) +
           " but the extractors keep " + all_mentions();
  std::vector<std::string> texts;  // what this rule gives, kept mentions first
  for (const Mention* m : kept) texts.push_back(m->text);
  for (const std::string& e : engine)
    if (std::find(texts.begin(), texts.end(), e) == texts.end()) texts.push_back(e);
  if (!ex.match.empty() && std::find(texts.begin(), texts.end(), ex.match) == texts.end())
    return "expected " + want_match + ", got " + Quoted(texts);
  std::string want = ExpectText(ex.expect);
  if (want.empty()) return "";
  if (engine_only) return "";  // fields need the extractors
  std::string text = ex.match.empty() ? texts[0] : ex.match;
  std::vector<const Mention*> same_text;
  for (const Mention& m : ms)
    if (m.text == text) same_text.push_back(&m);
  std::stable_partition(same_text.begin(), same_text.end(), [&](const Mention* m) { return m->rule == r.id; });
  if (same_text.empty())
    return "expected a mention \"" + text + "\" with " + want + ", got " + all_mentions();
  std::string first_miss;
  for (const Mention* m : same_text) {
    std::string miss = FieldMismatch(*m, ex.expect);
    if (miss.empty()) return "";
    if (first_miss.empty()) first_miss = Describe(*m) + " [" + m->rule + "] (" + miss + ")";
  }
  return "expected " + want + ", got " + first_miss;
}

int Check(const std::string& dir, bool engine_only) {
  Colors k = TerminalColors(2);
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
      std::fprintf(stderr, "%serror:%s %s\n", k.red(), k.reset(), rs.status().message().c_str());
      load_failed = true;
      continue;
    }
    sets.push_back(std::move(rs).value());
  }
  if (load_failed) return 2;
  // The extractors (all of DIR's rule files) unless judging on the engine
  // alone, which needs only the normaliser (and works on a partial folder).
  std::shared_ptr<const PipelineContext> ctx;
  std::shared_ptr<const Normalizer> norm;
  if (engine_only) {
    auto n = Normalizer::Create();
    if (!n.ok()) {
      std::fprintf(stderr, "%serror:%s %s\n", k.red(), k.reset(), n.status().message().c_str());
      return 2;
    }
    norm = n.value();
  } else {
    auto c = LoadPipeline(dir);
    if (!c.ok()) {
      std::fprintf(stderr, "%serror:%s %s\n", k.red(), k.reset(), c.status().message().c_str());
      return 2;
    }
    ctx = c.value();
    norm = ctx->normalizer;
  }
  Colors out = TerminalColors(1);
  int rules = 0, examples = 0, failed = 0, untested = 0;
  for (const RuleSet& rs : sets) {
    for (const Rule& r : rs.rules()) {
      ++rules;
      if (r.examples.empty()) ++untested;
      for (const RuleExample& ex : r.examples) {
        ++examples;
        // A mask rule (masks.json) makes no mentions: it is judged on what it blanks.
        const ExtractorSet* exs = ctx && r.kind != "mask" ? ctx->extractors.get() : nullptr;
        std::string why = JudgeExample(rs, r, ex, *norm, exs);
        if (!why.empty()) {
          ++failed;
          std::printf("%s%s:%d:%s rule %s: example \"%s\": %s\n", out.bold(), r.file.c_str(), ex.line, out.reset(),
                      r.id.c_str(), ex.text.c_str(), why.c_str());
        }
      }
    }
  }
  std::printf("rules check: %zu families, %d rules (%d without examples), %d examples: %s%d passed%s, %s%d failed%s\n",
              sets.size(), rules, untested, examples, out.green(), examples - failed, out.reset(),
              failed ? out.red() : "", failed, failed ? out.reset() : "");
  return failed ? 1 : 0;
}

// ---------------------------------------------------------------- explain

// The normalised fields of a mention: "value=400000000 unit=USD".
std::string Fields(const Mention& m) {
  std::string d = Describe(m);
  size_t q = d.find('"'), q2 = q == std::string::npos ? q : d.find('"', q + 1);
  std::string f = q2 == std::string::npos ? d : d.substr(q2 + 1);
  if (!f.empty() && f[0] == ' ') f.erase(0, 1);
  return f.empty() ? "(no fields)" : f;
}

// Pads `s` with spaces to `cols` terminal columns.
std::string Pad(const std::string& s, size_t cols) {
  size_t w = DisplayWidth(s);
  return w >= cols ? s : s + std::string(cols - w, ' ');
}

int Explain(const std::string& dir, const std::string& text, const std::string& date) {
  Colors k = TerminalColors(1);
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
  std::vector<Mention> ms = ctx.value()->extractors->ExtractAll(d, t);
  std::vector<bool> shown(ms.size(), false);
  std::printf("%s%zu sentence(s), %zu mention(s) kept; published %s; rules %s%s\n", k.dim(), t.sentences.size(),
              ms.size(), date.empty() ? "unknown" : date.c_str(), dir.c_str(), k.reset());
  size_t n = 0;
  for (const NormSentence& s : t.sentences) {
    ++n;
    std::string_view st = std::string_view(t.text).substr(s.begin, s.end - s.begin);
    std::printf("\n%s[%zu] %s%s\n", k.bold(), n, std::string(t.BodyText(text, s.start, s.stop)).c_str(), k.reset());
    auto span_text = [&](size_t b, size_t e, uint32_t* cb, uint32_t* ce) {
      *cb = t.BodyStart(s.begin + b);
      *ce = t.BodyEnd(s.begin + e);
      return std::string(t.BodyText(text, *cb, *ce));
    };
    for (const RuleSet& rs : sets) {
      std::vector<std::pair<RuleMatch, size_t>> losers;
      std::vector<RuleMatch> wins = RuleSet::Resolve(rs.FindAll(st), &losers);
      for (size_t i = 0; i < wins.size(); ++i) {
        const RuleMatch& w = wins[i];
        uint32_t cb, ce;
        std::string wt = span_text(w.begin, w.end, &cb, &ce);
        // The extractor's mention made from this candidate: same rule, overlapping span.
        std::string kept;
        for (size_t j = 0; j < ms.size(); ++j) {
          if (ms[j].rule != w.rule->id || ms[j].start >= ce || ms[j].end <= cb) continue;
          shown[j] = true;
          kept += std::string(kept.empty() ? "" : "; ") + (ms[j].text != wt ? "\"" + ms[j].text + "\" " : "") +
                  Fields(ms[j]);
        }
        std::printf("  %s+%s %s %s%s%s %s%s%s %s\n", k.green(), k.reset(), Pad(w.rule->kind, 12).c_str(), k.bold(),
                    Pad("\"" + wt + "\"", 24).c_str(), k.reset(), k.dim(), Pad(w.rule->id, 30).c_str(), k.reset(),
                    !kept.empty() ? ("-> " + kept).c_str()
                    : MentionKindFromName(w.rule->kind) ? "(not kept by the extractor)"
                                                        : "(a cue, read by its stage; no mention)");
        for (const auto& [l, wi] : losers) {
          if (wi != i) continue;
          uint32_t lb, le;
          std::string lt = span_text(l.begin, l.end, &lb, &le);
          std::printf("      %s- lost %s %s to %s%s\n", k.red(), Pad("\"" + lt + "\"", 24).c_str(),
                      Pad(l.rule->id, 30).c_str(), w.rule->id.c_str(), k.reset());
        }
      }
    }
    // Mentions no rule candidate explains (dictionaries, gazetteers, derived).
    for (size_t j = 0; j < ms.size(); ++j) {
      if (shown[j] || ms[j].start < s.start || ms[j].start >= s.stop) continue;
      shown[j] = true;
      std::printf("  %s*%s %s %s%s%s %s%s%s -> %s\n", k.green(), k.reset(), Pad(MentionKindName(ms[j].kind), 12).c_str(),
                  k.bold(), Pad("\"" + ms[j].text + "\"", 24).c_str(), k.reset(), k.dim(), Pad(ms[j].rule, 30).c_str(),
                  k.reset(), Fields(ms[j]).c_str());
    }
  }
  std::vector<Fact> facts = ctx.value()->extractors->ExtractFacts(d, t, ms);
  if (!facts.empty()) std::printf("\n%sfacts:%s\n", k.bold(), k.reset());
  auto txt = [&](int i) { return i < 0 || i >= static_cast<int>(ms.size()) ? std::string("-") : "\"" + ms[i].text + "\""; };
  for (const Fact& f : facts) {
    std::printf("  %s %s %s  figure %s  date %s  %s[%s]%s\n", txt(f.subject).c_str(), f.predicate.c_str(),
                txt(f.object).c_str(), txt(f.figure).c_str(), txt(f.date).c_str(), k.dim(), f.rule.c_str(), k.reset());
    // A subject from another sentence (a carried topic, an anaphor's
    // antecedent): which one.
    size_t fig_sentence = t.SentenceOf(ms[f.figure].start);
    if (f.subject_sentence >= 0 && static_cast<size_t>(f.subject_sentence) != fig_sentence &&
        static_cast<size_t>(f.subject_sentence) < t.sentences.size()) {
      const NormSentence& s = t.sentences[f.subject_sentence];
      std::string text(t.BodyText(d.body, s.start, s.stop));
      std::printf("      %ssubject from sentence %d: %s%s\n", k.dim(), f.subject_sentence + 1, text.c_str(), k.reset());
    }
  }
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

// The body ProcessDocument chooses for the document in `file`; *date gets
// its publication date unless --date gave one.
Result<std::string> BodyOfFile(const std::string& dir, const std::string& file, std::string* date) {
  Collect c;
  (void)ReadInputs({file}, ReadOptions{}, &c);
  if (c.docs.empty())
    return Status::InvalidInput(file + ": " + (c.rejects.empty() ? std::string("no document") : c.rejects[0].reason));
  Result<std::shared_ptr<const PipelineContext>> ctx = LoadPipeline(dir);
  if (!ctx.ok()) return ctx.status();
  Document& d = c.docs[0];
  Processed p;
  if (Status s = ProcessDocument(*ctx.value(), &d, &p); !s.ok()) return s.WithContext(file);
  if (date->empty()) *date = d.published;
  if (!d.title.empty()) std::printf("title: %s\n", d.title.c_str());
  return d.body;
}

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
  if (min_f1 > 0 && below) std::printf("rules test: some kind's F1 is below --min-f1 %.3f\n", min_f1);
  std::printf("%d passed, %d failed\n", passed, failed);  // the last line, always
  if (min_f1 > 0) return below ? 1 : 0;
  return failed ? 1 : 0;
}

}  // namespace

int CmdRules(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    std::fputs(kHelp, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::string sub = argv[1], dir = DefaultRulesDir(), date, file, doc_key, db = DefaultDbPath(), err, v;
  std::vector<std::string> args;
  double min_f1 = 0;
  int min_docs = 10;
  bool engine_only = false, with_text = false, glued_only = false;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--engine-only") { engine_only = true; continue; }
    if (a == "--text") { with_text = true; continue; }
    if (a == "--glued") { glued_only = true; continue; }
    if (a == "--help" || a == "-h") { std::fputs(kHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--rules", &dir, &err)) continue;
    if (TakeOption(argc, argv, &i, "--date", &date, &err)) continue;
    if (TakeOption(argc, argv, &i, "--file", &file, &err)) continue;
    if (TakeOption(argc, argv, &i, "--doc", &doc_key, &err)) continue;
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) continue;
    if (TakeOption(argc, argv, &i, "--min-f1", &v, &err)) { min_f1 = std::atof(v.c_str()); continue; }
    if (TakeOption(argc, argv, &i, "--min-docs", &v, &err)) { min_docs = std::atoi(v.c_str()); continue; }
    if (a.rfind("--", 0) == 0) { err = "unknown option " + a; break; }
    args.push_back(a);
  }
  if (!err.empty()) {
    std::fprintf(stderr, "newskb rules: %s\n\n%s", err.c_str(), kHelp);
    return 2;
  }
  if (sub == "check") {
    if (args.size() > 1) { std::fprintf(stderr, "newskb rules check: one DIR at most\n"); return 2; }
    return Check(args.empty() ? dir : args[0], engine_only);
  }
  if (sub == "explain") {
    std::string text;
    if (!doc_key.empty()) {
      auto kb = KnowledgeBase::OpenReadOnly(db);
      Result<StoredDocument> d = kb.ok() ? kb.value()->FindDocument(doc_key) : Result<StoredDocument>(kb.status());
      if (!d.ok()) { std::fprintf(stderr, "newskb rules explain: %s: %s\n", db.c_str(), d.status().message().c_str()); return 2; }
      text = d.value().doc.body;
      if (date.empty()) date = d.value().doc.published;
    } else if (!file.empty()) {
      // The file goes through the reader and the pipeline's markup and body
      // stages, so the text explained is the body ingest would store.
      Result<std::string> body = BodyOfFile(dir, file, &date);
      if (!body.ok()) { std::fprintf(stderr, "newskb rules explain: %s\n", body.status().message().c_str()); return 2; }
      text = std::move(body).value();
    } else {
      for (const std::string& a : args) text += (text.empty() ? "" : " ") + a;
    }
    if (text.empty()) { std::fprintf(stderr, "newskb rules explain: give TEXT or --file FILE\n"); return 2; }
    if (Status s = ValidateUtf8(text); !s.ok()) { std::fprintf(stderr, "newskb rules explain: %s\n", s.message().c_str()); return 2; }
    return Explain(dir, text, date);
  }
  if (sub == "test") return Test(dir, args, min_f1);
  if (sub == "repeats") return LearnRepeats(dir, args, min_docs, glued_only, with_text);
  std::fprintf(stderr, "newskb rules: unknown sub-command '%s'\n\n%s", sub.c_str(), kHelp);
  return 2;
}

}  // namespace newskb
