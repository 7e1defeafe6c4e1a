#!/usr/bin/env python3
"""bench/perf_table.py: the tables of bench/PROFILE.md from a perf profile.

    perf record -F 499 --call-graph dwarf,16384 -o P.data build-prof/newskb ingest ...
    perf script -i P.data -F tid,ip,sym,dso | c++filt > P.script
    python3 bench/perf_table.py P.script [LEAF...]      # Markdown on stdout
    STAGE=OrganizationExtractor::Extract python3 bench/perf_table.py P.script

Prints, as shares of all samples: by thread (worker, writer, main), by
stage (the innermost stage frame of each sample's stack, the STAGES list),
self by function, children (inclusive) by function, and self charged to the
innermost newskb:: function (so RE2, SQLite and libc time land on their
caller). With LEAF arguments, the callers of those leaf functions; with
STAGE=a,b, what is inside those stages. Frames of libraries without
symbols count as [library]."""
import re, sys, collections
STAGES = [  # (label, substring of a frame), first match from the leaf up wins
  ("startup: load rules, lists", "LoadPipeline"),
  ("startup: load rules, lists", "LoadExtractors"),
  ("store: search index (FTS5)", "FlushSearchIndex"),
  ("store: search index (FTS5)", "IndexForSearch"),
  ("store: rows", "Ingestor::Store"),
  ("store: commit", "CommitBatch"),
  ("markup (HTML)", "ConvertMarkup"),
  ("body", "PrepareBody"),
  ("normalise", "Normalizer::Normalize"),
  ("facts", "ExtractFacts"),
  ("extract: organizations", "OrganizationExtractor::Extract"),
  ("extract: figures", "FigureExtractor::Extract"),
  ("extract: dates", "DateExtractor::Extract"),
  ("extract: places/dict", "DictExtractor::Extract"),
  ("extract: policies", "PolicyExtractor::Extract"),
  ("extract: projects", "ProjectExtractor::Extract"),
  ("extract: indicators", "IndicatorExtractor::Extract"),
  ("extract: commodities", "CommodityExtractor::Extract"),
  ("extract: other/link", "ExtractorSet::ExtractAll"),
  ("read input", "ParallelIngest::Read"),
  ("script detect", "ScriptConverter::Detect"),
]
def fname(line):
  m = re.match(r'\s*[0-9a-f]+ (.*?) \((.*)\)\s*$', line)
  if m: sym, dso = m.group(1), m.group(2)
  else:
    m = re.match(r'\s*[0-9a-f]+ (.*)$', line); sym, dso = (m.group(1) if m else line.strip()), ''
  sym = sym.replace('(anonymous namespace)', '{anon}').replace(' (inlined)', '')
  sym = re.sub(r'\(.*', '', sym) if '(' in sym and not sym.startswith('(') else sym
  sym = sym.replace(' (inlined)', '')
  if sym.startswith('[unknown]') or re.fullmatch(r'0x[0-9a-f]+|\[unknown\]', sym) or not sym:
    sym = '[' + dso.split('/')[-1] + ']'
  if 'kernel' in dso: sym = '[kernel]'
  return sym
samples=[]; cur=None
for line in open(sys.argv[1], errors='replace'):
  if not line.strip():
    if cur: samples.append(cur); cur=None
    continue
  if not line.startswith('\t') and not line.startswith(' '*8):
    cur={'tid': line.split()[0], 'frames': []}; continue
  if line.startswith(' ') and cur is None: cur={'tid': line.split()[0], 'frames': []}; continue
  if cur is not None: cur['frames'].append(fname(line))
if cur: samples.append(cur)
N=len(samples)
selfc=collections.Counter(); ch=collections.Counter(); stage=collections.Counter(); own=collections.Counter(); tid=collections.Counter()
for s in samples:
  fr=s['frames'] or ['?']
  selfc[fr[0]]+=1
  for f in set(fr): ch[f]+=1
  st='other'
  for f in fr:
    hit=[l for l,k in STAGES if k in f]
    if hit: st=hit[0]; break
  if st=='other':
    if any('_dl_' in f or '_start' == f for f in fr): st='startup: dynamic loader/exit'
  stage[st]+=1
  o=next((f for f in fr if f.startswith('newskb::') and not f.startswith('newskb::{anon}::MatchSet')), fr[0])
  own[o]+=1
  th='worker' if any('ParallelIngest::Work' in f for f in fr) else 'writer' if any('ParallelIngest::Write' in f for f in fr) else 'main/other'
  tid[th]+=1
def pr(title, c, k=25, what="function"):
  print(f"\n**{title}** ({N} samples)\n")
  print(f"| % | {what} |\n|---:|---|")
  for f,n in c.most_common(k): print(f"| {100*n/N:.1f} | `{f[:150]}` |")
def pr2(title, order, k=25):
  print(f"\n**{title}** ({N} samples)\n")
  print("| self % | children % | function |\n|---:|---:|---|")
  for f, _ in order.most_common(k): print(f"| {100*selfc[f]/N:.1f} | {100*ch[f]/N:.1f} | `{f[:150]}` |")
pr("By thread", tid, 5, "thread")
pr("By stage (innermost stage frame of each sample)", stage, 30, "stage")
pr2("By function, the 25 largest self shares", selfc)
pr2("By function, the 25 largest children (inclusive) shares below the thread entry",
    collections.Counter({k: v for k, v in ch.items() if k not in ('clone3', 'start_thread', '_start', 'main', '__libc_start_call_main', '__libc_start_main_impl') and not k.startswith('[')}))
pr("Self, charged to the innermost newskb:: function (top 25)", own)
if len(sys.argv)>2:
  for leaf in sys.argv[2:]:
    c=collections.Counter()
    for s in samples:
      fr=s['frames'] or ['?']
      if leaf not in fr[0]: continue
      o=[f for f in fr[1:] if f.startswith('newskb::') or f.startswith('re2::')][:2]
      c[' <- '.join(o)]+=1
    pr("callers of "+leaf, c, 12)
import os
if os.environ.get('STAGE'):
  for st in os.environ['STAGE'].split(','):
    c=collections.Counter()
    for s in samples:
      fr=s['frames']
      if not any(st in f for f in fr): continue
      k=fr.index(next(f for f in fr if st in f))
      path=[f for f in fr[:k] if f.startswith('newskb::') or f.startswith('re2::')]
      c[' <- '.join(path[-3:]) if path else fr[0]]+=1
    pr("inside "+st, c, 15)
