#!/usr/bin/env python3
"""Runs draftlint and its peers on the same corpus in one run and reports medians.

Called by bench/compare.sh (which installs the tools and makes the corpus); see
docs/performance.md. Every tool writes its output to a file (GNU grep stops at the first
match when its output is /dev/null). Times are medians of --runs runs after one warm-up
run (page cache); peak memory is /usr/bin/time's maximum RSS (median of the runs).
Because the benchmark machine may be shared, each row also gets MB/s of CPU time
(user + sys), which other processes disturb much less than wall time, and the commands
whose ratio is a target (draftlint's threads, the phrase pack against ripgrep, the growth
pairs) run in alternating rounds rather than one after the other.

Writes OUT/results.json, OUT/compare.md (tables) and OUT/compare.png (gnuplot chart).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile


def sh_quote(args):
    return " ".join(a if all(c.isalnum() or c in "-_./=:,+" for c in a) else "'" + a.replace("'", "'\\''") + "'"
                    for a in args)


class Runner:
    def __init__(self, tmp, runs, draftlint=None):
        self.runs = runs
        self.draftlint = draftlint  # its runs must exit 0 or 1: 2 means it refused the input
        self.tmp = tmp
        os.makedirs(self.tmp, exist_ok=True)
        os.makedirs(self.tmp, exist_ok=True)

    def once(self, cmd, env=None, cwd=None):
        stats = os.path.join(self.tmp, "time.txt")
        with open(os.path.join(self.tmp, "stdout.txt"), "wb") as so, open(os.path.join(self.tmp, "stderr.txt"), "wb") as se:
            done = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", stats] + cmd, stdout=so, stderr=se,
                                  env=env, cwd=cwd, check=False)
        if self.draftlint and cmd[0] == self.draftlint and done.returncode not in (0, 1):
            with open(os.path.join(self.tmp, "stderr.txt"), errors="replace") as f:
                raise SystemExit(f"compare.py: {sh_quote(cmd)} exited {done.returncode}: {f.read()[:500]}")
        with open(stats) as f:
            line = [l for l in f.read().splitlines() if l and l[0].isdigit()][-1]
        e, u, s, m = line.split()
        return float(e), float(u) + float(s), int(m)

    def measure(self, cmd, runs=None, env=None, fresh_home=False, warmup=True):
        return self.measure_together([cmd], runs=runs, env=env, fresh_home=fresh_home, warmup=warmup)[0]

    def measure_together(self, cmds, runs=None, env=None, fresh_home=False, warmup=True):
        """Each command `runs` times, in rounds (one run of each per round), so that commands
        whose times are compared see the same load: on a shared machine it drifts over a
        minute, and measured one after the other two commands' ratio drifts with it."""
        runs = runs or self.runs
        walls, cpus, rss = ([[] for _ in cmds] for _ in range(3))
        if warmup:
            for cmd in cmds:
                self.once(cmd, env=self._env(env, fresh_home))
        for _ in range(runs):
            for i, cmd in enumerate(cmds):
                e, c, m = self.once(cmd, env=self._env(env, fresh_home))
                walls[i].append(e)
                cpus[i].append(c)
                rss[i].append(m)
        return [{"wall": statistics.median(walls[i]), "cpu": statistics.median(cpus[i]),
                 "rss_kb": statistics.median(rss[i]), "walls": walls[i], "cpus": cpus[i], "runs": runs,
                 "command": sh_quote(cmd)} for i, cmd in enumerate(cmds)]

    def _env(self, env, fresh_home):
        e = dict(os.environ)
        e.update(env or {})
        if fresh_home:  # proselint caches results under $HOME / $XDG_CACHE_HOME
            home = tempfile.mkdtemp(dir=self.tmp)
            e["HOME"] = home
            e["XDG_CACHE_HOME"] = os.path.join(home, ".cache")
        return e


def files_under(d):
    out = []
    for root, _, names in os.walk(d):
        out += [os.path.join(root, n) for n in names]
    return sorted(out)


def size_of(paths):
    return sum(os.path.getsize(p) for p in paths)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--draftlint")
    ap.add_argument("--corpus", help="made by gen_corpus.py (notices/, large.txt, notice-2k.txt)")
    ap.add_argument("--patterns", help="made by make_patterns.py --scale 10")
    ap.add_argument("--out", required=True, help="where compare.md, compare.png and results.json go")
    ap.add_argument("--tmp", help="scratch folder for the tools' outputs (default: a new folder in /tmp)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--npm-bin", default="", help="folder holding write-good and alex")
    ap.add_argument("--grep-files", type=int, default=200, help="subset for GNU grep (slow on this pattern set)")
    ap.add_argument("--write-good-files", type=int, default=500)
    ap.add_argument("--alex-files", type=int, default=60)
    ap.add_argument("--proselint-files", type=int, default=20)
    ap.add_argument("--big-mb", type=int, default=200, help="single file for peak memory (0: skip)")
    ap.add_argument("--report-only", metavar="RESULTS_JSON", help="only rewrite compare.md and compare.png from a results.json")
    ap.add_argument("--skip", default="", help="comma-separated sections to skip: peers,prose,growth,startup,memory")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    os.makedirs(args.out, exist_ok=True)
    if args.report_only:
        with open(args.report_only) as f:
            results = json.load(f)
        write_markdown(results, os.path.join(args.out, "compare.md"))
        write_chart(results, args.out)
        return 0
    if not (args.draftlint and args.corpus and args.patterns):
        ap.error("--draftlint, --corpus and --patterns are required")
    r = Runner(args.tmp or tempfile.mkdtemp(prefix="draftlint-compare-"), args.runs, args.draftlint)
    D = args.draftlint
    notices_dir = os.path.join(args.corpus, "notices")
    all_files = files_under(notices_dir)
    total_bytes = size_of(all_files)
    n = args.jobs
    pats = args.patterns
    results = {"corpus": {"notices": len(all_files), "bytes": total_bytes}, "jobs": n, "runs": args.runs, "rows": [],
               "loadavg_start": os.getloadavg()}

    def add_row(m, name, threads, nbytes, scaled_from=None):
        m.update({"tool": name, "threads": threads, "bytes": nbytes, "scaled_from": scaled_from,
                  "mbps_wall": nbytes / 1e6 / m["wall"] if m["wall"] > 0 else float("inf"),
                  "mbps_cpu": nbytes / 1e6 / m["cpu"] if m["cpu"] > 0 else float("inf")})
        results["rows"].append(m)
        print(f"  {name}, {threads} thread(s): {m['wall']:.2f} s wall, {m['cpu']:.2f} s cpu, "
              f"{m['mbps_wall']:.2f} MB/s, {m['rss_kb'] / 1024:.0f} MiB", flush=True)

    def row(name, threads, cmd, nbytes, scaled_from=None, **kw):
        print(f"  {name} ...", flush=True)
        add_row(r.measure(cmd, **kw), name, threads, nbytes, scaled_from)

    def rows_together(specs):
        """(name, threads, cmd) rows over the whole corpus, measured in rounds (see measure_together)."""
        print("  " + ", ".join(f"{name} ({threads})" for name, threads, _ in specs) + " ...", flush=True)
        for m, (name, threads, _) in zip(r.measure_together([cmd for _, _, cmd in specs]), specs):
            add_row(m, name, threads, total_bytes)

    dl = [D, "--no-config", "--color", "never"]
    if "peers" not in skip:
        print(f"Throughput on {len(all_files)} notices ({total_bytes / 1e6:.1f} MB):")
        # The rows whose ratios the targets use, in rounds: --jobs 1 against n, and the phrase
        # pack against ripgrep on the same threads.
        phrase = dl + ["--no-builtin", "--rules", os.path.join(pats, "phrase-pack")]
        specs = [("draftlint (built-in pack)", 1, dl + ["--jobs", "1", notices_dir]),
                 ("draftlint (built-in pack)", n, dl + ["--jobs", str(n), notices_dir]),
                 ("draftlint (phrase patterns)", 1, phrase + ["--jobs", "1", notices_dir]),
                 ("draftlint (phrase patterns)", n, phrase + ["--jobs", str(n), notices_dir])]
        if shutil.which("rg"):
            rg = ["rg", "-i", "-c", "-f", os.path.join(pats, "patterns.rg.txt")]
            specs += [("ripgrep (phrase patterns)", 1, rg + ["-j", "1", notices_dir]),
                      ("ripgrep (phrase patterns)", n, rg + ["-j", str(n), notices_dir])]
        rows_together(specs)
        if shutil.which("grep"):
            subset = all_files[:args.grep_files]
            row("GNU grep -E (phrase patterns)", 1,
                ["grep", "-E", "-i", "-c", "-f", os.path.join(pats, "patterns.grep.txt")] + subset, size_of(subset),
                scaled_from=len(subset))
    if "prose" not in skip:
        print("Prose linters (subsets of the notices, scaled by bytes):")
        wg = os.path.join(args.npm_bin, "write-good")
        if os.path.exists(wg):
            subset = all_files[:args.write_good_files]
            row("write-good", 1, [wg] + subset, size_of(subset), scaled_from=len(subset))
        alex = os.path.join(args.npm_bin, "alex")
        if os.path.exists(alex):
            subset = all_files[:args.alex_files]
            row("alex", 1, [alex] + subset, size_of(subset), scaled_from=len(subset))
        if shutil.which("proselint"):
            subset = all_files[:args.proselint_files]
            row("proselint", 1, ["proselint"] + subset, size_of(subset), scaled_from=len(subset), fresh_home=True)

    growth = {}
    if "growth" not in skip:
        print("Growth:")
        tenth = all_files[: len(all_files) // 10]
        tenth_dirs = sorted({os.path.dirname(f) for f in tenth})
        if len(files_under_dirs(tenth_dirs)) != len(tenth):  # folders are not whole: pass the files
            tenth_dirs = tenth
        small, big = r.measure_together([dl + ["--jobs", "1"] + tenth_dirs, dl + ["--jobs", "1", notices_dir]])
        growth["bytes_tree"] = {"small": small, "big": big, "small_bytes": size_of(tenth),
                                "big_bytes": total_bytes}
        large = os.path.join(args.corpus, "large.txt")
        if os.path.exists(large):
            size = os.path.getsize(large)
            part = os.path.join(r.tmp, "large-tenth.txt")
            with open(large, "rb") as f, open(part, "wb") as g:
                data = f.read(size // 10)
                g.write(data[: data.rfind(b"\n") + 1])
            # Past the default --max-file-size (16 MiB): lifted, or the big file would be refused.
            s1, s2 = r.measure_together([dl + ["--jobs", "1", "--max-file-size", "0", part],
                                         dl + ["--jobs", "1", "--max-file-size", "0", large]])
            growth["bytes_file"] = {"small": s1, "big": s2, "small_bytes": os.path.getsize(part), "big_bytes": size}
        rules1, rules10 = r.measure_together([dl + ["--jobs", "1"] + tenth_dirs,
                                              dl + ["--jobs", "1", "--rules", os.path.join(pats, "scale-pack")] + tenth_dirs])
        growth["rules"] = {"small": rules1, "big": rules10, "rule_count_small": count_rules(D, []),
                           "rule_count_big": count_rules(D, ["--rules", os.path.join(pats, "scale-pack")])}
        for k, g in growth.items():
            g["ratio_wall"] = g["big"]["wall"] / g["small"]["wall"]
            g["ratio_cpu"] = g["big"]["cpu"] / g["small"]["cpu"]
            print(f"  {k}: x{g['ratio_wall']:.2f} wall, x{g['ratio_cpu']:.2f} cpu")
    results["growth"] = growth

    if "startup" not in skip:
        print("Start-up on one 2 KB notice:")
        small_notice = os.path.join(args.corpus, "notice-2k.txt")
        cmd = dl + [small_notice]
        if shutil.which("hyperfine"):
            js = os.path.join(r.tmp, "hyperfine.json")
            subprocess.run(["hyperfine", "-N", "--warmup", "5", "--runs", "40", "-i", "--export-json", js,
                            "--output", os.path.join(r.tmp, "startup.out"), sh_quote(cmd)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            with open(js) as f:
                h = json.load(f)["results"][0]
            results["startup"] = {"median_ms": h["median"] * 1e3, "mean_ms": h["mean"] * 1e3,
                                  "min_ms": h["min"] * 1e3, "user_ms": h["user"] * 1e3, "system_ms": h["system"] * 1e3,
                                  "tool": "hyperfine -N --warmup 5 --runs 40", "command": sh_quote(cmd)}
        else:
            m = r.measure(cmd, runs=20)
            results["startup"] = {"median_ms": m["wall"] * 1e3, "tool": "/usr/bin/time, 20 runs", "command": m["command"]}
        print(f"  median {results['startup']['median_ms']:.1f} ms")
        m = r.measure(cmd, runs=5)
        results["startup"]["rss_kb"] = m["rss_kb"]

    if "memory" not in skip and args.big_mb > 0:
        print(f"Peak memory on one {args.big_mb} MB file:")
        big = os.path.join(r.tmp, f"big-{args.big_mb}mb.txt")
        large = os.path.join(args.corpus, "large.txt")
        with open(large, "rb") as f:
            chunk = f.read()
        with open(big, "wb") as g:
            written = 0
            while written < args.big_mb * 1_000_000:
                g.write(chunk)
                written += len(chunk)
        m = r.measure(dl + ["--jobs", "1", "--max-file-size", "0", big], runs=1, warmup=False)
        m["bytes"] = os.path.getsize(big)
        results["big_file"] = m
        print(f"  {m['wall']:.1f} s, {m['rss_kb'] / 1024:.0f} MiB peak for {m['bytes'] / 1e6:.0f} MB")
        os.remove(big)

    results["loadavg_end"] = os.getloadavg()
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    write_markdown(results, os.path.join(args.out, "compare.md"))
    write_chart(results, args.out)
    print(f"-> {args.out}/compare.md, compare.png, results.json")


def files_under_dirs(dirs):
    out = []
    for d in dirs:
        out += files_under(d)
    return out


def count_rules(D, extra):
    p = subprocess.run([D, "--no-config"] + extra + ["rules"], capture_output=True, text=True, check=False)
    return max(0, len(p.stdout.strip().splitlines()) - 1)


def base_row(results, threads):
    for x in results["rows"]:
        if x["tool"] == "draftlint (built-in pack)" and x["threads"] == threads:
            return x
    return None


def ratio(v):
    """0.107 -> "0.107x (1/9.3)": small ratios also as 'draftlint is N times faster'."""
    if v != v:
        return "n/a"
    return f"{v:.3g}x" if v >= 0.5 else f"{v:.3g}x (1/{1 / v:.3g})"


def write_markdown(res, path):
    L = []
    c = res["corpus"]
    L.append(f"Corpus: {c['notices']} notices, {c['bytes'] / 1e6:.1f} MB; medians of {res['runs']} runs after a "
             f"warm-up (draftlint, ripgrep and the growth pairs in alternating rounds); ratios against draftlint with the built-in pack on the same number of threads."
             + (f" Load average {res['loadavg_start'][0]:.1f} at the start, {res.get('loadavg_end', [0])[0]:.1f} at the end "
                f"({res['jobs']} cores)." if "loadavg_start" in res else "") + "\n")
    L.append("| tool | threads | MB/s (wall) | MB/s (CPU) | peak RSS MiB | speed / draftlint's (wall) | "
             "speed / draftlint's (CPU) | RSS / draftlint's | measured on |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for x in res["rows"]:
        b = base_row(res, x["threads"]) or base_row(res, 1)
        sp = x["mbps_wall"] / b["mbps_wall"] if b else float("nan")
        spc = x["mbps_cpu"] / b["mbps_cpu"] if b else float("nan")
        mem = x["rss_kb"] / b["rss_kb"] if b else float("nan")
        on = f"{x['scaled_from']} notices ({x['bytes'] / 1e6:.2f} MB), scaled" if x["scaled_from"] else "all notices"
        L.append(f"| {x['tool']} | {x['threads']} | {x['mbps_wall']:.3g} | {x['mbps_cpu']:.3g} | "
                 f"{x['rss_kb'] / 1024:.0f} | {ratio(sp)} | {ratio(spc)} | {mem:.2f}x | {on} |")
    one, many = base_row(res, 1), base_row(res, res["jobs"])
    if one and many and res["jobs"] > 1:
        L.append(f"\n--jobs {res['jobs']} vs --jobs 1 (built-in pack, wall time): {one['wall'] / many['wall']:.2f}x faster "
                 f"({one['wall']:.2f} s vs {many['wall']:.2f} s; CPU {one['cpu']:.2f} s vs {many['cpu']:.2f} s).")
    g = res.get("growth", {})
    if g:
        L.append("\n| growth | small | big | time ratio (wall) | time ratio (CPU) |")
        L.append("|---|---|---|---:|---:|")
        if "bytes_tree" in g:
            t = g["bytes_tree"]
            L.append(f"| 10x bytes, tree of notices | {t['small_bytes'] / 1e6:.1f} MB | {t['big_bytes'] / 1e6:.1f} MB | "
                     f"{t['ratio_wall']:.2f} | {t['ratio_cpu']:.2f} |")
        if "bytes_file" in g:
            t = g["bytes_file"]
            L.append(f"| 10x bytes, one file | {t['small_bytes'] / 1e6:.1f} MB | {t['big_bytes'] / 1e6:.1f} MB | "
                     f"{t['ratio_wall']:.2f} | {t['ratio_cpu']:.2f} |")
        if "rules" in g:
            t = g["rules"]
            L.append(f"| 10x rules | {t['rule_count_small']} rules | {t['rule_count_big']} rules | "
                     f"{t['ratio_wall']:.2f} | {t['ratio_cpu']:.2f} |")
    if "startup" in res:
        s = res["startup"]
        L.append(f"\nStart-up, one 2 KB notice, end to end: median {s['median_ms']:.1f} ms ({s['tool']}), "
                 f"peak RSS {s.get('rss_kb', 0) / 1024:.0f} MiB.")
    if "big_file" in res:
        b = res["big_file"]
        L.append(f"\nOne {b['bytes'] / 1e6:.0f} MB file: {b['wall']:.1f} s wall, {b['cpu']:.1f} s CPU, peak RSS "
                 f"{b['rss_kb'] / 1024:.0f} MiB ({b['rss_kb'] * 1024 / b['bytes']:.2f}x the file).")
    with open(path, "w") as f:
        f.write("\n".join(L) + "\n")


def write_chart(res, out):
    if not shutil.which("gnuplot"):
        return
    dat = os.path.join(out, "compare.dat")
    with open(dat, "w") as f:
        for x in res["rows"]:
            label = f"{x['tool']} -j{x['threads']}".replace('"', "")
            f.write(f"\"{label}\" {x['mbps_wall']:.6g} {x['rss_kb'] / 1024:.6g}\n")
    script = f"""
set terminal pngcairo size 1100,560 font 'sans,10'
set output '{os.path.join(out, 'compare.png')}'
set multiplot layout 1,2
set style fill solid 0.8
set boxwidth 0.7
set xtics rotate by -40 left
set bmargin 11
set grid ytics
set logscale y
set title 'Throughput (MB/s, wall, log scale)'
plot '{dat}' using 0:2:xtic(1) with boxes notitle lc rgb '#3b6ea8'
unset logscale y
set yrange [0:*]
set title 'Peak RSS (MiB)'
plot '{dat}' using 0:3:xtic(1) with boxes notitle lc rgb '#a8503b'
unset multiplot
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=False)


if __name__ == "__main__":
    sys.exit(main())
