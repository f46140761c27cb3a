#!/usr/bin/env python3
"""The C API from Python's ctypes (stdlib only): loads libdraftlint.so and lints with it.

Usage: c_api_ctypes_test.py PATH/TO/draftlint
The library is $DRAFTLINT_LIBRARY (set by tests/CMakeLists.txt) or else found next to the CLI
as ../lib/libdraftlint.so.*. Uses the test pack in tests/c/rules; checks rule ids, spans,
columns in code points and UTF-16 units (emoji before the findings), fixes and error paths.
"""
import ctypes
import glob
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TEST_PACK = os.path.join(HERE, "..", "c", "rules")

OK = 0
ERROR_OUT_OF_RANGE = -2
ERROR_LOAD = -3
ERROR_INVALID_UTF8 = -4
FORMAT_TEXT, FORMAT_MARKDOWN, FORMAT_HTML = 0, 1, 2
UNIT_CODE_POINT, UNIT_UTF16, UNIT_UTF8 = 0, 1, 2
SUGGESTION, WARNING, ERROR = 0, 1, 2


def find_library(cli):
    if os.environ.get("DRAFTLINT_LIBRARY"):
        return os.environ["DRAFTLINT_LIBRARY"]
    build = os.path.dirname(os.path.dirname(os.path.abspath(cli)))
    found = sorted(glob.glob(os.path.join(build, "lib", "libdraftlint.so.*")))
    if not found:
        sys.exit(f"cannot find libdraftlint.so.* under {build}/lib (set DRAFTLINT_LIBRARY)")
    return found[0]


def load(path):
    """Declares every function's signature, as a binding would."""
    lib = ctypes.CDLL(path)
    c = ctypes
    p = c.c_void_p
    status = c.c_int32
    size = c.c_size_t
    str_out = [c.POINTER(c.c_char_p), c.POINTER(size)]
    signatures = {
        "draftlint_abi_version": (c.c_uint32, []),
        "draftlint_version": (c.c_char_p, []),
        "draftlint_last_error": (c.c_char_p, []),
        "draftlint_options_new": (status, [c.POINTER(p)]),
        "draftlint_options_free": (None, [p]),
        "draftlint_options_set_builtin": (status, [p, c.c_int32]),
        "draftlint_options_add_rule_dir": (status, [p, c.c_char_p, size]),
        "draftlint_options_set_config": (status, [p, c.c_char_p, size]),
        "draftlint_options_set_path": (status, [p, c.c_char_p, size]),
        "draftlint_linter_new": (status, [p, c.POINTER(p)]),
        "draftlint_linter_free": (None, [p]),
        "draftlint_linter_lint": (status, [p, c.c_char_p, size, c.c_int32, c.POINTER(p)]),
        "draftlint_result_free": (None, [p]),
        "draftlint_result_count": (status, [p, c.POINTER(size)]),
        "draftlint_result_rule": (status, [p, size] + str_out),
        "draftlint_result_severity": (status, [p, size, c.POINTER(c.c_int32)]),
        "draftlint_result_message": (status, [p, size] + str_out),
        "draftlint_result_span": (status, [p, size, c.POINTER(size), c.POINTER(size)]),
        "draftlint_result_start": (status, [p, size, c.c_int32, c.POINTER(c.c_int32), c.POINTER(c.c_int32)]),
        "draftlint_result_end": (status, [p, size, c.c_int32, c.POINTER(c.c_int32), c.POINTER(c.c_int32)]),
        "draftlint_result_match": (status, [p, size] + str_out),
        "draftlint_result_fix": (status, [p, size, c.POINTER(c.c_int32), c.POINTER(size), c.POINTER(size)] + str_out),
    }
    for name, (restype, argtypes) in signatures.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    return lib


class Result:
    """A lint result read through the accessors; strings are copied out before freeing."""

    def __init__(self, lib, handle):
        self.lib = lib
        self.handle = handle

    def count(self):
        n = ctypes.c_size_t()
        assert self.lib.draftlint_result_count(self.handle, ctypes.byref(n)) == OK
        return n.value

    def string(self, accessor, i):
        ptr, n = ctypes.c_char_p(), ctypes.c_size_t()
        status = getattr(self.lib, accessor)(self.handle, i, ctypes.byref(ptr), ctypes.byref(n))
        if status != OK:
            return status
        return ctypes.string_at(ptr, n.value).decode("utf-8")

    def span(self, i):
        off, n = ctypes.c_size_t(), ctypes.c_size_t()
        assert self.lib.draftlint_result_span(self.handle, i, ctypes.byref(off), ctypes.byref(n)) == OK
        return off.value, n.value

    def position(self, i, unit, end=False):
        line, column = ctypes.c_int32(), ctypes.c_int32()
        fn = self.lib.draftlint_result_end if end else self.lib.draftlint_result_start
        assert fn(self.handle, i, unit, ctypes.byref(line), ctypes.byref(column)) == OK
        return line.value, column.value

    def severity(self, i):
        s = ctypes.c_int32()
        assert self.lib.draftlint_result_severity(self.handle, i, ctypes.byref(s)) == OK
        return s.value

    def fix(self, i):
        has, off, n = ctypes.c_int32(), ctypes.c_size_t(), ctypes.c_size_t()
        ptr, plen = ctypes.c_char_p(), ctypes.c_size_t()
        assert self.lib.draftlint_result_fix(self.handle, i, ctypes.byref(has), ctypes.byref(off), ctypes.byref(n),
                                             ctypes.byref(ptr), ctypes.byref(plen)) == OK
        if not has.value:
            return None
        return off.value, n.value, ctypes.string_at(ptr, plen.value).decode("utf-8")

    def free(self):
        self.lib.draftlint_result_free(self.handle)


class CApiTest(unittest.TestCase):
    lib = None

    def new_linter(self, rule_dirs=(), builtin=True):
        options = ctypes.c_void_p()
        self.assertEqual(self.lib.draftlint_options_new(ctypes.byref(options)), OK)
        self.lib.draftlint_options_set_builtin(options, 1 if builtin else 0)
        for d in rule_dirs:
            raw = os.fsencode(d)
            self.assertEqual(self.lib.draftlint_options_add_rule_dir(options, raw, len(raw)), OK)
        linter = ctypes.c_void_p()
        status = self.lib.draftlint_linter_new(options, ctypes.byref(linter))
        self.lib.draftlint_options_free(options)
        return status, linter

    def lint(self, linter, text, fmt=FORMAT_TEXT):
        raw = text.encode("utf-8")
        handle = ctypes.c_void_p()
        status = self.lib.draftlint_linter_lint(linter, raw, len(raw), fmt, ctypes.byref(handle))
        return status, Result(self.lib, handle)

    def test_versions(self):
        self.assertEqual(self.lib.draftlint_abi_version(), 1)
        expected = os.environ.get("DRAFTLINT_EXPECTED_VERSION")
        if expected:
            self.assertEqual(self.lib.draftlint_version().decode(), expected)

    def test_positions_in_code_points_and_utf16(self):
        status, linter = self.new_linter([TEST_PACK], builtin=False)
        self.assertEqual(status, OK, self.lib.draftlint_last_error())
        text = "Hi 😀 team. Rest assured, we utilize it.\nSecond line 😀😀 rest assured.\n"
        status, result = self.lint(linter, text)
        self.assertEqual(status, OK)
        self.assertEqual(result.count(), 3)
        rules = [result.string("draftlint_result_rule", i) for i in range(3)]
        self.assertEqual(rules, ["stock-phrases", "fancy-words", "stock-phrases"])

        raw = text.encode("utf-8")
        for i in range(3):
            offset, length = result.span(i)
            match = result.string("draftlint_result_match", i)
            self.assertEqual(raw[offset:offset + length].decode("utf-8"), match)
            # Columns agree with Python's own counting: str indexes are code points, and
            # UTF-16 columns are what JavaScript or LSP would use.
            line, column = result.position(i, UNIT_CODE_POINT)
            line_start = raw.rfind(b"\n", 0, offset) + 1
            prefix = raw[line_start:offset].decode("utf-8")
            self.assertEqual(line, raw.count(b"\n", 0, offset) + 1)
            self.assertEqual(column, len(prefix) + 1)
            self.assertEqual(result.position(i, UNIT_UTF16), (line, len(prefix.encode("utf-16-le")) // 2 + 1))
            self.assertEqual(result.position(i, UNIT_UTF8), (line, len(prefix.encode("utf-8")) + 1))
            end_prefix = prefix + match
            self.assertEqual(result.position(i, UNIT_CODE_POINT, end=True), (line, len(end_prefix) + 1))
            self.assertEqual(result.position(i, UNIT_UTF16, end=True),
                             (line, len(end_prefix.encode("utf-16-le")) // 2 + 1))

        self.assertEqual(result.position(0, UNIT_CODE_POINT), (1, 12))
        self.assertEqual(result.position(0, UNIT_UTF16), (1, 13))
        self.assertEqual(result.position(2, UNIT_UTF16), (2, 18))
        self.assertEqual(result.severity(0), WARNING)
        self.assertEqual(result.fix(0), None)
        self.assertEqual(result.severity(1), SUGGESTION)
        self.assertEqual(result.fix(1), (31, 7, "use"))
        self.assertEqual(result.string("draftlint_result_message", 1), "Write 'use' instead of 'utilize'.")
        self.assertEqual(result.string("draftlint_result_rule", 3), ERROR_OUT_OF_RANGE)
        self.assertIn(b"out of range", self.lib.draftlint_last_error())
        result.free()
        self.lib.draftlint_linter_free(linter)

    def test_builtin_pack(self):
        status, linter = self.new_linter()
        self.assertEqual(status, OK, self.lib.draftlint_last_error())
        status, result = self.lint(linter, "# Update\n\nRest assured, we value your business.\n", FORMAT_MARKDOWN)
        self.assertEqual(status, OK)
        rules = [result.string("draftlint_result_rule", i) for i in range(result.count())]
        self.assertIn("platitude", rules)
        result.free()
        self.lib.draftlint_linter_free(linter)

    def test_bad_rule_directory(self):
        missing = os.path.join(HERE, "no-such-pack")
        status, linter = self.new_linter([missing])
        self.assertLess(status, 0)
        self.assertEqual(status, ERROR_LOAD)
        self.assertFalse(linter.value)
        message = self.lib.draftlint_last_error().decode("utf-8")
        self.assertIn("no-such-pack", message)
        self.assertIn("not a directory of rule files", message)

    def test_invalid_utf8(self):
        status, linter = self.new_linter([TEST_PACK], builtin=False)
        self.assertEqual(status, OK)
        handle = ctypes.c_void_p()
        self.assertEqual(self.lib.draftlint_linter_lint(linter, b"ab\xc3", 3, FORMAT_TEXT, ctypes.byref(handle)),
                         ERROR_INVALID_UTF8)
        self.assertFalse(handle.value)
        self.assertIn(b"offset 2", self.lib.draftlint_last_error())
        self.lib.draftlint_linter_free(linter)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: c_api_ctypes_test.py PATH/TO/draftlint")
    CApiTest.lib = load(find_library(sys.argv[1]))
    unittest.main(argv=[sys.argv[0]], verbosity=2)


if __name__ == "__main__":
    main()
