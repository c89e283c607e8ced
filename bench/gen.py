#!/usr/bin/env python3
# A copy of ../shared/bench/gen.py (the shared benchmark's generator), so that a clone that does not
# sit beside shared/ (CI) can make the 100k file scripts/pg-load-bench.sh loads. Keep it equal.
"""Deterministic survey-data generator (stdlib only).

Writes, for each requested row count N:
  responses_N.csv     long format, exactly N data rows + header
                      participant,org,entry_route,item,area,phase,score
  participants_N.csv  wide format, one row per participant that appears in
                      responses_N.csv:
                      participant,org,entry_route,pre_<item>...,post_<item>...

Layout: each participant has 12 items x 2 phases = 24 rows, written as the
12 'pre' rows then the 12 'post' rows.  ~25% of participants have no post
answers: their 12 post rows are present with an EMPTY score field.  The last
participant is truncated so that the file has exactly N data rows.

Usage: python3 gen.py [--seed 20240601] [--outdir .] N [N ...]
        e.g.  python3 gen.py 100000 1000000 10000000
"""
import argparse
import os
import random

ORGS = ["Katulähetys", "Jyvässeudun Työttömät", "Tekevä", "Jyvälän Setlementti"]
ORG_W = [0.35, 0.30, 0.20, 0.15]           # cumulative-sampled below
ORG_EFFECT = [0.0, -0.25, 0.15, 0.10]
ROUTES = ["employer", "own"]
AREAS = ["hyvinvointi", "osaaminen", "osallisuus", "työelämä"]
AREA_PREFIX = ["HYV", "OSA", "OSL", "TYÖ"]
ITEMS = []   # (code, area_index)
for a, pre in enumerate(AREA_PREFIX):
    for k in range(1, 4):
        ITEMS.append((f"{pre}{k}", a))
ITEM_EFFECT = [0.2, -0.1, 0.0, -0.3, 0.1, 0.25, 0.05, -0.15, 0.3, -0.4, -0.2, 0.0]
AREA_GAIN = [0.45, 0.30, 0.35, 0.20]       # mean post-pre gain per area
P_NO_POST = 0.25


def clamp5(x):
    v = int(x + 0.5) if x > 0 else 0
    return 1 if v < 1 else (5 if v > 5 else v)


def generate(n_rows, seed, outdir):
    rng = random.Random(seed)
    r = rng.random
    cum = []
    acc = 0.0
    for w in ORG_W:
        acc += w
        cum.append(acc)
    long_path = os.path.join(outdir, f"responses_{n_rows}.csv")
    wide_path = os.path.join(outdir, f"participants_{n_rows}.csv")
    codes = [c for c, _ in ITEMS]
    with open(long_path, "w", encoding="utf-8", newline="\n") as fl, \
         open(wide_path, "w", encoding="utf-8", newline="\n") as fw:
        fl.write("participant,org,entry_route,item,area,phase,score\n")
        fw.write("participant,org,entry_route," +
                 ",".join("pre_" + c for c in codes) + "," +
                 ",".join("post_" + c for c in codes) + "\n")
        written = 0
        pid = 0
        buf = []
        while written < n_rows:
            pid += 1
            p = f"P{pid:07d}"
            u = r()
            o = 0
            while u > cum[o] and o < 3:
                o += 1
            org = ORGS[o]
            route_i = 0 if r() < 0.55 else 1
            route = ROUTES[route_i]
            no_post = r() < P_NO_POST
            # latent level of the participant (triangular-ish around 3)
            mu = 1.6 + 1.4 * (r() + r()) + ORG_EFFECT[o]
            gain_p = (r() - 0.5) * 0.8 + (0.15 if route_i == 1 else 0.0)
            pre_s = []
            post_s = []
            for i, (code, a) in enumerate(ITEMS):
                pre = clamp5(mu + ITEM_EFFECT[i] + (r() - 0.5) * 1.6)
                post = clamp5(pre + AREA_GAIN[a] + gain_p + (r() - 0.5) * 1.8)
                pre_s.append(pre)
                post_s.append(post)
            head = f"{p},{org},{route},"
            rows = []
            for i, (code, a) in enumerate(ITEMS):
                rows.append(f"{head}{code},{AREAS[a]},pre,{pre_s[i]}\n")
            for i, (code, a) in enumerate(ITEMS):
                rows.append(f"{head}{code},{AREAS[a]},post," +
                            ("" if no_post else str(post_s[i])) + "\n")
            take = min(24, n_rows - written)
            buf.extend(rows[:take])
            written += take
            # wide row reflects exactly the rows present in the long file
            pre_cells = [str(pre_s[i]) if i < take else "" for i in range(12)]
            post_cells = [("" if (no_post or 12 + i >= take) else str(post_s[i]))
                          for i in range(12)]
            fw.write(f"{p},{org},{route}," + ",".join(pre_cells) + "," +
                     ",".join(post_cells) + "\n")
            if len(buf) >= 240000:
                fl.write("".join(buf))
                buf.clear()
        fl.write("".join(buf))
    return long_path, wide_path, pid


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--outdir", default=".")
    ap.add_argument("sizes", nargs="+", type=int)
    a = ap.parse_args()
    for n in a.sizes:
        lp, wp, np_ = generate(n, a.seed, a.outdir)
        print(f"{lp}: {n} rows, {np_} participants, {os.path.getsize(lp)} bytes;"
              f" {wp}: {os.path.getsize(wp)} bytes")


if __name__ == "__main__":
    main()
