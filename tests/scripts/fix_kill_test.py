#!/usr/bin/env python3
"""`draftlint --fix` killed at any moment leaves the original or the fixed file, never a mix.

Usage: fix_kill_test.py PATH/TO/draftlint

1. Fault injection: for each step of the atomic write (DRAFTLINT_FAULT_INJECT, a test hook in
   lib/src/fix/atomic_write.cpp), the process is SIGKILLed right after that step. Before the
   rename the file must be byte-identical to the original, after it to the fixed version; the
   mode is kept; the only thing left behind is the hidden, clearly named temporary file
   (.NAME.draftlint-XXXXXX), which a directory walk does not lint; a later --fix still works.
2. Real kills: `draftlint --fix` on a ~2.3 MB Markdown file is SIGKILLed at random moments,
   a third of them uniformly over the whole run, the rest just after the temporary file appears (the
   write itself takes milliseconds of a run that mostly lints); the same invariant each time.
"""
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

STEPS_BEFORE_RENAME = ["created", "half-written", "synced", "closed"]
STEPS_AFTER_RENAME = ["renamed"]
NOTICE = (
    "Hi Sam,\n\n"
    "Prior to noon on 3 March our checkout failed. We are sorry. In order to make it right we have "
    "refunded the charge today; you will see it within 3 working days. Reply to this email if "
    "anything looks wrong.\n"
)
MODE = 0o640
BUDGET = 8.0  # seconds for the random kills (the step tests take a few more)

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}", flush=True)
    return condition


def read(path):
    with open(path, "rb") as f:
        return f.read()


def fix(binary, path, env=None):
    return subprocess.run([binary, "--no-config", "--color", "never", "--fix", path], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def temporaries(directory, name):
    """Names in `directory` other than `name`, and whether each is a temporary of `name`."""
    pattern = re.compile(r"^\." + re.escape(name) + r"\.draftlint-[A-Za-z0-9]{6}$")
    others = [n for n in os.listdir(directory) if n != name]
    return others, all(pattern.match(n) for n in others)


def reference(binary, work, name, content):
    """The fully fixed text, from an uninterrupted --fix."""
    path = os.path.join(work, "reference-" + name)
    with open(path, "wb") as f:
        f.write(content)
    fix(binary, path)
    fixed = read(path)
    os.unlink(path)
    return fixed


def fault_steps(binary, work):
    original = NOTICE.encode()
    fixed = reference(binary, work, "notice.txt", original)
    check(fixed != original and b"Before noon" in fixed and b"To make it right" in fixed,
          f"the reference --fix did not fix the notice: {fixed!r}")
    for step in STEPS_BEFORE_RENAME + STEPS_AFTER_RENAME:
        directory = os.path.join(work, step)
        os.mkdir(directory)
        path = os.path.join(directory, "notice.txt")
        with open(path, "wb") as f:
            f.write(original)
        os.chmod(path, MODE)
        env = dict(os.environ, DRAFTLINT_FAULT_INJECT=step)
        result = fix(binary, path, env)
        check(result.returncode == -signal.SIGKILL, f"{step}: not killed by the hook (status {result.returncode})")
        expected = original if step in STEPS_BEFORE_RENAME else fixed
        check(read(path) == expected,
              f"{step}: the file is not the {'original' if expected is original else 'fixed'} version: {read(path)!r}")
        check(os.stat(path).st_mode & 0o7777 == MODE, f"{step}: mode {oct(os.stat(path).st_mode & 0o7777)}")
        others, all_temporaries = temporaries(directory, "notice.txt")
        check(all_temporaries, f"{step}: unexpected files left: {others}")
        if step in STEPS_AFTER_RENAME:
            check(not others, f"{step}: a temporary file is left after the rename: {others}")
        else:
            check(len(others) == 1, f"{step}: expected the temporary file to remain after SIGKILL: {others}")
        # The leftover is hidden and has no lintable extension: walking the directory lints
        # only the notice.
        # In a git work tree the walk lists files with git ls-files --others: checked too.
        if step == "closed" and shutil.which("git"):
            subprocess.run(["git", "init", "-q", directory], check=True)
        walk = subprocess.run([binary, "--no-config", "--color", "never", directory], capture_output=True, text=True)
        check(walk.returncode in (0, 1) and ".notice.txt.draftlint-" not in walk.stdout and
              re.search(r" in 1 file\n?$", walk.stdout) is not None,
              f"{step}: the walk linted more than the notice: {walk.stdout[-300:]} {walk.stderr}")
        if step == "closed" and shutil.which("git"):
            shutil.rmtree(os.path.join(directory, ".git"))
        # A later run is not confused by the leftover.
        result = fix(binary, path)
        check(result.returncode in (0, 1) and read(path) == fixed,
              f"{step}: --fix after the kill did not give the fixed file: {result.stderr!r}")
        check(os.stat(path).st_mode & 0o7777 == MODE, f"{step}: mode after the second --fix")


def big_notice():
    head = ("Hi Sam,\n\nWe will call you prior to noon in order to help with your order. "
            "We are sorry.\n\n")
    # A fenced block is not linted: a few MB to write, without minutes of linting in Debug.
    body = "```\n" + "order 1182 shipped on 3 March, status ok, prior to noon\n" * 40000 + "```\n"
    return (head + body).encode()


def random_kills(binary, work):
    directory = os.path.join(work, "random")
    os.mkdir(directory)
    original = big_notice()
    fixed = reference(binary, work, "big.md", original)
    check(fixed != original and len(original) > 2_000_000, "the big notice has nothing to fix")
    path = os.path.join(directory, "big.md")
    rng = random.Random(os.environ.get("DRAFTLINT_TEST_SEED", str(time.time_ns())))
    start = time.monotonic()
    full = None  # how long an uninterrupted run takes
    runs = {"original": 0, "fixed": 0, "mid-write": 0}
    iteration = 0
    while iteration < 6 or (time.monotonic() - start < BUDGET and iteration < 60):
        with open(path, "wb") as f:
            f.write(original)
        os.chmod(path, MODE)
        began = time.monotonic()
        proc = subprocess.Popen([binary, "--no-config", "--fix", path], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        if full is None:
            # Uninterrupted, to time the whole run and the write (while the temporary exists).
            appeared = gone = None
            while proc.poll() is None:
                present = bool(temporaries(directory, "big.md")[0])
                if appeared is None and present:
                    appeared = time.monotonic()
                if appeared is not None and gone is None and not present:
                    gone = time.monotonic()
                time.sleep(0.0002)
            full = time.monotonic() - began
            window = (gone or time.monotonic()) - appeared if appeared else 0.005
            check(read(path) == fixed, "an uninterrupted run did not fix the big notice")
            continue
        targeted = iteration % 3 != 0
        iteration += 1
        if targeted:
            # Wait for the temporary file, then kill within the time the write took above.
            while proc.poll() is None and not temporaries(directory, "big.md")[0]:
                time.sleep(0.0002)
            time.sleep(rng.uniform(0, window * 1.3))  # a few land just after the rename
        else:
            time.sleep(rng.uniform(0, full * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        content = read(path)
        others, all_temporaries = temporaries(directory, "big.md")
        state = "fixed" if content == fixed else "original" if content == original else "mixed"
        if not check(state != "mixed", f"kill {iteration}: the file is neither the original nor the fixed version "
                                       f"({len(content)} bytes)"):
            break
        runs[state] += 1
        if others and state == "original":
            runs["mid-write"] += 1
        check(os.stat(path).st_mode & 0o7777 == MODE, f"kill {iteration}: mode not kept")
        check(all_temporaries and len(others) <= 1, f"kill {iteration}: unexpected files left: {others}")
        if state == "fixed":
            check(not others, f"kill {iteration}: a temporary file is left after the rename: {others}")
        for name in others:
            os.unlink(os.path.join(directory, name))
    print(f"random kills: {iteration} runs ({full:.2f} s each uninterrupted, {window * 1000:.1f} ms writing): {runs}",
          flush=True)
    # Without kills that landed inside the write, the loop would prove nothing about it.
    check(runs["mid-write"] >= 1, f"no kill landed while the temporary file was being written: {runs}")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="draftlint-fix-kill-")
    try:
        began = time.monotonic()
        fault_steps(binary, work)
        print(f"fault steps: {time.monotonic() - began:.1f} s", flush=True)
        random_kills(binary, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("fix kill: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
