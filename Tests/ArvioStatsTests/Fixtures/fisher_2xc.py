# An independent check of Fisher's exact p on 2×c tables, where R's FEXACT is accurate only to
# ~3e-7 relative on tiny p (esoph: R 4.2502987e-24; this and Arvio 4.2502974e-24).
# Run: python3 fisher_2xc.py > fisher_2xc.json   (needs numpy)
# Meet in the middle over the columns: every split of the first row's total between the left and
# the right half of the columns, left completions against sorted right ones with prefix sums.
# P ≤ P(observed)·(1 + 1e-7) as R's tolerance; log factorials from math.lgamma.
import json, math
import numpy as np


def p2xc(top, bottom):
    cols = [a + b for a, b in zip(top, bottom)]
    r1, n = sum(top), sum(cols)
    lf = np.array([math.lgamma(k + 1) for k in range(n + 1)])
    observed = sum(-(lf[a] + lf[b]) for a, b in zip(top, bottom))
    threshold = observed + math.log1p(1e-7)
    log_constant = lf[r1] + lf[n - r1] + sum(lf[c] for c in cols) - lf[n]

    def side(columns):
        s, w = np.zeros(1, dtype=np.int64), np.zeros(1)
        for c in columns:
            x = np.arange(c + 1)
            s = (s[:, None] + x[None, :]).ravel()
            w = (w[:, None] - (lf[x] + lf[c - x])[None, :]).ravel()
        return s, w

    half = len(cols) // 2
    ls, lw = side(cols[:half])
    rs, rw = side(cols[half:])
    order = np.argsort(rs, kind="stable")
    rs, rw = rs[order], rw[order]
    p = 0.0
    for s in np.unique(ls):
        a, b = np.searchsorted(rs, r1 - s), np.searchsorted(rs, r1 - s, side="right")
        if a == b:
            continue
        right = np.sort(rw[a:b])
        top_weight = right[-1]
        prefix = np.concatenate([[0.0], np.cumsum(np.exp(right - top_weight))])
        left = lw[ls == s]
        p += float(np.sum(np.exp(left + top_weight + log_constant) * prefix[np.searchsorted(right, threshold - left, side="right")]))
    return min(1.0, p)


tables = {
    # esoph (R datasets), cases and controls by age group, by alcohol and by tobacco group.
    "esophAge": [[1, 9, 46, 76, 55, 13], [115, 190, 167, 166, 106, 31]],
    "esophAlcohol": [[29, 75, 51, 45], [386, 280, 87, 22]],
    "esophTobacco": [[78, 58, 33, 31], [447, 178, 99, 51]],
    # bench/fisher.sh's 2x6, n = 975.
    "bench2x6": [[82, 109, 123, 59, 105, 99], [95, 42, 34, 68, 103, 56]],
}
rows = [{"name": k, "counts": v, "fisherP": p2xc(*v)} for k, v in tables.items()]
print(json.dumps({"numpy": np.__version__, "fisher": rows}, indent=1))
