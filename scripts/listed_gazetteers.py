#!/usr/bin/env python3
"""Write gazetteer/organizations/hk_listed.tsv and cn_listed.tsv (kind `listed`).

Inputs: the three JSON lists of github.com/jacktth/ga-hk_stock_info (each a
list of {symbol, engName, zhName, ...} that the repository's workflow builds
from HKEX's published spreadsheets), named on the command line:

  hk-listings/date.json       HKEX main board and GEM companies, full
                              registered Chinese names (長江和記實業有限公司)
  shanghai-connect/date.json  SSE securities of Stock Connect, short names in
                              HKEX's Traditional rendering (宏發股份, 中芯國際)
  shenzhen-connect/date.json  SZSE securities of Stock Connect (平安銀行)

  git -C MIRROR show COMMIT:hk-listings/date.json > /tmp/hk.json   (same for the others)
  python3 scripts/listed_gazetteers.py --hk /tmp/hk.json --sse /tmp/sse.json \
      --szse /tmp/szse.json --commit COMMIT --out extractors/rules/gazetteer/organizations

Conversion, as for tw_listed.tsv (see its header): names are compared folded
(NFKC, lower case, Traditional -> Simplified by ICU's uconv, which the build
machine has with ICU); left out are names any gazetteer file already holds
(organizations.tsv, places.tsv, organizations/*.tsv but the two written
here), Latin names, and names jieba's dictionary knows as a common word
(frequency 100 or more), a person name (nr, 50 or more) or a place (ns, 20
or more). Names made only of common words of that dictionary (jieba's segmentation
without HMM) that end with no business word (线上线下, 未来发展), common
nouns (金融街) and China with one common noun (中国稀土, 中国电影) read as
descriptions as often as names and are left out too. Needs python3-jieba (run with /usr/bin/python3).
"""

import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.join(HERE, "..", "extractors", "rules", "gazetteer")

# Legal forms a Hong Kong registered name ends with, longest first.
HK_LEGAL = ["股份有限公司", "有限責任公司", "有限公司", "股份公司", "公司", "Limited", "Ltd", "Inc.", "Inc", "plc"]
# Tails a Hong Kong company drops in its short name (新鴻基地產發展 -> 新鴻基地產):
# one more alias when the rest is three characters or more.
# A rest starting with a country or region names a sector, not the company
# (中國航天 of 中國航天國際控股): no alias.
HK_REGIONS = ("中國", "中华", "中華", "香港", "亞洲", "亚洲", "國際", "大中華", "環球", "全球")
# A shortened alias ending in a country or region is a phrase (時代中國 of
# 新時代中國特色): folded endings.
PLACE_END = ("中国", "香港", "亚洲", "国际", "环球", "全球", "澳门", "台湾")
HK_TAILS = ["控股集團", "集團控股", "國際控股", "集團", "控股", "發展", "國際", "實業", "股份"]


def fold_all(names):
    """Folds many names at once: NFKC, Traditional -> Simplified, lower case."""
    if not names:
        return []
    text = "\n".join(n.replace("\n", " ") for n in names) + "\n"
    out = subprocess.run(["uconv", "-x", "Any-NFKC; Traditional-Simplified; Any-Lower"],
                         input=text.encode("utf-8"), capture_output=True, check=True).stdout.decode("utf-8")
    lines = out.split("\n")[: len(names)]
    assert len(lines) == len(names)
    return lines


def to_simplified(names):
    text = "\n".join(names) + "\n"
    out = subprocess.run(["uconv", "-x", "Any-NFKC; Traditional-Simplified"], input=text.encode("utf-8"),
                         capture_output=True, check=True).stdout.decode("utf-8")
    return out.split("\n")[: len(names)]


def gazetteer_names(skip):
    files = [os.path.join(GAZ, "organizations.tsv"), os.path.join(GAZ, "places.tsv")]
    d = os.path.join(GAZ, "organizations")
    files += sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".tsv") and f not in skip)
    names = []
    for path in files:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                names.append(cols[0])
                if len(cols) > 2 and cols[2]:
                    names += [a for a in cols[2].split("|") if a]
    return set(fold_all(names))


def jieba_common(path):
    common = set()
    words = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                continue
            w, f = parts[0], int(parts[1])
            tag = parts[2] if len(parts) > 2 else ""
            if f >= 100 or (tag.startswith("nr") and f >= 50) or (tag.startswith("ns") and f >= 20):
                words.append(w)
    return set(fold_all(words))


# Words a company name may end with and still be a name when all its words
# are common (东方电气, 春秋航空, 西部证券): business and industry words.
BUSINESS = set("""股份 科技 证券 航空 电气 传媒 集团 控股 电子 机电 信息 动力 导航 出版 机械 黄金
物流 轮船 港口 公路 电器 软件 材料 工业 精密 环境 制药 技术 认证 眼镜 生物 医疗 医学 防务 化学
工程 教育 能源 资源 投资 金融 地产 置业 实业 企业 国际 银行 保险 航运 汽车 食品 化工 钢铁 水泥
建设 电信 通信 网络 数字 环保 新材 医药 药业 酒店 娱乐 体育 百货 商业 贸易 农业 矿业 重工 电力
水电 光电 半导体 智能 设计 公司 有限公司 股份有限公司""".split())


class Jieba:
    """jieba's dictionary (frequencies, tags) and its segmentation without HMM."""

    def __init__(self, path):
        import jieba  # python3-jieba (Debian); run with /usr/bin/python3
        import logging
        jieba.setLogLevel(logging.ERROR)
        self.tok = jieba.Tokenizer(dictionary=path)
        self.freq, self.tag = {}, {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                p = line.split()
                if len(p) >= 2:
                    self.freq[p[0]] = int(p[1])
                    self.tag[p[0]] = p[2] if len(p) > 2 else ""

    def common_word(self, w, min_freq=500):
        t = self.tag.get(w, "")
        if w not in self.freq or t.startswith(("nr", "ns", "nt", "nz", "j")):
            return False
        return self.freq[w] >= (5000 if len(w) == 1 else min_freq)

    def generic(self, name):
        """True if `name` (Simplified) is only common words and ends with no
        business word or ends with a locative: a description (线上线下,
        未来发展, 新产业), is itself a
        common noun of the dictionary (电子城, 金融街), or is China and one
        common noun (中国稀土, 中国电影): not a name on its own."""
        if self.tag.get(name) == "n":  # a common noun of any frequency: 电子城, 金融街
            return True
        segs = self.tok.lcut(name, HMM=False)
        # A locative after a common word ends a phrase (线|上线|下), not a name
        # (美|迪|西, 京|北方 stay).
        if self.tag.get(segs[-1]) == "f" and any(len(w) > 1 and self.common_word(w) for w in segs[:-1]):
            return True
        singles = sum(1 for w in segs if len(w) == 1)  # 海|能|达: a coined name
        if len(segs) >= 2 and singles <= 1 and all(self.common_word(w) for w in segs) \
                and segs[-1] not in BUSINESS:
            return True
        # China and one common noun (中国稀土, 中国电影, 中国黄金) is as often the
        # country's industry as the company: found by its stock code only.
        # (A province or city and a noun, 上海电气, 青岛啤酒, stays: the
        # company's name more often than not.)
        return len(segs) == 2 and segs[0] in ("中国", "中华", "全国", "国际", "全球", "亚洲") \
            and self.common_word(segs[1], 100)


def han_only(name):
    return re.fullmatch(r"[\u3400-\u9fff\u00b7·]+", name) is not None


def cn_short_name(raw):
    """SSE/SZSE short name without share-class and status marks."""
    n = subprocess_free_nfkc(raw).replace(" ", "")
    n = re.sub(r"^(\*?ST|S\*ST|SST|XD|XR|DR|N|C)(?=[\u3400-\u9fff])", "", n)
    n = re.sub(r"[-－]?(UWD|UW|WD|U|W|D)$", "", n)
    n = re.sub(r"(?<=[\u3400-\u9fff])[AB]$", "", n)
    return n


def subprocess_free_nfkc(s):
    import unicodedata
    return unicodedata.normalize("NFKC", s).strip()


def hk_names(zh):
    """(canonical, aliases) from a registered name: 恒隆地產有限公司 -> 恒隆地產."""
    full = subprocess_free_nfkc(zh).replace("'A'", "").replace("'B'", "").strip()
    base = full
    for suf in HK_LEGAL:
        if base.endswith(suf):
            base = base[: -len(suf)].strip()
            break
    base = re.sub(r"\([^()]*\)$", "", base).strip()          # 香港小輪(集團) -> 香港小輪
    base = re.sub(r"\(([^()]*)\)", r"\1", base) if not han_only(base) else base  # 和黃醫藥(中國) kept whole
    aliases = [full] if full != base else []
    for tail in HK_TAILS:
        rest = base[: -len(tail)]
        if base.endswith(tail) and len(rest) >= 4 and not rest.startswith(HK_REGIONS):
            aliases.append(rest)
            break
    return base, aliases


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hk", required=True)
    ap.add_argument("--sse", required=True)
    ap.add_argument("--szse", required=True)
    ap.add_argument("--commit", required=True, help="the source repository's commit (for the header)")
    ap.add_argument("--out", default=os.path.join(GAZ, "organizations"))
    ap.add_argument("--jieba-dict", default="/usr/lib/python3/dist-packages/jieba/dict.txt")
    a = ap.parse_args()

    known = gazetteer_names({"hk_listed.tsv", "cn_listed.tsv"})
    common = jieba_common(a.jieba_dict)
    jb = Jieba(a.jieba_dict)
    generic = {}  # folded name -> True if only common words (see Jieba.generic)

    def is_generic(key):
        if key not in generic:
            generic[key] = jb.generic(key)
        return generic[key]
    stats = {}

    def keep(name, key, why):
        if not han_only(name) or len(name) < 2:
            why["latin or one character"] = why.get("latin or one character", 0) + 1
            return False
        if key in known:
            why["already in the gazetteer"] = why.get("already in the gazetteer", 0) + 1
            return False
        if key in common:
            why["common word, person or place"] = why.get("common word, person or place", 0) + 1
            return False
        if is_generic(key):
            why["common words only"] = why.get("common words only", 0) + 1
            if os.environ.get("LISTED_SHOW"):
                print("generic:", name, file=sys.stderr)
            return False
        return True

    # Mainland: SSE and SZSE A shares (codes 60x, 688/689; 00x, 30x).
    rows = []
    for path, market, ok in ((a.sse, "SSE", r"^(60[0135]|68[89])\d{3}$"), (a.szse, "SZSE", r"^(00[0-3]|30[0-2])\d{3}$")):
        for r in json.load(open(path, encoding="utf-8")):
            code = str(r["symbol"]).zfill(6)
            if not re.match(ok, code):
                continue
            name = cn_short_name(r["zhName"])
            if name.endswith("退"):
                continue
            rows.append((name, market, code))
    simp = to_simplified([r[0] for r in rows])
    keys = fold_all(simp)
    cn, seen, why_cn = [], set(), {}
    for (name, market, code), s, k in sorted(zip(rows, simp, keys), key=lambda x: (x[0][1] != "SSE", x[0][2])):
        if k in seen or not keep(s, k, why_cn):
            continue
        seen.add(k)
        cn.append((s, "", f"{market} {code}"))
    stats["cn"] = (len(rows), len(cn), why_cn)

    # Hong Kong: main board and GEM, by registered name less its legal form.
    hk, why_hk = [], {}
    hrows = []
    for r in json.load(open(a.hk, encoding="utf-8")):
        canon, aliases = hk_names(r["zhName"])
        hrows.append((canon, aliases, str(r["symbol"]).zfill(5)))
    allnames = [n for c, al, _ in hrows for n in [c] + al]
    folded = iter(fold_all(allnames))
    for canon, aliases, code in hrows:
        kc = next(folded)
        ka = [next(folded) for _ in aliases]
        if kc in seen or not keep(canon, kc, why_hk):
            continue
        seen.add(kc)
        good = []
        for al, k in zip(aliases, ka):
            if k in seen or k in known or k in common or (not han_only(al) and not al.endswith("公司")):
                continue
            if not al.endswith(tuple(HK_LEGAL)) and (is_generic(k) or k.endswith(PLACE_END)):
                continue
            seen.add(k)
            good.append(al)
        hk.append((canon, "|".join(good), f"HKEX {code}"))
    stats["hk"] = (len(hrows), len(hk), why_hk)

    write(os.path.join(a.out, "cn_listed.tsv"), CN_HEADER.format(commit=a.commit, n=len(cn), **fmt(stats["cn"])), cn)
    write(os.path.join(a.out, "hk_listed.tsv"), HK_HEADER.format(commit=a.commit, n=len(hk), **fmt(stats["hk"])), hk)
    for k, (total, kept, why) in stats.items():
        print(f"{k}: {total} read, {kept} written, left out: {why}", file=sys.stderr)


def fmt(stat):
    total, kept, why = stat
    return {"total": total, "known": why.get("already in the gazetteer", 0), "generic": why.get("common words only", 0),
            "common": why.get("common word, person or place", 0), "latin": why.get("latin or one character", 0)}


def write(path, header, rows):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(header)
        for canon, aliases, note in rows:
            fh.write(f"{canon}\tlisted\t{aliases}\t{note}\n")


SOURCE = """# Source: github.com/jacktth/ga-hk_stock_info (commit {commit}), whose
# GitHub workflow stores HKEX's published lists as JSON. Licence: the
# repository's README said "licensed under the MIT License" from 2023-05-31
# (commits 5136277..9b560ab) and no longer says so; it has no LICENSE file.
# The names are the exchanges' own facts (names and stock codes); no better
# licensed full list was found (searched: akshare, efinance, easyquotation,
# czsc, zvt ship none; abu and Kobe ship lists under GPL-3.0).
# Written by scripts/listed_gazetteers.py (inputs and steps there).
"""

CN_HEADER = """# Mainland China: A shares of the Shanghai and Shenzhen exchanges by the
# short name mainland media use (贵州茅台, 中瓷电子, 博实股份), Simplified.
""" + SOURCE + """# Rows: shanghai-connect/date.json and shenzhen-connect/date.json, the SSE
# and SZSE securities of Stock Connect (HKEX's Traditional rendering of the
# exchanges' short names, converted to Simplified); codes 600-605, 688, 689
# (SSE) and 000-003, 300-302 (SZSE), so no funds or bonds. Stock Connect
# holds the larger companies only ({total} rows read); the Beijing Stock
# Exchange and the smaller SSE/SZSE companies are not in the source and
# not here. The fourth column is the exchange and the code.
# Conversion: share-class and status marks are stripped (*ST, ST, XD, XR,
# DR, N, C before the name; A, B, -U, -W after it); names being delisted
# (…退) are left out. Left out as well, as in tw_listed.tsv: names this
# gazetteer already holds ({known}; 中国石化 stays with its entity), names
# that jieba's dictionary knows as a common word, person or place ({common}:
# 万科, 东方财富), names made of common words only that end with no business
# word, are a common noun, or China and one common noun ({generic}:
# 线上线下, 新产业, 金融街, 中国稀土, 中国电影; 东方电气, 春秋航空, 上海电气
# stay; such a company is found by its stock code: 中国稀土(000831)), Latin
# names
# ({latin}). {n} companies.
# Kind `listed`: counts on word boundaries, in a document with a business
# sentence (listed_cues.txt), see gazetteer/README.md.
"""

HK_HEADER = """# Hong Kong: companies listed on HKEX's main board and GEM by their
# registered Chinese name less its legal form (恒隆地產, 騰訊控股,
# 新鴻基地產發展), Traditional as registered.
""" + SOURCE + """# Rows: hk-listings/date.json, HKEX's "Hyperlinks to Listed Companies"
# ({total} companies, code, English and Chinese registered name). The source
# has no exchange short names (長和 for 長江和記實業): the canonical name is
# the registered name without 有限公司 / 股份有限公司 and a bracketed tail
# (香港小輪(集團) -> 香港小輪); the full registered name is an alias, and so
# is the name without one last word of 集團, 控股, 發展, 國際, 實業, 股份
# where four characters or more remain that do not start with a country or
# region (新鴻基地產發展 -> 新鴻基地產; not 中國航天 of 中國航天國際控股).
# Left out, as in tw_listed.tsv: names this gazetteer already holds
# ({known}: 匯豐控股, 港鐵 stay with their entities; mainland A-share names
# of cn_listed.tsv), common words, persons and places by jieba's dictionary
# ({common}), names of common words only that end with no business word
# ({generic}: 未來發展), Latin names ({latin}: Hypebeast Limited); shortened
# aliases ending in a country or region (時代中國). {n} companies. The
# fourth column is HKEX and the stock code.
"""

if __name__ == "__main__":
    main()
