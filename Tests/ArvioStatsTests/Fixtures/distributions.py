"""Reference values for ArvioStats' distribution functions, computed by SciPy.

Run: python3 distributions.py > distributions.json
"""
import json
import scipy
from scipy import special, stats

cases = {"scipy": scipy.__version__, "rows": []}
rows = cases["rows"]
for z in [-8.5, -3.1, -1.959963984540054, -0.3, 0.0, 0.7, 2.332122, 5.0, 9.0]:
    rows.append({"fn": "normal.cdf", "x": z, "value": stats.norm.cdf(z)})
    rows.append({"fn": "normal.sf", "x": z, "value": stats.norm.sf(z)})
for p in [1e-12, 1e-5, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999]:
    rows.append({"fn": "normal.quantile", "p": p, "value": stats.norm.ppf(p)})
for a, x in [(0.5, 0.1), (1.5, 2.0), (3, 0.5), (10, 12), (50, 40), (120.5, 130), (2, 30)]:
    rows.append({"fn": "gamma.p", "a": a, "x": x, "value": special.gammainc(a, x)})
    rows.append({"fn": "gamma.q", "a": a, "x": x, "value": special.gammaincc(a, x)})
for x, a, b in [(0.1, 0.5, 0.5), (0.3, 2, 3), (0.9, 10, 1.5), (0.5, 50, 60), (0.001, 0.5, 40), (0.999, 30, 0.5)]:
    rows.append({"fn": "beta.i", "x": x, "a": a, "b": b, "value": special.betainc(a, b, x)})
for x, df in [(0.761905, 3), (0.685714, 1), (2.666667, 3), (30, 4), (120, 80), (0.001, 2)]:
    rows.append({"fn": "chi2.sf", "x": x, "df": df, "value": stats.chi2.sf(x, df)})
for t, df in [(3.079409, 11), (-2.5, 3), (0.1, 1), (8.124038, 11), (1.268143, 24.5), (40, 7), (-1.2, 200)]:
    rows.append({"fn": "t.cdf", "x": t, "df": df, "value": stats.t.cdf(t, df)})
    rows.append({"fn": "t.sf", "x": t, "df": df, "value": stats.t.sf(t, df)})
for p, df in [(0.975, 11), (0.975, 1), (0.995, 3), (0.9, 24.5), (0.025, 7), (0.975, 1000)]:
    rows.append({"fn": "t.quantile", "p": p, "df": df, "value": stats.t.ppf(p, df)})
for k, n, p in [(1, 9, 0.5), (4, 20, 0.3), (0, 5, 0.1), (30, 100, 0.25), (60, 100, 0.5)]:
    rows.append({"fn": "binom.pmf", "k": k, "n": n, "p": p, "value": stats.binom.pmf(k, n, p)})
    rows.append({"fn": "binom.cdf", "k": k, "n": n, "p": p, "value": stats.binom.cdf(k, n, p)})
for x, m, n, k in [(3, 4, 8, 7), (2, 4, 12, 9), (10, 30, 40, 25)]:
    rows.append({"fn": "hyper.pmf", "x": x, "m": m, "n": n, "k": k, "value": stats.hypergeom.pmf(x, m + n, m, k)})
    rows.append({"fn": "hyper.cdf", "x": x, "m": m, "n": n, "k": k, "value": stats.hypergeom.cdf(x, m + n, m, k)})
for r in rows:
    r["value"] = float(r["value"])
print(json.dumps(cases, indent=1))
