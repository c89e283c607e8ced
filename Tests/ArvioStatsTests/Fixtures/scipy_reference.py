"""SciPy's values for the inputs of reference.json, an independent second reference.

Run: python3 scipy_reference.py > scipy_reference.json
"""
import json
import numpy as np
import scipy
from scipy import stats

ref = json.load(open("reference.json"))
out = {"scipy": scipy.__version__}

counts = np.array(ref["ordinal"]["counts"])
x = np.repeat(np.arange(counts.shape[0]), counts.sum(axis=1))
y = np.concatenate([np.repeat(np.arange(counts.shape[1]), row) for row in counts])
tau = stats.kendalltau(x, y)
out["ordinal"] = {"tauB": tau.statistic, "tauBP": tau.pvalue,
                  "spearman": stats.spearmanr(x, y).statistic}

pre, post = np.array(ref["paired"]["pre"]), np.array(ref["paired"]["post"])
w = stats.wilcoxon(post - pre, method="approx", correction=False)
wp = stats.wilcoxon(post - pre, zero_method="pratt", method="approx", correction=False)
t = stats.ttest_rel(post, pre)
out["paired"] = {"wilcoxonApproxP": w.pvalue, "wilcoxonPrattApproxP": wp.pvalue, "t": t.statistic, "p": t.pvalue}

big = ref["pairedLarge"]
wb = stats.wilcoxon(np.array(big["post"]) - np.array(big["pre"]), method="approx", correction=False)
out["pairedLarge"] = {"p": wb.pvalue}

g1, g2 = ref["twoSample"]["x"], ref["twoSample"]["y"]
mw = stats.mannwhitneyu(g1, g2, method="asymptotic", use_continuity=False)
welch = stats.ttest_ind(g1, g2, equal_var=False)
out["twoSample"] = {"u": mw.statistic, "approxP": mw.pvalue, "welchT": welch.statistic, "welchP": welch.pvalue}

print(json.dumps(out, indent=1, default=float))
