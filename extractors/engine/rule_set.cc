// newskb/extractors/engine/rule_set.cc: rule files -> one RE2::Set per family.
#include "extractors/engine/rule_set.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace newskb {

struct RuleSet::Impl {
  std::string family, file;
  std::vector<Rule> rules;
  std::vector<std::unique_ptr<RE2>> res;
  // Named groups of each rule, in group-index order.
  std::vector<std::vector<std::pair<std::string, int>>> groups;
  std::unique_ptr<RE2::Set> set;
};

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// Blanks whole-line // comments, keeping every newline so lines stay right.
std::string StripComments(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t nl = text.find('\n', i);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(i, end - i);
    size_t k = line.find_first_not_of(" \t\r");
    if (k != std::string_view::npos && line.compare(k, 2, "//") == 0) {
      // comment line: drop its text
    } else {
      out.append(line);
    }
    if (nl != std::string_view::npos) out.push_back('\n');
    i = end + 1;
  }
  return out;
}

int LineOf(std::string_view text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

// Where a rule with this id is written: the first `"id": "<id>"` after `from`.
size_t FindIdOffset(std::string_view text, const std::string& id, size_t from) {
  std::string quoted = "\"" + id + "\"";
  size_t pos = from;
  while ((pos = text.find(quoted, pos)) != std::string_view::npos) {
    size_t k = pos;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\n' || text[k - 1] == '\r')) --k;
    if (k > 0 && text[k - 1] == ':') return pos;
    pos += quoted.size();
  }
  return from;
}

std::string ToText(element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::STRING: return std::string(std::string_view(e));
    case simdjson::dom::element_type::INT64: return std::to_string(int64_t(e));
    case simdjson::dom::element_type::UINT64: return std::to_string(uint64_t(e));
    case simdjson::dom::element_type::DOUBLE: {
      std::ostringstream o;
      o << double(e);
      return o.str();
    }
    case simdjson::dom::element_type::BOOL: return bool(e) ? "true" : "false";
    default: return "";
  }
}

bool IsMacroName(std::string_view s) {
  if (s.empty() || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Expands {NAME} macros recursively. Returns "" and sets *err on failure.
bool Expand(const std::string& in, const std::map<std::string, std::string>& macros, int depth,
            std::vector<std::string>* stack, std::string* out, std::string* err) {
  if (depth > 20) { *err = "macros nest too deep (a cycle?)"; return false; }
  out->clear();
  size_t i = 0;
  while (i < in.size()) {
    if (in[i] == '\\' && i + 1 < in.size()) { out->append(in, i, 2); i += 2; continue; }
    if (in[i] == '{') {
      size_t close = in.find('}', i);
      if (close != std::string::npos) {
        std::string name = in.substr(i + 1, close - i - 1);
        if (IsMacroName(name)) {
          auto it = macros.find(name);
          if (it == macros.end()) { *err = "unknown macro {" + name + "}"; return false; }
          if (std::find(stack->begin(), stack->end(), name) != stack->end()) {
            *err = "macro {" + name + "} refers to itself";
            return false;
          }
          stack->push_back(name);
          std::string sub;
          if (!Expand(it->second, macros, depth + 1, stack, &sub, err)) return false;
          stack->pop_back();
          out->append("(?:" + sub + ")");
          i = close + 1;
          continue;
        }
      }
    }
    out->push_back(in[i++]);
  }
  return true;
}

Status LoadMacros(const std::string& path, std::map<std::string, std::string>* macros) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Ok();  // optional
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string clean = StripComments(text);
  simdjson::dom::parser parser;
  element root;
  if (auto err = parser.parse(clean).get(root))
    return Status::InvalidInput(path + ": malformed JSON: " + simdjson::error_message(err));
  object obj, m;
  if (root.get_object().get(obj) || obj["macros"].get_object().get(m))
    return Status::InvalidInput(path + ": expected {\"macros\": {NAME: pattern, ...}}");
  for (auto [k, v] : m) {
    std::string_view sv;
    if (v.get_string().get(sv)) return Status::InvalidInput(path + ": macro " + std::string(k) + " is not a string");
    (*macros)[std::string(k)] = std::string(sv);
  }
  return Status::Ok();
}

std::string Dirname(const std::string& path) {
  size_t s = path.rfind('/');
  return s == std::string::npos ? "." : path.substr(0, s);
}

std::string Stem(const std::string& path) {
  size_t s = path.rfind('/');
  std::string base = s == std::string::npos ? path : path.substr(s + 1);
  size_t d = base.find('.');
  return d == std::string::npos ? base : base.substr(0, d);
}

const std::set<std::string>& RuleKeys() {
  static const std::set<std::string> k = {"id", "kind", "priority", "pattern", "attrs", "examples",
                                          "counter_examples", "groups", "comment", "note", "description"};
  return k;
}

Status ParseExample(element e, bool counter, const std::string& where, std::string_view text, size_t from,
                    RuleExample* ex) {
  ex->must_match = !counter;
  object o;
  std::string_view sv;
  if (e.get_string().get(sv) == simdjson::SUCCESS) {
    ex->text = std::string(sv);
  } else if (e.get_object().get(o) == simdjson::SUCCESS) {
    for (auto [k, v] : o) {
      std::string key(k);
      if (key == "text") {
        if (v.get_string().get(sv)) return Status::InvalidInput(where + ": example 'text' must be a string");
        ex->text = std::string(sv);
      } else if (key == "match") {
        if (v.get_string().get(sv)) return Status::InvalidInput(where + ": example 'match' must be a string");
        ex->match = std::string(sv);
      } else if (key == "must_match") {
        bool b;
        if (v.get_bool().get(b)) return Status::InvalidInput(where + ": example 'must_match' must be true or false");
        ex->must_match = b;
      } else if (key == "expect") {
        object x;
        if (v.get_object().get(x)) return Status::InvalidInput(where + ": example 'expect' must be an object");
        for (auto [xk, xv] : x) ex->expect[std::string(xk)] = ToText(xv);
      } else if (key == "date") {
        ex->expect["@date"] = ToText(v);
      } else if (key != "comment" && key != "note") {
        return Status::InvalidInput(where + ": unknown example field '" + key + "'");
      }
    }
  } else {
    return Status::InvalidInput(where + ": an example is a string or an object with \"text\"");
  }
  if (ex->text.empty()) return Status::InvalidInput(where + ": example without 'text'");
  // Its line: where its text is written, searching from the rule.
  size_t pos = text.find("\"" + ex->text, from);
  ex->line = LineOf(text, pos == std::string_view::npos ? from : pos);
  return Status::Ok();
}

}  // namespace

std::string_view RuleMatch::Group(std::string_view name) const {
  for (const auto& [n, v] : groups)
    if (n == name) return v;
  return {};
}

bool RuleMatch::Has(std::string_view name) const {
  for (const auto& [n, v] : groups)
    if (n == name) return true;
  return false;
}

RuleSet::RuleSet() : impl_(std::make_unique<Impl>()) {}
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

const std::string& RuleSet::family() const { return impl_->family; }
const std::string& RuleSet::file() const { return impl_->file; }
const std::vector<Rule>& RuleSet::rules() const { return impl_->rules; }
const Rule* RuleSet::FindRule(std::string_view id) const {
  for (const Rule& r : impl_->rules)
    if (r.id == id) return &r;
  return nullptr;
}

Result<RuleSet> RuleSet::LoadFile(const std::string& path, const RuleSetOptions& opts) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open the rule file");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return LoadString(text, path, opts);
}

Result<RuleSet> RuleSet::LoadString(std::string_view json, const std::string& name, const RuleSetOptions& opts) {
  RuleSet rs;
  Impl& im = *rs.impl_;
  im.file = name;
  im.family = Stem(name);
  std::string clean = StripComments(json);

  std::map<std::string, std::string> macros;
  if (Status s = LoadMacros(Dirname(name) + "/macros.json", &macros); !s.ok()) return s;

  simdjson::dom::parser parser;
  element root;
  if (auto err = parser.parse(clean).get(root)) {
    // simdjson does not say where; find the first line the parser chokes on by prefix parsing is
    // costly, so name the error and the file.
    return Status::InvalidInput(name + ": malformed JSON: " + simdjson::error_message(err));
  }
  object top;
  if (root.get_object().get(top)) return Status::InvalidInput(name + ":1: the file must be a JSON object");
  std::string_view sv;
  if (top["family"].get_string().get(sv) == simdjson::SUCCESS) im.family = std::string(sv);
  object fm;
  if (top["macros"].get_object().get(fm) == simdjson::SUCCESS) {
    for (auto [k, v] : fm) {
      if (v.get_string().get(sv)) return Status::InvalidInput(name + ": macro " + std::string(k) + " is not a string");
      macros[std::string(k)] = std::string(sv);
    }
  }
  simdjson::dom::array rules;
  if (top["rules"].get_array().get(rules)) return Status::InvalidInput(name + ":1: no \"rules\" array");

  std::set<std::string> ids;
  size_t cursor = 0;
  for (element re : rules) {
    Rule r;
    r.file = name;
    object ro;
    if (re.get_object().get(ro)) return Status::InvalidInput(name + ": a rule must be a JSON object");
    if (ro["id"].get_string().get(sv))
      return Status::InvalidInput(name + ":" + std::to_string(LineOf(clean, cursor)) +
                                  ": a rule after line " + std::to_string(LineOf(clean, cursor)) + " has no string \"id\"");
    r.id = std::string(sv);
    size_t at = FindIdOffset(clean, r.id, cursor);
    cursor = at;
    r.line = LineOf(clean, at);
    std::string where = name + ":" + std::to_string(r.line) + ": rule " + r.id;
    if (!ids.insert(r.id).second) return Status::InvalidInput(where + ": duplicate rule id");
    for (auto [k, v] : ro) {
      if (!RuleKeys().count(std::string(k)))
        return Status::InvalidInput(where + ": unknown field '" + std::string(k) + "'");
    }
    if (ro["kind"].get_string().get(sv)) return Status::InvalidInput(where + ": missing string \"kind\"");
    r.kind = std::string(sv);
    if (ro["pattern"].get_string().get(sv)) return Status::InvalidInput(where + ": missing string \"pattern\"");
    r.source_pattern = std::string(sv);
    int64_t pri = 0;
    element pe;
    if (ro["priority"].get(pe) == simdjson::SUCCESS) {
      if (pe.get_int64().get(pri)) return Status::InvalidInput(where + ": \"priority\" must be a whole number");
    }
    r.priority = static_cast<int>(pri);
    object attrs;
    if (ro["attrs"].get(pe) == simdjson::SUCCESS) {
      if (pe.get_object().get(attrs)) return Status::InvalidInput(where + ": \"attrs\" must be an object");
      for (auto [k, v] : attrs) r.attrs[std::string(k)] = ToText(v);
    }
    for (const char* list : {"examples", "counter_examples"}) {
      simdjson::dom::array exs;
      if (ro[list].get(pe) != simdjson::SUCCESS) continue;
      if (pe.get_array().get(exs)) return Status::InvalidInput(where + ": \"" + list + "\" must be an array");
      for (element e : exs) {
        RuleExample ex;
        if (Status s = ParseExample(e, std::string(list) == "counter_examples", where, clean, at, &ex); !s.ok())
          return s;
        r.examples.push_back(std::move(ex));
      }
    }
    std::string err;
    std::vector<std::string> stack;
    if (!Expand(r.source_pattern, macros, 0, &stack, &r.pattern, &err))
      return Status::InvalidInput(where + ": " + err);
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(opts.rule_max_mem);
    auto re2 = std::make_unique<RE2>(r.pattern, o);
    if (!re2->ok()) {
      std::string why = re2->error_code() == RE2::ErrorPatternTooLarge
                            ? "pattern too large for the memory budget (" + std::to_string(opts.rule_max_mem >> 20) +
                                  " MiB): " + re2->error()
                            : re2->error();
      return Status::InvalidInput(where + ": " + why);
    }
    std::vector<std::pair<std::string, int>> g;
    for (const auto& [gname, idx] : re2->NamedCapturingGroups()) g.emplace_back(gname, idx);
    std::sort(g.begin(), g.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    im.groups.push_back(std::move(g));
    im.res.push_back(std::move(re2));
    im.rules.push_back(std::move(r));
  }

  RE2::Options so;
  so.set_log_errors(false);
  so.set_max_mem(opts.max_mem);
  im.set = std::make_unique<RE2::Set>(so, RE2::UNANCHORED);
  for (size_t i = 0; i < im.rules.size(); ++i) {
    std::string err;
    if (im.set->Add(im.rules[i].pattern, &err) < 0)
      return Status::InvalidInput(name + ":" + std::to_string(im.rules[i].line) + ": rule " + im.rules[i].id + ": " + err);
  }
  if (!im.set->Compile())
    return Status::InvalidInput(name + ": the family's " + std::to_string(im.rules.size()) +
                                " rules do not fit the RE2::Set memory budget of " +
                                std::to_string(opts.max_mem >> 20) + " MiB (raise RuleSetOptions::max_mem)");
  return rs;
}

std::vector<RuleMatch> RuleSet::FindAll(std::string_view text) const {
  std::vector<RuleMatch> out;
  const Impl& im = *impl_;
  if (im.rules.empty() || text.empty()) return out;
  std::vector<int> hits;
  if (!im.set->Match(text, &hits)) return out;
  std::sort(hits.begin(), hits.end());
  std::vector<re2::StringPiece> sub;
  for (int h : hits) {
    const RE2& re = *im.res[h];
    int n = re.NumberOfCapturingGroups() + 1;
    sub.assign(n, re2::StringPiece());
    size_t pos = 0;
    while (pos <= text.size() &&
           re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, sub.data(), n)) {
      size_t b = sub[0].data() - text.data(), e = b + sub[0].size();
      if (e > b) {
        RuleMatch m;
        m.rule = &im.rules[h];
        m.begin = b;
        m.end = e;
        for (const auto& [gname, idx] : im.groups[h]) {
          if (sub[idx].data() == nullptr) continue;
          m.groups.emplace_back(gname, std::string_view(sub[idx].data(), sub[idx].size()));
        }
        out.push_back(std::move(m));
        pos = e;
      } else {
        // empty match: step one UTF-8 character
        pos = b + 1;
        while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
      }
    }
  }
  return out;
}

std::vector<RuleMatch> RuleSet::Resolve(const std::vector<RuleMatch>& candidates,
                                        std::vector<std::pair<RuleMatch, size_t>>* losers) {
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto rank_less = [&](size_t a, size_t b) {  // true if a ranks before b
    const RuleMatch& x = candidates[a];
    const RuleMatch& y = candidates[b];
    size_t lx = x.end - x.begin, ly = y.end - y.begin;
    if (lx != ly) return lx > ly;
    if (x.rule->priority != y.rule->priority) return x.rule->priority > y.rule->priority;
    if (x.begin != y.begin) return x.begin < y.begin;
    return x.rule < y.rule;  // rules live in one vector: file order
  };
  std::stable_sort(order.begin(), order.end(), rank_less);
  std::vector<size_t> kept;
  std::vector<std::pair<size_t, size_t>> lost;  // candidate, kept candidate it lost to
  for (size_t i : order) {
    const RuleMatch& c = candidates[i];
    size_t beaten_by = SIZE_MAX;
    for (size_t k : kept) {
      const RuleMatch& w = candidates[k];
      if (c.begin < w.end && w.begin < c.end) { beaten_by = k; break; }
    }
    if (beaten_by == SIZE_MAX) kept.push_back(i);
    else lost.emplace_back(i, beaten_by);
  }
  std::sort(kept.begin(), kept.end(), [&](size_t a, size_t b) {
    return candidates[a].begin < candidates[b].begin;
  });
  std::vector<RuleMatch> out;
  std::map<size_t, size_t> pos_of;
  for (size_t k : kept) {
    pos_of[k] = out.size();
    out.push_back(candidates[k]);
  }
  if (losers)
    for (auto [c, w] : lost) losers->emplace_back(candidates[c], pos_of[w]);
  return out;
}

}  // namespace newskb
