#!/usr/bin/env python3
"""Ctrl-C latency of the interactive shell: the time from SIGINT to the next prompt.

Runs `arvio --no-data` under a pseudo-terminal (so it is the interactive shell with readline),
loads the benchmark's files once, then for each statement:

  1. runs it once uninterrupted and times it (send -> prompt), `d`;
  2. runs it TRIALS more times, each time sending SIGINT to the process at an offset spread
     over 10-90 % of `d`, and times SIGINT -> the next prompt;
  3. checks that the shell said the statement was cancelled and that the workspace is as it
     was (`.tables` shows the same tables with the same row counts).

A statement that finishes before its SIGINT is counted as "finished first" rather than as a
latency. The statements: the load of T1-T3 (`.load` of the CSV), each task's query on the
loaded table, the join, `associate` on the join, Fisher's test on the largest table it
runs on (n = 10 000), then one statement per verb (`where`, `sort`, `attrition`, `.save` of
the table as CSV, `take`, `distinct`, `derive`, ...), each named by its verb for `--only`.

    bench/cancel.py 10000000                 # ARVIO, BENCH_HOME, TRIALS=7
    bench/cancel.py 1000000 --only join,t2   # a subset

Prints a Markdown table and writes it to $OUT/cancel-N.md (OUT defaults to
$BENCH_HOME/results-arvio). Latencies are wall time: read them on a quiet machine.
"""
import argparse
import os
import pty
import re
import select
import signal
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROMPT = b"arvio> "


class Shell:
    def __init__(self, arvio, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(arvio, [arvio, "--no-data"], env)
        self.buffer = b""
        self.wait_prompt(60)

    def read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            raise RuntimeError("the shell exited:\n" + self.buffer.decode(errors="replace")[-2000:])
        self.buffer += chunk
        return True

    def wait_prompt(self, timeout):
        """Waits for a prompt at the end of the output; returns the output before it."""
        end = time.monotonic() + timeout
        while not self.buffer.endswith(PROMPT):
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("no prompt after %.0f s:\n%s" % (timeout, self.buffer.decode(errors="replace")[-2000:]))
            self.read(left)
        out, self.buffer = self.buffer[: -len(PROMPT)], b""
        return out.decode(errors="replace")

    def run(self, line, timeout=600):
        os.write(self.fd, line.encode() + b"\n")
        return self.wait_prompt(timeout)

    def close(self):
        try:
            os.write(self.fd, b".quit\n")
            os.waitpid(self.pid, 0)
        except OSError:
            pass


def tables(shell):
    return re.sub(r"\s+", " ", shell.run(".tables").split("\n", 1)[-1]).strip()


def measure(shell, statement, trials):
    """(uninterrupted ms, [latency ms], finished-first count, problems). `{k}` in the statement
    is replaced by the run's number, so a `.load ... as NAME{k}` makes a new table each time."""
    t = time.monotonic()
    shell.run(statement.replace("{k}", "0"))
    duration = time.monotonic() - t
    before = tables(shell)
    latencies, first, problems = [], 0, []
    for k in range(1, trials + 1):
        line = statement.replace("{k}", str(k))
        offset = duration * (0.1 + 0.8 * (k - 0.5) / trials)
        os.write(shell.fd, line.encode() + b"\n")
        start = time.monotonic()
        # Read output while waiting, so the shell never blocks on a full terminal.
        while time.monotonic() - start < offset and not shell.buffer.endswith(PROMPT):
            shell.read(max(0.0, offset - (time.monotonic() - start)))
        if shell.buffer.endswith(PROMPT):
            shell.wait_prompt(1)
            first += 1
            before = tables(shell)
            continue
        sent = time.monotonic()
        os.kill(shell.pid, signal.SIGINT)
        out = shell.wait_prompt(120)
        # A statement says "(cancelled; the workspace is as it was)", a load "the load was
        # cancelled"; the loads' table names hold "cancel", so the word is matched whole.
        if "cancelled" not in out:
            # The answer was already on its way when the signal came: it finished first.
            first += 1
            before = tables(shell)
            continue
        latencies.append((time.monotonic() - sent) * 1000)
        after = tables(shell)
        if after != before:
            problems.append("run %d: tables changed: %s -> %s" % (k, before, after))
    return duration * 1000, latencies, first, problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--only", default="")
    ap.add_argument("--trials", type=int, default=int(os.environ.get("TRIALS", "7")))
    a = ap.parse_args()
    state = os.environ.get("BENCH_HOME", "/tmp/arvio-bench")
    arvio = os.environ.get("ARVIO", os.path.join(ROOT, ".build/release/arvio"))
    out_dir = os.environ.get("OUT", os.path.join(state, "results-arvio"))
    os.makedirs(out_dir, exist_ok=True)
    csv = os.path.join(state, "data", "responses_%d.csv" % a.n)
    wide = os.path.join(state, "data", "participants_%d.csv" % a.n)
    for f in (csv, wide):
        if not os.path.exists(f):
            sys.exit("missing %s: python3 ../shared/bench/gen.py --outdir %s/data %d" % (f, state, a.n))

    # `.save` writes here (a table's CSV and codebook per run); removed at the end.
    saves = os.path.join(state, "cancel-saves")
    os.makedirs(saves, exist_ok=True)

    def task(t):
        # The task's query on the loaded table (T1's largest statement: the count).
        lines = [l for l in open(os.path.join(HERE, t + ".arvio")).read().splitlines()
                 if l.startswith("r |") or l.startswith("let t1_cells")]
        return lines[0].replace("let t1_cells = ", "")

    statements = [
        ("load", ".load %s as r_cancel{k}" % csv),   # the load of T1-T3 end to end
        ("T1", task("t1")),
        ("T2", task("t2")),
        ("T3", task("t3")),
        ("join", "r | join p on participant | group org, phase aggregate m = mean(score)"),
        ("associate", "r | join p on participant | associate score"),
        # Above n = 10 000 Fisher's test is left out, so the largest table it runs on.
        ("Fisher", "r | take 10000 | crosstab item by org"),
        # Each verb's own passes (issue 20), a count after it so the answer is one line.
        ("where", 'r | where score >= 4 and phase == "pre" | count'),
        ("sort", "r | sort participant, score desc | take 3"),
        ("attrition", "r | attrition score by phase on participant, item"),
        ("save", ".save r %s/r{k}.csv" % saves),
        ("take", "r | take %d | count" % (a.n // 2)),
        ("distinct", "r | distinct participant, phase | count"),
        ("derive", "r | derive s2 = score * 2 + 1 | count"),
        ("select", "r | select participant, score | count"),
        ("count", "r | count by org, item"),
        ("stack", "r | stack r as source | count"),
        ("wider", "r | wider item, phase from score | count"),
        ("scale", "r | scale score by item into s on participant, phase | count"),
        ("freq", "r | freq item"),
        ("chart", "r | chart bar org by phase"),
    ]
    only = set(s.strip().lower() for s in a.only.split(",") if s.strip())
    env = dict(os.environ, TERM="dumb", ARVIO_HISTORY="/dev/null", COLUMNS="200", LINES="50")
    shell = Shell(arvio, env)
    shell.run(".load %s as r" % csv)
    shell.run(".load %s as p" % wide)
    rows = []
    try:
        for name, statement in statements:
            if only and name.lower() not in only:
                continue
            d, lat, first, problems = measure(shell, statement, a.trials)
            rows.append((name, statement, d, lat, first, problems))
            print("%-12s %8.0f ms  latencies %s  finished first %d %s" % (
                name, d, " ".join("%.0f" % x for x in lat), first, "; ".join(problems)), file=sys.stderr)
    finally:
        shell.close()
        for f in os.listdir(saves):
            os.unlink(os.path.join(saves, f))
        os.rmdir(saves)
    lines = ["## Ctrl-C to prompt, N = %d (%s, load average %s)" % (
                a.n, time.strftime("%Y-%m-%dT%H:%M:%S"), open("/proc/loadavg").read().split()[0]),
             "", "| statement | uninterrupted | SIGINT → prompt, median | max | trials | finished first | workspace |",
             "|---|---|---|---|---|---|---|"]
    for name, statement, d, lat, first, problems in rows:
        med = "%.0f ms" % statistics.median(lat) if lat else "—"
        top = "%.0f ms" % max(lat) if lat else "—"
        lines.append("| %s (`%s`) | %.0f ms | %s | %s | %d | %d | %s |" % (
            name, statement.replace("|", "\\|"), d, med, top, len(lat), first, "intact" if not problems else "; ".join(problems)))
    text = "\n".join(lines) + "\n"
    open(os.path.join(out_dir, "cancel-%d.md" % a.n), "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
