#!/usr/bin/env python3
"""Score a newskb knowledge base against expected article bodies.

usage: score_bodies.py --db KB.sqlite EXPECTATIONS.jsonl [--verbose] [--json]

EXPECTATIONS.jsonl: one {"id", "title", "date", "body_first", "body_last", "note"} a line
(bodies.dev.jsonl or bodies.heldout.jsonl).  The knowledge base must have a table
documents(doc_key, title, published, source, text).

An expected article is found by doc_key == id; failing that, by a doc_key that ends
with the id or contains it between separators (e.g. "real-news/aml-547"); failing that,
by a unique exact title.  For each article it checks:
  title  exact after trimming white space (expected null = stored title empty/NULL);
  date   the first 10 characters of `published` equal the expected YYYY-MM-DD
         (expected null = stored published empty/NULL);
  first  the stored text's first sentence equals body_first after folding white space
         (all white space, incl. U+3000 and NBSP, is removed before comparing, so
         "他承認 ，" and "他承認，" are equal) ("exact"); else one contains the other ("contains", partial credit); else the
         expected sentence occurs somewhere else in the stored text ("elsewhere");
         else "miss";
  last   the same with the stored text's last sentence and body_last.
A sentence ends at 。！？ (and any closing quote after it) or at the end of a line.
Totals: articles found; exact matches of each field; "contains" counted as half credit in
the score column.  Standard library only.
"""
import argparse
import json
import re
import sqlite3
import sys

WS = re.compile(r'[\s\u3000\u00a0\u200b\ufeff]+')
SENT = re.compile(r'.*?[。！？]+[」』”"’\']*|.+$')


def fold(s):
    return WS.sub(' ', s or '').strip()


def sentences(text):
    out = []
    for line in (text or '').splitlines():
        for s in SENT.findall(line):
            s = fold(s)
            if s:
                out.append(s)
    return out


def nows(s):
    return WS.sub('', s or '')


def compare(expected, stored_sentence, stored_text):
    e, s = nows(expected), nows(stored_sentence)
    if not e:
        return 'n/a'
    if e == s:
        return 'exact'
    if s and (e in s or s in e):
        return 'contains'
    if e in nows(stored_text):
        return 'elsewhere'
    return 'miss'


def find_doc(rows, by_key, by_title, rec):
    i = rec['id']
    if i in by_key:
        return by_key[i]
    pat = re.compile(r'(^|[^0-9A-Za-z])' + re.escape(i) + r'$|(^|[/:_ ])' + re.escape(i) + r'([/:_ .]|$)')
    cands = [r for r in rows if r[0] and pat.search(str(r[0]))]
    if len(cands) == 1:
        return cands[0]
    t = (rec.get('title') or '').strip()
    if t and len(by_title.get(t, [])) == 1:
        return by_title[t][0]
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--db', required=True)
    ap.add_argument('expectations')
    ap.add_argument('--verbose', action='store_true', help='show expected vs stored sentences on mismatch')
    ap.add_argument('--json', action='store_true', help='print the per-article results as JSON lines too')
    a = ap.parse_args()

    con = sqlite3.connect(a.db)
    rows = con.execute('SELECT doc_key, title, published, source, text FROM documents').fetchall()
    by_key = {str(r[0]): r for r in rows}
    by_title = {}
    for r in rows:
        by_title.setdefault((r[1] or '').strip(), []).append(r)

    exp = [json.loads(l) for l in open(a.expectations, encoding='utf-8') if l.strip()]
    fields = ('title', 'date', 'first', 'last')
    tot = {f: {'exact': 0, 'contains': 0, 'elsewhere': 0, 'miss': 0} for f in fields}
    found = 0
    print(f"{'id':<22} {'title':<6} {'date':<6} {'first':<10} {'last':<10}")
    for rec in exp:
        row = find_doc(rows, by_key, by_title, rec)
        res = {'id': rec['id']}
        if row is None:
            res.update(found=False, title='miss', date='miss', first='miss', last='miss')
        else:
            found += 1
            _, title, published, _, text = row
            et, st = (rec.get('title') or '').strip(), (title or '').strip()
            res['title'] = 'exact' if et == st else ('contains' if et and st and (et in st or st in et) else 'miss')
            ed, sd = rec.get('date') or '', (str(published) if published is not None else '')[:10]
            res['date'] = 'exact' if ed == sd else 'miss'
            ss = sentences(text)
            res['first'] = compare(rec.get('body_first'), ss[0] if ss else '', text)
            res['last'] = compare(rec.get('body_last'), ss[-1] if ss else '', text)
            res['found'] = True
            if a.verbose:
                res['_stored_first'] = ss[0] if ss else ''
                res['_stored_last'] = ss[-1] if ss else ''
        for f in fields:
            tot[f][res[f]] = tot[f].get(res[f], 0) + 1
        flag = '' if res.get('found') else '  (not in db)'
        print(f"{rec['id']:<22} {res['title']:<6} {res['date']:<6} {res['first']:<10} {res['last']:<10}{flag}")
        if a.verbose and res.get('found'):
            for f, k in (('first', 'body_first'), ('last', 'body_last')):
                if res[f] != 'exact':
                    print(f"    {f} expected: {rec.get(k)}")
                    print(f"    {f} stored:   {res['_stored_' + f]}")
        if a.json:
            print(json.dumps(res, ensure_ascii=False), file=sys.stderr)
    n = len(exp)
    print()
    print(f'articles: {n}, found in db: {found}')
    for f in fields:
        t = tot[f]
        score = (t['exact'] + 0.5 * t['contains']) / n if n else 0.0
        print(f"{f:<6} exact {t['exact']:>3}/{n}  contains {t['contains']:>3}  elsewhere {t['elsewhere']:>3}  "
              f"miss {t['miss']:>3}  score {score:.3f}")
    allx = sum(tot[f]['exact'] for f in fields)
    print(f'all fields exact: {allx}/{4 * n} = {allx / (4 * n) if n else 0:.3f}')


if __name__ == '__main__':
    main()
