#!/usr/bin/env python3
"""Regenerates Fuzz/corpus/ from the docs, notebooks, fixtures and golden tests.

Run from the repository root: python3 Fuzz/make-corpus.py. The corpus is committed; this
script is how it was made, and how to refresh it when the language grows.
"""
import glob, hashlib, os, re

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "Fuzz", "corpus")

def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    if not data.strip():
        return
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

def read(path):
    with open(os.path.join(root, path), "rb") as f:
        return f.read()

# Statements: every ```arvio block of the docs and notebooks, and the statements the golden
# tests run (string literals passed to run/render helpers, heuristically).
blocks = []
for md in ["docs/language.md", "README.md", *sorted(glob.glob(os.path.join(root, "notebooks/*.md")))]:
    text = read(md).decode()
    blocks += re.findall(r"```arvio\n(.*?)```", text, re.S)
seen = set()
for b in blocks:
    stmts = "\n".join(l for l in b.splitlines() if not l.startswith("."))
    if stmts.strip() and stmts not in seen:
        seen.add(stmts)
        put("statement", stmts + "\n")
for swift in sorted(glob.glob(os.path.join(root, "Tests/**/*GoldenTests.swift"), recursive=True)):
    for s in re.findall(r'"((?:participants|responses|items|motivation)\s*\|[^"\\]*)"', open(swift).read()):
        if s not in seen:
            seen.add(s)
            put("statement", s + "\n")

# CSV: the built-in tables and the small fixtures, plus edge cases the readers must survive.
for p in sorted(glob.glob(os.path.join(root, "datasets/wire3/*.csv"))) + \
         sorted(glob.glob(os.path.join(root, "Tests/Fixtures/*/*.csv"))):
    data = open(p, "rb").read()
    if os.path.basename(p) == "codebook.csv":
        continue
    put("csv", data[:4096])
for case in [b'c\n1\n""\n2\n', b'a,b\n"x\r\ny",2\n', b'a,b\n1,\n,2\n', b'\xef\xbb\xbfa;b\n1;2\n',
             b'\xff\xfea\x00,\x00b\x00\n\x001\x00,\x002\x00\n\x00', b'a\n-9223372036854775808\n',
             b'a,b\ny ,"z"" "\n', b'a\tb\n1\t2\n', b'x\nNA\n1.5e308\n']:
    put("csv", case)

# Codebooks: the built-in one and a few small ones cut from it.
cb = read("datasets/wire3/codebook.csv")
put("codebook", cb)
lines = cb.split(b"\n")
for i in range(1, min(len(lines), 40), 4):
    put("codebook", b"\n".join([lines[0]] + lines[i:i + 4]) + b"\n")

# Notebooks: the shipped ones and small hand-made ones (unclosed fences, BOM, CRLF).
for p in sorted(glob.glob(os.path.join(root, "notebooks/*.md"))):
    put("notebook", open(p, "rb").read())
for case in ["```arvio\nparticipants | count\n",
             "\ufeff# t\n\n```arvio\nparticipants | count\n```\n",
             "---\nwidth: 60\nlanguage: fi\n---\n```arvio\nresponses | freq grade\n```\n\n```arvio-output\nold\n```\n",
             "# x\r\n\r\n```arvio\r\nparticipants | head 2\r\n```\r\n",
             "````arvio\n```\nparticipants\n````\n"]:
    put("notebook", case)

# The statement dictionary: every word and symbol the docs' statements use, plus the number
# shapes that broke the reader before (huge, tiny, long integers).
words = set()
for b in blocks:
    words.update(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", b))
symbols = ["|", "(", ")", "[", "]", ",", "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/",
           "=", "\"", "`", "\n", ".", "#"]
numbers = ["1e308", "1.7976931348623157e308", "1e-100", "9007199254740993", "-9223372036854775808",
           "0", "-1", "0.5", "NaN"]
with open(os.path.join(root, "Fuzz", "statement.dict"), "w") as f:
    f.write("# libFuzzer dictionary for FuzzStatement; made by Fuzz/make-corpus.py\n")
    for w in sorted(words) + symbols + numbers:
        f.write('"%s"\n' % "".join("\\x%02X" % ord(c) if c in '\\"' or not c.isprintable() else c for c in w))
