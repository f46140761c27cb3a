#!/usr/bin/env python3
"""Pattern sets and generated rule packs for the comparison benchmarks (bench/compare.sh).

    python3 bench/make_patterns.py --rules rules --out DIR          # phrase patterns
    python3 bench/make_patterns.py --rules rules --out DIR --scale 10   # also a 10x pack

writes
    DIR/patterns.rg.txt     one regex a line (RE2 / Rust regex syntax) for `rg -i -c -f`: every
                            token and pattern of the built-in span rules (kind existence or
                            substitution), recognizers (@name) expanded, phrases translated
                            the way draftlint translates them (spaces -> \\s+, quotes -> classes)
    DIR/patterns.grep.txt   the same patterns in GNU ERE for `grep -E -i -c -f` ((?: -> (,
                            lazy quantifiers made greedy, \\d -> [0-9]: the same lines match)
    DIR/phrase-pack/        the same patterns as draftlint existence rules (one per source rule,
                            no exceptions or context filters), for `draftlint --no-builtin --rules`
    DIR/scale-pack/         with --scale N: N-1 copies of every built-in rule, words of 3+ letters
                            in their patterns shifted (a Caesar shift per copy), so each copy has
                            the same regex structure but its own vocabulary; the built-in pack plus
                            this directory is N times the rules (`draftlint --rules DIR/scale-pack`)
"""
import argparse
import os
import re
import sys

import yaml

SPAN_KINDS = {"existence", "substitution"}
PATTERN_KEYS = ("tokens", "patterns", "exceptions", "not_before", "not_after", "if", "then", "anchor")
SQ = "['\u2018\u2019]"
DQ = "[\"\u201C\u201D]"


def is_word(c):
    return c.isascii() and (c.isalnum() or c == "_")


def phrase_to_regex(phrase):
    """lib/src/rules/pattern_syntax.cpp phrase_to_regex, in Python."""
    phrase = phrase.strip()
    out = "\\b" if phrase and is_word(phrase[0]) else ""
    i = 0
    while i < len(phrase):
        c = phrase[i]
        if c.isspace():
            while i < len(phrase) and phrase[i].isspace():
                i += 1
            out += "\\s+"
            continue
        if c in "'\u2018\u2019":
            out += SQ
        elif c in "\"\u201C\u201D":
            out += DQ
        elif c.isascii() and not is_word(c):
            out += "\\" + c
        else:
            out += c
        i += 1
    if phrase and is_word(phrase[-1]):
        out += "\\b"
    return out


def translate_pattern(p):
    """lib/src/rules/pattern_syntax.cpp translate_pattern (spaces and quotes), in Python."""
    out, i, in_class, class_start = "", 0, False, 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            out += p[i:i + 2]
            i += 2
            continue
        if in_class:
            if c == "]" and i != class_start:
                in_class = False
                out += c
            elif c in "'\u2018\u2019":
                out += "'\u2018\u2019"
            elif c in "\"\u201C\u201D":
                out += "\"\u201C\u201D"
            else:
                out += c
            i += 1
            continue
        if c == "[":
            in_class = True
            out += c
            i += 1
            if i < len(p) and p[i] == "^":
                out += "^"
                i += 1
            class_start = i
            continue
        if c in "'\u2018\u2019":
            out += SQ
        elif c in "\"\u201C\u201D":
            out += DQ
        elif c == " ":
            j = i
            while j < len(p) and p[j] == " ":
                j += 1
            if j < len(p) and p[j] in "*+?{":
                out += p[i:j]
            else:
                out += "\\s+"
            i = j
            continue
        else:
            out += c
        i += 1
    return out


def to_ere(rx):
    """RE2 syntax -> GNU ERE with the same set of matching lines (case folded by -i)."""
    out, i, in_class = "", 0, False
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            n = rx[i + 1] if i + 1 < len(rx) else ""
            if n == "x" and rx[i + 2:i + 3] == "{":
                j = rx.index("}", i)
                out += chr(int(rx[i + 3:j], 16))
                i = j + 1
                continue
            if n == "d":
                out += "0-9" if in_class else "[0-9]"
            elif in_class:
                out += n if n not in "\\]^-" else "\\" + n
            elif n in ".[]()*+?{}|^$\\bBwWsS<>":
                out += "\\" + n
            else:
                out += n  # \- \' \, ... are plain characters
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out += c
            i += 1
            continue
        if c == "[":
            in_class = True
            out += c
            i += 1
            if rx[i:i + 1] == "^":
                out += "^"
                i += 1
            if rx[i:i + 1] == "]":
                out += "]"
                i += 1
            continue
        if rx.startswith("(?", i):
            m = re.match(r"\(\?([-a-zA-Z]*)(:|\))", rx[i:])
            if m.group(2) == ")":  # (?i): a flag alone
                i += len(m.group(0))
                continue
            out += "("
            i += len(m.group(0))
            continue
        if c == "?" and out and out[-1] in "*+?}":  # lazy -> greedy (same lines match)
            i += 1
            continue
        out += c
        i += 1
    return out


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def recognizers(rules_dir):
    out = {}
    d = os.path.join(rules_dir, "recognizers")
    for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        if name.endswith((".yml", ".yaml")):
            out[os.path.splitext(name)[0]] = load(os.path.join(d, name))
    return out


def rule_files(rules_dir):
    return [os.path.join(rules_dir, n) for n in sorted(os.listdir(rules_dir)) if n.endswith((".yml", ".yaml"))]


def span_patterns(rule, recs):
    """(tokens, patterns) of a span rule, recognizers expanded; substitution swaps included."""
    tokens, patterns = list(as_list(rule.get("tokens"))), []
    for p in as_list(rule.get("patterns")):
        if isinstance(p, str) and p.startswith("@") and p[1:] in recs:
            rec = recs[p[1:]]
            tokens += as_list(rec.get("tokens"))
            patterns += as_list(rec.get("patterns"))
        else:
            patterns.append(p)
    if rule.get("kind") == "substitution":
        for key in (rule.get("swap") or {}):
            (patterns if rule.get("regex") else tokens).append(key)
    return tokens, patterns


def write_phrase_sets(rules_dir, out):
    recs = recognizers(rules_dir)
    rg, ere = [], []
    pack = os.path.join(out, "phrase-pack")
    os.makedirs(pack, exist_ok=True)
    for old in os.listdir(pack):
        os.remove(os.path.join(pack, old))
    for path in rule_files(rules_dir):
        rule = load(path)
        if rule.get("kind") not in SPAN_KINDS:
            continue
        tokens, patterns = span_patterns(rule, recs)
        regexes = [phrase_to_regex(t) for t in tokens] + [translate_pattern(p) for p in patterns]
        rg += regexes
        ere += [to_ere(r) for r in regexes]
        rid = "phrases-" + os.path.splitext(os.path.basename(path))[0]
        doc = {"kind": "existence", "severity": "warning", "message": "'{match}' (" + rid + ")",
               "description": "Generated by bench/make_patterns.py: the patterns of " + os.path.basename(path) +
                              " without exceptions or context filters.",
               "ignorecase": rule.get("ignorecase", True)}
        if tokens:
            doc["tokens"] = tokens
        if patterns:
            doc["patterns"] = patterns
        with open(os.path.join(pack, rid + ".yml"), "w", encoding="utf-8") as f:
            yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False, width=10000)
    for name, lines in (("patterns.rg.txt", rg), ("patterns.grep.txt", ere)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    return len(rg)


def shift_word(w, k):
    return "".join(chr((ord(c) - base + k) % 26 + base) if c.isascii() and c.isalpha() else c
                   for c in w for base in [ord("a") if c.islower() else ord("A")])


def cipher(rx, k):
    """Shifts every run of 3+ ASCII letters that is a literal of the regex by k letters."""
    if rx.startswith("@"):
        return rx
    out, i = "", 0
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            j = i + 2
            if rx[i + 1:i + 2] in ("x", "p", "P") and rx[j:j + 1] == "{":
                j = rx.index("}", j) + 1
            out += rx[i:j]
            i = j
        elif c == "[":
            j = i + 1
            if rx[j:j + 1] == "^":
                j += 1
            if rx[j:j + 1] == "]":
                j += 1
            while j < len(rx) and rx[j] != "]":
                j += 2 if rx[j] == "\\" else 1
            out += rx[i:j + 1]
            i = j + 1
        elif rx.startswith("(?", i):
            m = re.match(r"\(\?[-a-zA-Z]*[:)]", rx[i:])
            out += m.group(0)
            i += len(m.group(0))
        elif c == "{":
            j = rx.find("}", i)
            out += rx[i:j + 1]
            i = j + 1
        elif c.isascii() and c.isalpha():
            j = i
            while j < len(rx) and rx[j].isascii() and rx[j].isalpha():
                j += 1
            word = rx[i:j]
            out += shift_word(word, k) if len(word) >= 3 else word
            i = j
        else:
            out += c
            i += 1
    return out


def write_scale_pack(rules_dir, out, scale):
    pack = os.path.join(out, "scale-pack")
    os.makedirs(pack, exist_ok=True)
    for old in os.listdir(pack):
        os.remove(os.path.join(pack, old))
    count = 0
    for path in rule_files(rules_dir):
        rule = load(path)
        rule.pop("examples", None)
        stem = os.path.splitext(os.path.basename(path))[0]
        for k in range(1, scale):
            copy = dict(rule)
            for key in PATTERN_KEYS:
                if key in copy and copy[key] is not None:
                    v = copy[key]
                    copy[key] = [cipher(x, k) for x in v] if isinstance(v, list) else cipher(v, k)
            if isinstance(copy.get("swap"), dict):
                copy["swap"] = {cipher(a, k): b for a, b in copy["swap"].items()}
            with open(os.path.join(pack, f"{stem}-x{k}.yml"), "w", encoding="utf-8") as f:
                yaml.safe_dump(copy, f, allow_unicode=True, sort_keys=False, width=10000)
            count += 1
    return count


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rules", default=os.path.join(os.path.dirname(__file__), "..", "rules"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--scale", type=int, default=0, help="also write scale-pack/ with N times the rules")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    n = write_phrase_sets(args.rules, args.out)
    print(f"{n} phrase patterns -> {args.out}/patterns.{{rg,grep}}.txt, {args.out}/phrase-pack/")
    if args.scale > 1:
        m = write_scale_pack(args.rules, args.out, args.scale)
        print(f"{m} generated rules ({args.scale}x the built-in pack with it) -> {args.out}/scale-pack/")


if __name__ == "__main__":
    sys.exit(main())
