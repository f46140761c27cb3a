/* draftlint's C API: a stable C ABI over the linter, for C, Python ctypes, Node, Lua, Emacs.
 *
 * In fifteen lines:
 *
 *   draftlint_options* options = NULL;
 *   draftlint_linter* linter = NULL;
 *   draftlint_result* result = NULL;
 *   draftlint_options_new(&options);                     // built-in pack on by default
 *   draftlint_options_add_rule_dir(options, "house-rules", 11);
 *   if (draftlint_linter_new(options, &linter) < 0) fprintf(stderr, "%s\n", draftlint_last_error());
 *   draftlint_options_free(options);                     // the linter keeps what it needs
 *   draftlint_linter_lint(linter, text, text_len, DRAFTLINT_FORMAT_MARKDOWN, &result);
 *   size_t n = 0;
 *   draftlint_result_count(result, &n);
 *   for (size_t i = 0; i < n; ++i) {
 *     const char* rule; size_t rule_len; int32_t line, column;
 *     draftlint_result_rule(result, i, &rule, &rule_len);   // borrowed from `result`
 *     draftlint_result_start(result, i, DRAFTLINT_UNIT_UTF16, &line, &column);
 *   }
 *   draftlint_result_free(result);  draftlint_linter_free(linter);   // free accepts NULL
 *
 * Conventions. Every call that can fail returns a draftlint_status (0 ok, < 0 an error) and
 * writes its results through out-parameters (set to NULL / 0 on failure); the message of the
 * last failure on this thread is draftlint_last_error(). Strings in and out are UTF-8 as
 * (pointer, length); strings out are borrowed from the object that owns them (and are also
 * NUL-terminated). Lines and columns are 1-based. A linter is immutable: any number of
 * threads may lint with one linter at once. No C++ exception ever leaves these functions.
 */
#ifndef DRAFTLINT_DRAFTLINT_H_
#define DRAFTLINT_DRAFTLINT_H_

#include <stddef.h>
#include <stdint.h>

/* DRAFTLINT_CAPI marks the functions libdraftlint.so exports; everything else stays hidden.
 * On Windows, define DRAFTLINT_STATIC when linking the static library (CMake does it). */
#if defined(_WIN32)
#if defined(DRAFTLINT_CAPI_BUILDING)
#define DRAFTLINT_CAPI __declspec(dllexport)
#elif defined(DRAFTLINT_STATIC)
#define DRAFTLINT_CAPI
#else
#define DRAFTLINT_CAPI __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define DRAFTLINT_CAPI __attribute__((visibility("default")))
#else
#define DRAFTLINT_CAPI
#endif

/* The ABI this header describes; draftlint_abi_version() returns the library's. Raised (and
 * the shared library's SOVERSION with it) whenever an existing function or value changes. */
#define DRAFTLINT_ABI_VERSION 1

/* For C++ callers: no function here ever throws. */
#if defined(__cplusplus)
#define DRAFTLINT_NOEXCEPT noexcept
#else
#define DRAFTLINT_NOEXCEPT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The outcome of a call. */
typedef int32_t draftlint_status;
enum {
  DRAFTLINT_OK = 0,                       /* success; out-parameters are set */
  DRAFTLINT_ERROR_INVALID_ARGUMENT = -1,  /* a NULL handle or out-parameter, an unknown enum
                                             value, an empty path or one holding a NUL byte */
  DRAFTLINT_ERROR_OUT_OF_RANGE = -2,      /* a diagnostic index >= draftlint_result_count() */
  DRAFTLINT_ERROR_LOAD = -3,              /* the configuration file or a rule could not be
                                             loaded or compiled; the last error lists every
                                             problem, one "file:line:column: message" a line */
  DRAFTLINT_ERROR_INVALID_UTF8 = -4,      /* the text is not UTF-8; the last error gives the
                                             offset of the first bad byte */
  DRAFTLINT_ERROR_OUT_OF_MEMORY = -5,     /* an allocation failed */
  DRAFTLINT_ERROR_INTERNAL = -6           /* a bug in draftlint; the last error says what */
};

/* How serious a finding is; ordered. */
typedef int32_t draftlint_severity;
enum {
  DRAFTLINT_SEVERITY_SUGGESTION = 0,
  DRAFTLINT_SEVERITY_WARNING = 1,
  DRAFTLINT_SEVERITY_ERROR = 2
};

/* What kind of document a text is. Template syntax ({{ x }}, {% if %}, %s) is understood in
 * every format; findings always point at the bytes as given. */
typedef int32_t draftlint_format;
enum {
  DRAFTLINT_FORMAT_TEXT = 0,
  DRAFTLINT_FORMAT_MARKDOWN = 1,
  DRAFTLINT_FORMAT_HTML = 2
};

/* What a column counts from the start of its line (the line itself is the same in every
 * unit). Code points suit Emacs and Python str; UTF-16 units suit JavaScript and LSP's
 * default; UTF-8 bytes suit byte-oriented editors. */
typedef int32_t draftlint_unit;
enum {
  DRAFTLINT_UNIT_CODE_POINT = 0,
  DRAFTLINT_UNIT_UTF16 = 1,      /* a code point >= U+10000 counts 2 (a surrogate pair) */
  DRAFTLINT_UNIT_UTF8 = 2
};

/* How to build a linter. Collect settings, pass to draftlint_linter_new(), then free. */
typedef struct draftlint_options draftlint_options;
/* A compiled, immutable rule set. Thread-safe; lint with it as often as you like. */
typedef struct draftlint_linter draftlint_linter;
/* The findings of one lint, sorted by offset then rule id. Owns every string it hands out. */
typedef struct draftlint_result draftlint_result;

/* The library's ABI version (compare with DRAFTLINT_ABI_VERSION). Cannot fail. */
DRAFTLINT_CAPI uint32_t draftlint_abi_version(void) DRAFTLINT_NOEXCEPT;
/* The library's version, e.g. "0.1.0": static, NUL-terminated. Cannot fail. */
DRAFTLINT_CAPI const char* draftlint_version(void) DRAFTLINT_NOEXCEPT;
/* The message of the last call on this thread that returned a status < 0, or "" if none.
 * NUL-terminated UTF-8, owned by the library, valid until the next failing call on this
 * thread. Successful calls leave it alone. */
DRAFTLINT_CAPI const char* draftlint_last_error(void) DRAFTLINT_NOEXCEPT;

/* --- Options ------------------------------------------------------------------------------
 * Defaults: the built-in pack, no rule directory, no configuration file. */

/* Creates default options in *out_options; free with draftlint_options_free(). */
DRAFTLINT_CAPI draftlint_status draftlint_options_new(draftlint_options** out_options) DRAFTLINT_NOEXCEPT;
/* Frees options made by draftlint_options_new(). NULL is fine. */
DRAFTLINT_CAPI void draftlint_options_free(draftlint_options* options) DRAFTLINT_NOEXCEPT;
/* Whether to load the built-in pack (non-zero: yes, the default). A configuration file
 * saying `builtin: false` also leaves it out. */
DRAFTLINT_CAPI draftlint_status draftlint_options_set_builtin(draftlint_options* options, int32_t enabled) DRAFTLINT_NOEXCEPT;
/* Adds a pack: a directory of *.yml rule files, loaded after the built-in pack and the
 * configuration's packs (a rule with the same id replaces the earlier one). `path` is UTF-8
 * (ptr, len), copied; relative paths are taken from the current directory. */
DRAFTLINT_CAPI draftlint_status draftlint_options_add_rule_dir(draftlint_options* options, const char* path,
                                                               size_t path_len) DRAFTLINT_NOEXCEPT;
/* Uses a configuration file (.draftlint.yml syntax: builtin, rules, select, ignore, severity,
 * accept, front_matter, overrides). Never discovered implicitly. `path` is copied. */
DRAFTLINT_CAPI draftlint_status draftlint_options_set_config(draftlint_options* options, const char* path,
                                                             size_t path_len) DRAFTLINT_NOEXCEPT;
/* The file the texts come from, for the configuration's `overrides` (default "stdin" in the
 * current directory, as the CLI does for standard input). `path` is copied. */
DRAFTLINT_CAPI draftlint_status draftlint_options_set_path(draftlint_options* options, const char* path,
                                                           size_t path_len) DRAFTLINT_NOEXCEPT;

/* --- Linter -------------------------------------------------------------------------------- */

/* Loads and compiles the rules `options` describe (NULL: the defaults) into *out_linter; free
 * with draftlint_linter_free(). Any problem in the configuration or any rule fails the call
 * with DRAFTLINT_ERROR_LOAD and every problem in draftlint_last_error(). `options` is only
 * read: free it whenever you like. */
DRAFTLINT_CAPI draftlint_status draftlint_linter_new(const draftlint_options* options, draftlint_linter** out_linter) DRAFTLINT_NOEXCEPT;
/* Frees a linter. NULL is fine. Results it produced stay valid. */
DRAFTLINT_CAPI void draftlint_linter_free(draftlint_linter* linter) DRAFTLINT_NOEXCEPT;
/* Lints `text_len` bytes of UTF-8 at `text` (NULL is fine when text_len is 0) as `format`
 * into *out_result; free with draftlint_result_free(). The text is only read during the call.
 * A leading BOM is ignored and CRLF line ends are fine. */
DRAFTLINT_CAPI draftlint_status draftlint_linter_lint(const draftlint_linter* linter, const char* text, size_t text_len,
                                                      draftlint_format format, draftlint_result** out_result) DRAFTLINT_NOEXCEPT;

/* --- Result -------------------------------------------------------------------------------
 * Diagnostics are read by index, 0 <= index < count. Every string is borrowed from the
 * result: valid, unchanged, until draftlint_result_free(). */

/* Frees a result. NULL is fine. */
DRAFTLINT_CAPI void draftlint_result_free(draftlint_result* result) DRAFTLINT_NOEXCEPT;
/* The number of diagnostics. */
DRAFTLINT_CAPI draftlint_status draftlint_result_count(const draftlint_result* result, size_t* out_count) DRAFTLINT_NOEXCEPT;
/* The rule id, e.g. "plain-words". Borrowed from `result`. */
DRAFTLINT_CAPI draftlint_status draftlint_result_rule(const draftlint_result* result, size_t index,
                                                      const char** out_rule, size_t* out_rule_len) DRAFTLINT_NOEXCEPT;
/* The severity (after any configured override). */
DRAFTLINT_CAPI draftlint_status draftlint_result_severity(const draftlint_result* result, size_t index,
                                                          draftlint_severity* out_severity) DRAFTLINT_NOEXCEPT;
/* What to do instead, placeholders filled in. Borrowed from `result`. */
DRAFTLINT_CAPI draftlint_status draftlint_result_message(const draftlint_result* result, size_t index,
                                                         const char** out_message, size_t* out_message_len) DRAFTLINT_NOEXCEPT;
/* The span as a byte offset into the linted text and a byte length. */
DRAFTLINT_CAPI draftlint_status draftlint_result_span(const draftlint_result* result, size_t index,
                                                      size_t* out_offset, size_t* out_length) DRAFTLINT_NOEXCEPT;
/* Where the span starts: 1-based line, and 1-based column counted in `unit`. */
DRAFTLINT_CAPI draftlint_status draftlint_result_start(const draftlint_result* result, size_t index,
                                                       draftlint_unit unit, int32_t* out_line, int32_t* out_column) DRAFTLINT_NOEXCEPT;
/* Where the span ends: the position just after its last character (exclusive). */
DRAFTLINT_CAPI draftlint_status draftlint_result_end(const draftlint_result* result, size_t index,
                                                     draftlint_unit unit, int32_t* out_line, int32_t* out_column) DRAFTLINT_NOEXCEPT;
/* The text of the span. Borrowed from `result`. */
DRAFTLINT_CAPI draftlint_status draftlint_result_match(const draftlint_result* result, size_t index,
                                                       const char** out_match, size_t* out_match_len) DRAFTLINT_NOEXCEPT;
/* The suggested fix, if any: *out_has_fix is 1 when `out_length` bytes at `out_offset` should
 * become the replacement (borrowed from `result`), 0 when the rule offers none (then the other
 * out-parameters are 0 / NULL). */
DRAFTLINT_CAPI draftlint_status draftlint_result_fix(const draftlint_result* result, size_t index,
                                                     int32_t* out_has_fix, size_t* out_offset, size_t* out_length,
                                                     const char** out_replacement, size_t* out_replacement_len) DRAFTLINT_NOEXCEPT;

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif  /* DRAFTLINT_DRAFTLINT_H_ */
