#!/usr/bin/env python3
"""Writes N distinct seed-like JSON Lines articles (figures, dates,
organizations, policies) for the stress scripts: kill loop, two writers.

usage: gen_articles.py N OUT.jsonl [PREFIX]
Each article is a few sentences from a small bank of news-style templates
with varied numbers and dates, so every article has its own content hash.
"""
import json
import random
import sys

TEMPLATES = [
    "美國能源部{m}月{d}日宣布，向石墨廠提供{a}億美元貸款。",
    "寧德時代發布年報，全年淨利潤增長{p}%，營收{b}億元。",
    "澳洲政府宣布設立{a}億澳元的關鍵礦產戰略儲備。",
    "日本豐田通商投資約{c}億日圓建設稀土精煉廠。",
    "歐盟委員會提出《關鍵原材料法案》，目標{y}年本土加工{p}%。",
    "中國商務部對鎵、鍺出口實施管制，自{m}月{d}日起生效。",
    "据海关总署数据，{y}年前{m}个月稀土出口{b}吨，同比下降{p}%。",
]


def article(rng, i):
    k = rng.randint(3, 8)
    parts = []
    for _ in range(k):
        t = rng.choice(TEMPLATES)
        parts.append(t.format(m=rng.randint(1, 12), d=rng.randint(1, 28), a=rng.randint(2, 99),
                              b=rng.randint(100, 9999), c=rng.randint(100, 3000), p=rng.randint(1, 90),
                              y=rng.randint(2020, 2035)))
    return "".join(parts) + f"（第{i}篇）"


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    prefix = sys.argv[3] if len(sys.argv) > 3 else "a"
    rng = random.Random(f"{prefix}{n}")
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            rec = {"id": f"{prefix}{i}", "date": f"2026-0{1 + i % 9}-1{i % 10}", "text": article(rng, i)}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
