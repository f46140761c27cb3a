/* The C API from C: compiled as C99 against libdraftlint.so, so the header must be C-clean.
 * Usage: c_api_test <tests/c directory> <expected version>
 * Lints with the test pack in tests/c/rules and checks rule ids, spans, positions in code
 * points, UTF-16 units and UTF-8 bytes (emoji before the findings), fixes, the configuration
 * file path, and the error paths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/draftlint.h"

static int failures = 0;

#define CHECK(cond)                                                   \
  do {                                                                \
    if (!(cond)) {                                                    \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                     \
    }                                                                 \
  } while (0)

#define CHECK_OK(call)                                                                      \
  do {                                                                                      \
    draftlint_status check_status_ = (call);                                                \
    if (check_status_ != DRAFTLINT_OK) {                                                    \
      fprintf(stderr, "%s:%d: %s returned %d: %s\n", __FILE__, __LINE__, #call, (int)check_status_, \
              draftlint_last_error());                                                      \
      ++failures;                                                                           \
    }                                                                                       \
  } while (0)

/* True when the borrowed (ptr, len) string equals `expected`. */
static int equals(const char* ptr, size_t len, const char* expected) {
  return ptr != NULL && len == strlen(expected) && memcmp(ptr, expected, len) == 0 && ptr[len] == '\0';
}

static char* join_path(const char* dir, const char* name) {
  size_t n = strlen(dir) + strlen(name) + 2;
  char* out = (char*)malloc(n);
  if (out == NULL) abort();
  snprintf(out, n, "%s/%s", dir, name);
  return out;
}

/* "Hi 😀 team. Rest assured, we utilize it.\nSecond line 😀😀 rest assured.\n" */
static const char kText[] =
    "Hi \xF0\x9F\x98\x80 team. Rest assured, we utilize it.\n"
    "Second line \xF0\x9F\x98\x80\xF0\x9F\x98\x80 rest assured.\n";

/* Checks one finding: rule, span, start and end columns in code points, UTF-16 and UTF-8. */
static void check_finding(const draftlint_result* result, size_t i, const char* rule, size_t offset, size_t length,
                          int32_t line, const int32_t start[3], const int32_t end[3]) {
  const char* s = NULL;
  size_t n = 0, off = 0, len = 0;
  int32_t l = 0, c = 0;
  draftlint_unit unit;
  CHECK_OK(draftlint_result_rule(result, i, &s, &n));
  CHECK(equals(s, n, rule));
  CHECK_OK(draftlint_result_span(result, i, &off, &len));
  CHECK(off == offset);
  CHECK(len == length);
  for (unit = DRAFTLINT_UNIT_CODE_POINT; unit <= DRAFTLINT_UNIT_UTF8; ++unit) {
    CHECK_OK(draftlint_result_start(result, i, unit, &l, &c));
    CHECK(l == line);
    CHECK(c == start[unit]);
    CHECK_OK(draftlint_result_end(result, i, unit, &l, &c));
    CHECK(l == line);
    CHECK(c == end[unit]);
  }
}

static void test_lint_with_rule_dir(const char* dir) {
  draftlint_options* options = NULL;
  draftlint_linter* linter = NULL;
  draftlint_result* result = NULL;
  char* rules = join_path(dir, "rules");
  size_t count = 0, off = 0, len = 0;
  const char* s = NULL;
  size_t n = 0;
  int32_t has_fix = -1;
  draftlint_severity severity = -1;

  CHECK_OK(draftlint_options_new(&options));
  CHECK_OK(draftlint_options_set_builtin(options, 0));
  CHECK_OK(draftlint_options_add_rule_dir(options, rules, strlen(rules)));
  CHECK_OK(draftlint_linter_new(options, &linter));
  draftlint_options_free(options);
  free(rules);
  if (linter == NULL) return;

  CHECK_OK(draftlint_linter_lint(linter, kText, sizeof kText - 1, DRAFTLINT_FORMAT_TEXT, &result));
  CHECK_OK(draftlint_result_count(result, &count));
  CHECK(count == 3);
  if (count == 3) {
    /* "Rest assured" after "Hi 😀 team. ": the emoji is 1 code point, 2 UTF-16 units, 4 bytes. */
    const int32_t start0[3] = {12, 13, 15}, end0[3] = {24, 25, 27};
    const int32_t start1[3] = {29, 30, 32}, end1[3] = {36, 37, 39};
    const int32_t start2[3] = {16, 18, 22}, end2[3] = {28, 30, 34};
    check_finding(result, 0, "stock-phrases", 14, 12, 1, start0, end0);
    check_finding(result, 1, "fancy-words", 31, 7, 1, start1, end1);
    check_finding(result, 2, "stock-phrases", 64, 12, 2, start2, end2);

    CHECK_OK(draftlint_result_match(result, 0, &s, &n));
    CHECK(equals(s, n, "Rest assured"));
    CHECK_OK(draftlint_result_message(result, 0, &s, &n));
    CHECK(equals(s, n, "Cut 'Rest assured'."));
    CHECK_OK(draftlint_result_severity(result, 0, &severity));
    CHECK(severity == DRAFTLINT_SEVERITY_WARNING);
    CHECK_OK(draftlint_result_fix(result, 0, &has_fix, &off, &len, &s, &n));
    CHECK(has_fix == 0);
    CHECK(s == NULL);

    CHECK_OK(draftlint_result_severity(result, 1, &severity));
    CHECK(severity == DRAFTLINT_SEVERITY_SUGGESTION);
    CHECK_OK(draftlint_result_fix(result, 1, &has_fix, &off, &len, &s, &n));
    CHECK(has_fix == 1);
    CHECK(off == 31 && len == 7);
    CHECK(equals(s, n, "use"));
    CHECK_OK(draftlint_result_message(result, 1, &s, &n));
    CHECK(equals(s, n, "Write 'use' instead of 'utilize'."));
  }

  /* Out of range: a status < 0, out-parameters cleared, a message. */
  s = "x";
  n = 9;
  CHECK(draftlint_result_rule(result, count, &s, &n) == DRAFTLINT_ERROR_OUT_OF_RANGE);
  CHECK(s == NULL && n == 0);
  CHECK(strstr(draftlint_last_error(), "out of range") != NULL);

  /* An unknown unit or format is an invalid argument. */
  {
    int32_t l = 0, c = 0;
    draftlint_result* other = NULL;
    CHECK(draftlint_result_start(result, 0, 7, &l, &c) == DRAFTLINT_ERROR_INVALID_ARGUMENT);
    CHECK(draftlint_linter_lint(linter, "x", 1, 42, &other) == DRAFTLINT_ERROR_INVALID_ARGUMENT);
    CHECK(other == NULL);
  }
  draftlint_result_free(result);

  /* Invalid UTF-8 is refused with the offset of the bad byte. */
  result = NULL;
  CHECK(draftlint_linter_lint(linter, "ok \xFF", 4, DRAFTLINT_FORMAT_TEXT, &result) == DRAFTLINT_ERROR_INVALID_UTF8);
  CHECK(result == NULL);
  CHECK(strstr(draftlint_last_error(), "offset 3") != NULL);

  /* An empty text has no findings. */
  CHECK_OK(draftlint_linter_lint(linter, NULL, 0, DRAFTLINT_FORMAT_MARKDOWN, &result));
  CHECK_OK(draftlint_result_count(result, &count));
  CHECK(count == 0);
  draftlint_result_free(result);
  draftlint_linter_free(linter);
}

static void test_config_file(const char* dir) {
  draftlint_options* options = NULL;
  draftlint_linter* linter = NULL;
  draftlint_result* result = NULL;
  char* config = join_path(dir, "config.yml");
  static const char kHtml[] = "<p>We will <b>utilize</b> the &amp; portal.</p>";
  size_t count = 0, off = 0, len = 0;
  const char* s = NULL;
  size_t n = 0;
  draftlint_severity severity = -1;

  CHECK_OK(draftlint_options_new(&options));
  CHECK_OK(draftlint_options_set_config(options, config, strlen(config)));
  CHECK_OK(draftlint_linter_new(options, &linter));
  draftlint_options_free(options);
  free(config);
  if (linter == NULL) return;

  CHECK_OK(draftlint_linter_lint(linter, kHtml, sizeof kHtml - 1, DRAFTLINT_FORMAT_HTML, &result));
  CHECK_OK(draftlint_result_count(result, &count));
  CHECK(count == 1);
  if (count == 1) {
    CHECK_OK(draftlint_result_rule(result, 0, &s, &n));
    CHECK(equals(s, n, "fancy-words"));
    CHECK_OK(draftlint_result_severity(result, 0, &severity));
    CHECK(severity == DRAFTLINT_SEVERITY_ERROR); /* from the configuration */
    CHECK_OK(draftlint_result_span(result, 0, &off, &len));
    CHECK(off == 14 && len == 7); /* the original bytes, inside <b> */
  }
  draftlint_result_free(result);
  draftlint_linter_free(linter);
}

static void test_builtin_pack(void) {
  draftlint_linter* linter = NULL;
  draftlint_result* result = NULL;
  static const char kNotice[] = "Rest assured, we value your business.";
  size_t count = 0, i;
  int platitudes = 0;

  CHECK_OK(draftlint_linter_new(NULL, &linter)); /* NULL options: the built-in pack */
  if (linter == NULL) return;
  CHECK_OK(draftlint_linter_lint(linter, kNotice, sizeof kNotice - 1, DRAFTLINT_FORMAT_TEXT, &result));
  CHECK_OK(draftlint_result_count(result, &count));
  for (i = 0; i < count; ++i) {
    const char* rule = NULL;
    size_t rule_len = 0;
    CHECK_OK(draftlint_result_rule(result, i, &rule, &rule_len));
    if (equals(rule, rule_len, "platitude")) ++platitudes;
  }
  CHECK(platitudes >= 1);
  draftlint_result_free(result);
  draftlint_linter_free(linter);
}

static void test_errors(const char* dir) {
  draftlint_options* options = NULL;
  draftlint_linter* linter = (draftlint_linter*)&options; /* must be reset to NULL */
  char* missing = join_path(dir, "no-such-pack");
  char* broken = join_path(dir, "no-such-config.yml");

  /* A rules directory that does not exist. */
  CHECK_OK(draftlint_options_new(&options));
  CHECK_OK(draftlint_options_add_rule_dir(options, missing, strlen(missing)));
  CHECK(draftlint_linter_new(options, &linter) == DRAFTLINT_ERROR_LOAD);
  CHECK(linter == NULL);
  CHECK(strstr(draftlint_last_error(), "no-such-pack") != NULL);
  CHECK(strstr(draftlint_last_error(), "not a directory of rule files") != NULL);
  draftlint_options_free(options);

  /* A configuration file that does not exist. */
  CHECK_OK(draftlint_options_new(&options));
  CHECK_OK(draftlint_options_set_config(options, broken, strlen(broken)));
  CHECK(draftlint_linter_new(options, &linter) < 0);
  CHECK(strstr(draftlint_last_error(), "no-such-config.yml") != NULL);
  draftlint_options_free(options);

  /* Bad arguments. */
  CHECK(draftlint_options_new(NULL) == DRAFTLINT_ERROR_INVALID_ARGUMENT);
  CHECK(draftlint_options_add_rule_dir(NULL, "x", 1) == DRAFTLINT_ERROR_INVALID_ARGUMENT);
  CHECK_OK(draftlint_options_new(&options));
  CHECK(draftlint_options_add_rule_dir(options, "", 0) == DRAFTLINT_ERROR_INVALID_ARGUMENT);
  CHECK(draftlint_options_add_rule_dir(options, "a\0b", 3) == DRAFTLINT_ERROR_INVALID_ARGUMENT);
  draftlint_options_free(options);
  CHECK(draftlint_linter_new(NULL, NULL) == DRAFTLINT_ERROR_INVALID_ARGUMENT);
  {
    size_t count = 7;
    CHECK(draftlint_result_count(NULL, &count) == DRAFTLINT_ERROR_INVALID_ARGUMENT);
    CHECK(count == 0);
  }

  /* Freeing NULL is fine. */
  draftlint_options_free(NULL);
  draftlint_linter_free(NULL);
  draftlint_result_free(NULL);
  free(missing);
  free(broken);
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s TESTS_C_DIR EXPECTED_VERSION\n", argv[0]);
    return 2;
  }
  CHECK(draftlint_abi_version() == DRAFTLINT_ABI_VERSION);
  CHECK(strcmp(draftlint_version(), argv[2]) == 0);
  CHECK(strcmp(draftlint_last_error(), "") == 0);

  test_lint_with_rule_dir(argv[1]);
  test_config_file(argv[1]);
  test_builtin_pack();
  test_errors(argv[1]);

  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("c_api_test: all checks passed\n");
  return 0;
}
