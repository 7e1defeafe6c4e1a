#!/usr/bin/env python3
"""Writes N extracted documents to standard output by copying the documents
of a shard (`newskb extract`'s output) until N are written, each copy made
a new document for `newskb load`, for bench/growth.sh's large knowledge base.

Copy c (c = 0 is the shard as it is) of a document gets:
  * the id ID~c and the raw input with " ~c" at its end: a new content hash,
    so no copy is a duplicate;
  * entity names with "#c" at their end (organizations, policies, places,
    commodities, indicators): each copy links to entities of its own, so the
    entities, aliases and entity_forms tables and their indexes grow with
    every copy, as a stream of news keeps meeting new names (faster than
    real news, where most names recur: an upper bound on that growth);
  * its body, sentences, mentions (offsets, text, values) and facts unchanged:
    the documents, sentences, mentions and facts tables and the search index's
    postings grow one row per copy, as with new articles; the search index's
    vocabulary does not grow (the same words).
Records that are rejects, or whose raw input is not UTF-8 (raw_base64), are
skipped. A line's JSON is read once; each copy is a string substitution of
a marker, so millions of documents are written at the speed of the load.

Document g of the sequence (g = 0, 1, ...) is copy g // D of the shard's
document g % D (D documents in the shard); --start S --count N writes
documents S to S + N - 1, so a large base can be loaded in parts.

usage: bench/growth_copies.py [--start S] --count N SHARD.jsonl > copies.jsonl
"""
import argparse, json, sys

MARK = "\u0001COPY\u0001"  # never in news text; JSON writes it as \u0001COPY\u0001

ENTITY_KINDS = {"organization", "policy", "place", "commodity", "indicator"}  # kb.cc IsEntityKind

ap = argparse.ArgumentParser()
ap.add_argument("shard")
ap.add_argument("--count", type=int, required=True)
ap.add_argument("--start", type=int, default=0)
a = ap.parse_args()

templates = []  # one JSON line per document, MARK where the copy's suffix goes
skipped = 0
with open(a.shard, encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        if "reject" in r or "raw" not in r:
            skipped += 1
            continue
        r["id"] = r["id"] + MARK
        r["raw"] = r["raw"] + " " + MARK
        for m in r.get("mentions", []):
            if m.get("kind") in ENTITY_KINDS:  # an entity's name is its linked name, else its text
                m["name"] = m.get("name") or m["text"]
                m["name"] = m["name"] + MARK
            if "key" in m:
                m["key"] = m["key"] + MARK
        templates.append(json.dumps(r, ensure_ascii=False))
if not templates:
    sys.exit(f"{a.shard}: no documents")
marker = json.dumps(MARK)[1:-1]
out = sys.stdout
D = len(templates)
for g in range(a.start, a.start + a.count):
    copy, t = divmod(g, D)
    t = templates[t]
    if copy:  # the id and the raw text take ~copy (they come first in the line), names #copy
        line = t.replace(marker, f"~{copy}", 2).replace(marker, f"#{copy}")
    else:
        line = t.replace(marker, "")
    out.write(line)
    out.write("\n")
print(f"growth_copies.py: documents {a.start} to {a.start + a.count - 1}: copies "
      f"{a.start // D} to {(a.start + a.count - 1) // D} of {D} "
      f"({skipped} rejects or non-UTF-8 records skipped)", file=sys.stderr)
