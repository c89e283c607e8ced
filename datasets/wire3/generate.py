#!/usr/bin/env python3
"""Generate the built-in WIRE 3 dataset (a documented reconstruction).

Writes participants.csv, motivation.csv, items.csv and responses.csv next to
this file, byte for byte the same on every run (stdlib only, own seeded PRNG,
no dependence on dict/set order, locale or Python's random module).

The source report (JAMK / WIRE 3, 2007) publishes no raw data. Published facts
are encoded below as constants and checked with asserts before anything is
written; everything else is synthetic and says so in README.md. The codebook
(codebook.csv) is hand-written; this script only checks the data against it.

Usage:  python3 datasets/wire3/generate.py            # write the four CSVs
        python3 datasets/wire3/generate.py --check    # verify, write nothing
"""

import csv
import io
import itertools
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20070116  # first contact day, 16.1.2007

# ---------------------------------------------------------------------------
# Published facts (section numbers are the report's own)
# ---------------------------------------------------------------------------

N_STARTED = 16                                   # 1, 4.3
ORG_COUNTS = {                                   # 1, 4.3
    "Katulähetys": 4,   # Jyväskylän Katulähetys ry
    "Työttömät": 3,     # Jyvässeudun Työttömät ry
    "Tekevä": 5,        # Työvalmennussäätiö Tekevä
    "Setlementti": 4,   # Jyvälän Setlementti
}
N_PRE = 16                                       # 5.1: everybody at the start
N_POST = 12                                      # 5.1: four fewer at the end
NO_POST_COUNTS = {"moved": 1, "dropped_out": 1, "no_time": 2}   # 5.1
CONTACT_MEETINGS = 10                            # 4: ten meetings, 4 h each
GRADE_REPORTED = 8                               # 5.2: school grade 4-10
GRADE_MIN, GRADE_MAX = 4, 10
SCALE = [1, 2, 3, 4, 5]  # heikosti .. erinomaisesti (5.1), labels in codebook
TITLES = ["työvalmentaja", "yksilövalmentaja", "palveluohjaaja"]  # 3.1

# Reasons for a missing post assessment: the report's own words (5.1).
POST_REASON = {
    "responded": ("", ""),
    "moved": ("siirtynyt muihin tehtäviin", "moved to other duties"),
    "dropped_out": ("jättänyt koulutuksen kesken", "dropped out of the training"),
    "no_time": ("ei löytänyt aikaa ja motivaatiota arviointiin",
                "did not find the time and motivation to answer"),
}

# Item catalogue (5.1). Finnish texts verbatim from the report, including the
# missing full stop of ST2. The wording of the overall item is not printed in
# the report; its text paraphrases the caption of Kuvio 17.
ITEMS = [
    ("overall", "Työvalmentajuus",
     "Arvio omasta työvalmentajuudesta.",
     "Assessment of one's own job-coaching competence."),
    ("AO1", "Ammatillinen osaaminen",
     "Työprosessien vaatimat ammatilliset taidot ja työtavat ovat hallinnassa.",
     "I have mastered the professional skills and working methods that the work processes require."),
    ("AO2", "Ammatillinen osaaminen",
     "Hallitsen työympäristön työsuojelun ja työterveyteen liittyvät asiat.",
     "I master the occupational safety and occupational health matters of the work environment."),
    ("AO3", "Ammatillinen osaaminen",
     "Tunnen ammattialan kehitysnäkymät ja ymmärrän niiden merkityksen ammattitaidon vaatimusten kannalta.",
     "I know the development outlook of the field and understand what it means for the skills required."),
    ("ST1", "Suunnittelutaidot",
     "Tunnen työttömille suunnattujen tukien ja palveluiden tarjonnan.",
     "I know the range of benefits and services for the unemployed."),
    ("ST2", "Suunnittelutaidot",
     "Tunnen ammattialani työmarkkinoiden tilan ja tulevaisuuden näkymät",
     "I know the state and future outlook of the labour market in my field"),
    ("AK1", "Arviointikyky",
     "Osaan arvioida asiakkaani työmarkkinakelpoisuutta.",
     "I can assess my client's employability."),
    ("AK2", "Arviointikyky",
     "Osaan arvioida asiakkaani toimintakykyä.",
     "I can assess my client's functional capacity."),
    ("OH1", "Asiakkaan ohjaus",
     "Tunnen ihmisen muutosprosessin vaiheet.",
     "I know the stages of a person's change process."),
    ("OH2", "Asiakkaan ohjaus",
     "Hallitsen erilaiset ohjaamismenetelmät.",
     "I master different guidance methods."),
    ("OH3", "Asiakkaan ohjaus",
     "Tunnen yritysyhteistyön tarjoamat mahdollisuudet.",
     "I know the opportunities that business cooperation offers."),
    ("OH4", "Asiakkaan ohjaus",
     "Tunnen työnantajayhteistyön (valtio, kunnat, välityömarkkinat) tarjoamat mahdollisuudet.",
     "I know the opportunities that cooperation with employers (state, municipalities, intermediate labour market) offers."),
]
ITEM_CODES = [it[0] for it in ITEMS]
ITEM_AREA = {it[0]: it[1] for it in ITEMS}

# ---------------------------------------------------------------------------
# Synthetic reconstruction: participant level (designed by hand so that the
# qualitative findings of 3, 4.3, 5.1 and 5.2 are visible at n = 16)
# ---------------------------------------------------------------------------

# id, org, title, experience_years, entry_route, employment,
# prior_guidance_training, sessions_attended, post_status, grade
PARTICIPANTS = [
    ("P01", "Katulähetys", "työvalmentaja",    "12.0", "employer", "permanent",  "no",  9, "responded", 8),
    ("P02", "Katulähetys", "työvalmentaja",    "0.04", "own",      "fixed_term", "no",  8, "responded", 9),
    ("P03", "Katulähetys", "palveluohjaaja",   "6.5",  "employer", "permanent",  "yes", 10, "responded", 8),
    ("P04", "Katulähetys", "työvalmentaja",    "2.0",  "employer", "subsidised", "no",  2, "dropped_out", None),
    ("P05", "Työttömät",   "työvalmentaja",    "1.5",  "own",      "subsidised", "no", 10, "responded", 10),
    ("P06", "Työttömät",   "työvalmentaja",    "22.0", "employer", "permanent",  "no",  9, "responded", 6),
    ("P07", "Työttömät",   "yksilövalmentaja", "4.0",  "employer", "fixed_term", "no",  6, "no_time", None),
    ("P08", "Tekevä",      "yksilövalmentaja", "0.5",  "employer", "fixed_term", "no",  9, "responded", 8),
    ("P09", "Tekevä",      "yksilövalmentaja", "9.0",  "own",      "permanent",  "yes", 10, "responded", 9),
    ("P10", "Tekevä",      "työvalmentaja",    "15.0", "employer", "permanent",  "no",  5, "moved", None),
    ("P11", "Tekevä",      "palveluohjaaja",   "3.0",  "employer", "permanent",  "yes", 7, "responded", 7),
    ("P12", "Tekevä",      "työvalmentaja",    "18.0", "employer", "permanent",  "no",  8, "responded", 7),
    ("P13", "Setlementti", "työvalmentaja",    "1.0",  "employer", "subsidised", "no",  9, "responded", 7),
    ("P14", "Setlementti", "yksilövalmentaja", "7.5",  "own",      "permanent",  "yes", 10, "responded", 9),
    ("P15", "Setlementti", "työvalmentaja",    "25.0", "employer", "permanent",  "no",  4, "no_time", None),
    ("P16", "Setlementti", "palveluohjaaja",   "2.5",  "own",      "fixed_term", "yes", 9, "responded", 8),
]

# participant, motivation_start, reason, employment_relation, work_valued,
# can_organise, employer_time, felt_need
MOTIVATION = [
    ("P01", 3, "encouraged", 4, 3, 3, "contact_days", "yes"),
    ("P02", 5, "own_wish",   4, 4, 4, "full",         "yes"),
    ("P03", 2, "instructed", 4, 3, 3, "contact_days", "yes"),
    ("P04", 1, "instructed", 2, 2, 1, "none",         "yes"),
    ("P05", 5, "own_wish",   3, 5, 4, "full",         "yes"),
    ("P06", 1, "instructed", 3, 3, 2, "none",         "no"),
    ("P07", 2, "instructed", 2, 2, 1, "none",         "yes"),
    ("P08", 3, "encouraged", 3, 3, 3, "contact_days", "yes"),
    ("P09", 4, "own_wish",   5, 4, 5, "full",         "yes"),
    ("P10", 3, "encouraged", 4, 3, 2, "contact_days", "yes"),
    ("P11", 4, "encouraged", 4, 3, 4, "contact_days", "yes"),
    ("P12", 2, "instructed", 3, 3, 3, "contact_days", "no"),
    ("P13", 3, "encouraged", 2, 4, 2, "contact_days", "yes"),
    ("P14", 4, "own_wish",   5, 5, 4, "full",         "yes"),
    ("P15", 1, "instructed", 2, 1, 2, "none",         "no"),
    ("P16", 3, "own_wish",   3, 4, 3, "full",         "yes"),
]
EMPLOYER_TIME = ["none", "contact_days", "full"]
REASONS = ["instructed", "encouraged", "own_wish"]

# Overall item (Kuvio 17): pre and post score per participant. The figure's
# distributions are not printed in the text, so these are synthetic: the
# change follows motivation; P06 and P12 ("nothing new", 5.2) and P09 (already trained) do not gain.
OVERALL = {
    "P01": (3, 4), "P02": (1, 3), "P03": (3, 4), "P04": (2, None),
    "P05": (2, 4), "P06": (4, 3), "P07": (2, None), "P08": (2, 3),
    "P09": (4, 4), "P10": (4, None), "P11": (3, 4), "P12": (4, 4),
    "P13": (2, 3), "P14": (3, 5), "P15": (4, None), "P16": (3, 4),
}

# The eleven statements: level offset relative to the overall self-image and
# how strongly the item responds to the participant's overall change.
# Business cooperation starts lowest (5.2: clients "too challenging" for
# company placements); own substance skills (AO1) start highest.
ITEM_OFFSET = {"AO1": 0.5, "AO2": 0.0, "AO3": -0.3, "ST1": 0.1, "ST2": -0.3,
               "AK1": -0.2, "AK2": 0.0, "OH1": -0.5, "OH2": -0.3,
               "OH3": -0.7, "OH4": -0.5}
ITEM_GAIN = {"AO1": 0.5, "AO2": 0.7, "AO3": 0.8, "ST1": 0.9, "ST2": 0.7,
             "AK1": 1.0, "AK2": 1.0, "OH1": 1.2, "OH2": 1.0,
             "OH3": 0.9, "OH4": 0.9}


class SplitMix64:
    """Tiny deterministic PRNG, independent of Python's random module."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def uniform(self, a, b):
        return a + (b - a) * (self.next64() >> 11) / float(1 << 53)


def clamp_round(x):
    return max(1, min(5, int(math.floor(x + 0.5))))


def make_responses():
    rng = SplitMix64(SEED)
    post_ids = {p[0] for p in PARTICIPANTS if p[8] == "responded"}
    rows = []
    for p in PARTICIPANTS:
        pid = p[0]
        pre0, post0 = OVERALL[pid]
        gain = (post0 - pre0) if post0 is not None else 0
        pre_scores, post_scores = {"overall": pre0}, {"overall": post0}
        for code in ITEM_CODES[1:]:
            e_pre = rng.uniform(-0.75, 0.75)
            e_post = 0.5 * e_pre + rng.uniform(-0.5, 0.5)
            base = pre0 + ITEM_OFFSET[code]
            pre_scores[code] = clamp_round(base + e_pre)
            post_scores[code] = clamp_round(base + ITEM_GAIN[code] * gain + 0.15 + e_post)
        for phase, scores in (("pre", pre_scores), ("post", post_scores)):
            if phase == "post" and pid not in post_ids:
                continue
            for code in ITEM_CODES:
                rows.append((pid, code, ITEM_AREA[code], phase, scores[code]))
    return rows


# ---------------------------------------------------------------------------
# Checks (stdlib only)
# ---------------------------------------------------------------------------

def mean(xs):
    return sum(xs) / len(xs)


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def mann_whitney_u(x, y):
    return sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in x for b in y)


def exact_mw_p(x, y):
    """Two-sided permutation p of U (all C(n, len(x)) relabellings)."""
    pooled = list(x) + list(y)
    n, k = len(pooled), len(x)
    centre = k * (n - k) / 2
    obs = abs(mann_whitney_u(x, y) - centre)
    hits = total = 0
    for idx in itertools.combinations(range(n), k):
        s = set(idx)
        a = [pooled[i] for i in idx]
        b = [pooled[i] for i in range(n) if i not in s]
        total += 1
        if abs(mann_whitney_u(a, b) - centre) >= obs - 1e-9:
            hits += 1
    return hits / total


def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def spearman(x, y):
    rx, ry = ranks(x), ranks(y)
    mx, my = mean(rx), mean(ry)
    num = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    den = math.sqrt(sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry))
    return num / den


def check(rows):
    ids = [p[0] for p in PARTICIPANTS]
    P = {p[0]: p for p in PARTICIPANTS}
    M = {m[0]: m for m in MOTIVATION}

    # -- published facts ----------------------------------------------------
    assert len(PARTICIPANTS) == N_STARTED
    assert ids == ["P%02d" % i for i in range(1, N_STARTED + 1)]
    assert [m[0] for m in MOTIVATION] == ids
    for org, n in ORG_COUNTS.items():
        assert sum(p[1] == org for p in PARTICIPANTS) == n, org
    assert {p[1] for p in PARTICIPANTS} == set(ORG_COUNTS)
    status = [p[8] for p in PARTICIPANTS]
    assert status.count("responded") == N_POST
    for s, n in NO_POST_COUNTS.items():
        assert status.count(s) == n, s
    assert N_POST + sum(NO_POST_COUNTS.values()) == N_STARTED
    grades = [p[9] for p in PARTICIPANTS if p[9] is not None]
    for p in PARTICIPANTS:
        assert (p[9] is None) == (p[8] != "responded")  # no grade from the 4
        assert p[9] is None or GRADE_MIN <= p[9] <= GRADE_MAX
        assert 0 <= p[7] <= CONTACT_MEETINGS
        assert p[2] in TITLES
    assert sum(grades) == GRADE_REPORTED * len(grades)        # mean exactly 8
    assert median(grades) == GRADE_REPORTED
    assert {t for t in TITLES} == {p[2] for p in PARTICIPANTS}
    pre = [r for r in rows if r[3] == "pre"]
    post = [r for r in rows if r[3] == "post"]
    assert len({r[0] for r in pre}) == N_PRE and len(pre) == N_PRE * len(ITEMS)
    assert len({r[0] for r in post}) == N_POST and len(post) == N_POST * len(ITEMS)
    assert {r[0] for r in post} == {p[0] for p in PARTICIPANTS if p[8] == "responded"}
    assert all(r[4] in SCALE for r in rows)
    assert len(ITEMS) == 12 and len({it[1] for it in ITEMS}) == 5

    # -- qualitative findings (4.3, 5.1, 5.2) -------------------------------
    route = {pid: P[pid][4] for pid in ids}
    mot = {pid: M[pid][1] for pid in ids}
    own = [mot[i] for i in ids if route[i] == "own"]
    emp = [mot[i] for i in ids if route[i] == "employer"]
    assert len(emp) > len(own) >= 1                  # most employer-directed
    rb = 2 * mann_whitney_u(own, emp) / (len(own) * len(emp)) - 1
    p_mw = exact_mw_p(own, emp)
    assert rb >= 0.7 and p_mw < 0.05, (rb, p_mw)     # reason -> motivation
    assert {mot[i] for i in ids} == set(SCALE)       # motivation varied
    mv = [mot[i] for i in ids]
    for col in (3, 4, 5):                            # relation, valued, organise
        assert spearman(mv, [M[i][col] for i in ids]) > 0.3, col
    assert spearman(mv, [EMPLOYER_TIME.index(M[i][6]) for i in ids]) > 0.6
    exp = [float(P[i][3]) for i in ids]
    assert min(exp) <= 0.05 and max(exp) >= 20       # two weeks .. 20+ years
    assert sum(P[i][6] == "no" for i in ids) > N_STARTED / 2   # most untrained
    assert 1 <= sum(M[i][7] == "no" for i in ids) <= 4         # some felt no need
    leavers = [mot[i] for i in ids if P[i][8] != "responded"]
    stayers = [mot[i] for i in ids if P[i][8] == "responded"]
    assert mean(leavers) < mean(stayers) - 1

    score = {(r[0], r[1], r[3]): r[4] for r in rows}
    done = [i for i in ids if P[i][8] == "responded"]
    d_overall = [score[(i, "overall", "post")] - score[(i, "overall", "pre")] for i in done]
    assert mean(d_overall) >= 0.75                   # rose on the whole
    assert 1 <= sum(d <= 0 for d in d_overall) <= 3  # ... but not for everyone
    assert sum(d > 0 for d in d_overall) >= 9
    assert spearman([mot[i] for i in done], d_overall) > 0.5
    d_all = {i: mean([score[(i, c, "post")] - score[(i, c, "pre")] for c in ITEM_CODES])
             for i in done}
    low = [d_all[i] for i in done if mot[i] <= 2]
    high = [d_all[i] for i in done if mot[i] >= 4]
    assert mean(low) < mean(high) - 0.5              # low motivation, less gain
    for area in {it[1] for it in ITEMS}:
        a_pre = [score[(i, c, "pre")] for i in done for c in ITEM_CODES if ITEM_AREA[c] == area]
        a_post = [score[(i, c, "post")] for i in done for c in ITEM_CODES if ITEM_AREA[c] == area]
        assert mean(a_post) > mean(a_pre), area
    pre_s = [r[4] for r in pre]
    post_s = [r[4] for r in post]
    assert sum(2 <= s <= 4 for s in pre_s) >= 0.75 * len(pre_s)
    assert sum(3 <= s <= 5 for s in post_s) >= 0.75 * len(post_s)
    assert mean(post_s) > mean(pre_s)


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def to_csv(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=",", quotechar='"', quoting=csv.QUOTE_MINIMAL,
                   lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue().encode("utf-8")


def tables(rows):
    part = [p[:8] + (p[8], POST_REASON[p[8]][0], POST_REASON[p[8]][1], p[9])
            for p in PARTICIPANTS]
    return {
        "participants.csv": to_csv(
            ["id", "org", "title", "experience_years", "entry_route", "employment",
             "prior_guidance_training", "sessions_attended", "post_status",
             "post_reason_fi", "post_reason", "grade"], part),
        "motivation.csv": to_csv(
            ["participant", "motivation_start", "reason", "employment_relation",
             "work_valued", "can_organise", "employer_time", "felt_need"], MOTIVATION),
        "items.csv": to_csv(["code", "area", "text_fi", "text_en"], ITEMS),
        "responses.csv": to_csv(["participant", "item", "area", "phase", "score"], rows),
    }


def check_codebook(out):
    """Every column described, every categorical/ordinal value allowed."""
    path = os.path.join(HERE, "codebook.csv")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8", newline="") as f:
        cb = list(csv.DictReader(f))
    parsed, refs = {}, {}
    for name, data in out.items():
        table = name[:-4]
        reader = list(csv.reader(io.StringIO(data.decode("utf-8"))))
        header, body = reader[0], reader[1:]
        desc = [r for r in cb if r["table"] == table and r["column"]]
        assert [r["column"] for r in desc] == header, (table, header)
        assert any(r["table"] == table and not r["column"] for r in cb), table
        for j, r in enumerate(desc):
            vals = [row[j] for row in body if row[j] != ""]
            if r["type"] in ("categorical", "ordinal"):
                allowed = r["values"].split("|")
                assert set(vals) <= set(allowed), (table, r["column"], set(vals) - set(allowed))
                for lab in ("labels_en", "labels_fi"):
                    if r[lab]:
                        assert len(r[lab].split("|")) == len(allowed), (table, r["column"], lab)
            elif r["type"] == "integer":
                assert all(v.lstrip("-").isdigit() for v in vals), (table, r["column"])
            elif r["type"] == "decimal":
                for v in vals:
                    float(v)
        key = [j for j, r in enumerate(desc) if r["key"] == "yes"]
        assert key, table
        keys = [tuple(row[j] for j in key) for row in body]
        assert len(set(keys)) == len(keys), (table, "duplicate key")
        parsed[table] = (header, body)
        refs[table] = [(header.index(r["column"]), r["references"]) for r in desc
                       if r["references"]]
    for table, fks in refs.items():
        for j, target in fks:
            t_table, t_col = target.split(".")
            t_header, t_body = parsed[t_table]
            known = {row[t_header.index(t_col)] for row in t_body}
            assert {row[j] for row in parsed[table][1]} <= known, (table, target)


def main():
    rows = make_responses()
    check(rows)
    out = tables(rows)
    check_codebook(out)
    if "--check" in sys.argv[1:]:
        stale = [n for n, data in out.items()
                 if not os.path.exists(os.path.join(HERE, n))
                 or open(os.path.join(HERE, n), "rb").read() != data]
        if stale:
            sys.exit("stale or missing: " + ", ".join(stale))
        print("wire3: all checks passed, CSVs up to date")
        return
    for name, data in out.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
    print("wire3: wrote " + ", ".join(out))


if __name__ == "__main__":
    main()
