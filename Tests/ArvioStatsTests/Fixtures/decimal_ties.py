# SciPy's normal approximations for decimal_ties.R's differences (rounded to their one decimal).
import numpy as np
from scipy import stats
pre = np.array([12.1, 14.3, 9.8, 11.0, 15.2, 13.7, 10.4, 12.9, 16.1, 11.8, 13.3, 9.5, 14.8, 12.2, 10.9, 15.6, 13.0, 11.4, 12.6, 14.0])
post = np.array([13.4, 14.9, 11.2, 10.6, 16.0, 13.7, 12.1, 13.8, 16.5, 13.0, 12.7, 11.3, 15.9, 13.5, 10.5, 17.0, 14.1, 12.6, 12.8, 15.2])
d = np.round(post - pre, 1)
print("approxP %.12g" % stats.wilcoxon(d, method="approx", correction=False).pvalue)
print("prattApproxP %.12g" % stats.wilcoxon(d, zero_method="pratt", method="approx", correction=False).pvalue)
