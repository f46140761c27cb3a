/* A C program built against an installed draftlint's C API (shared, static or pkg-config). */
#include <stdio.h>
#include <string.h>

#include <draftlint/draftlint.h>

int main(void) {
  static const char kNotice[] = "Rest assured, we value your business.";
  draftlint_linter* linter = NULL;
  draftlint_result* result = NULL;
  size_t count = 0, i;
  int platitudes = 0;

  if (draftlint_abi_version() != DRAFTLINT_ABI_VERSION) {
    fprintf(stderr, "ABI %u, header %d\n", (unsigned)draftlint_abi_version(), DRAFTLINT_ABI_VERSION);
    return 1;
  }
  if (draftlint_linter_new(NULL, &linter) != DRAFTLINT_OK ||
      draftlint_linter_lint(linter, kNotice, sizeof kNotice - 1, DRAFTLINT_FORMAT_TEXT, &result) != DRAFTLINT_OK ||
      draftlint_result_count(result, &count) != DRAFTLINT_OK) {
    fprintf(stderr, "draftlint: %s\n", draftlint_last_error());
    return 1;
  }
  for (i = 0; i < count; ++i) {
    const char* rule = NULL;
    size_t rule_len = 0;
    if (draftlint_result_rule(result, i, &rule, &rule_len) == DRAFTLINT_OK && rule_len == 9 &&
        memcmp(rule, "platitude", 9) == 0) {
      ++platitudes;
    }
  }
  draftlint_result_free(result);
  draftlint_linter_free(linter);
  printf("consumer_c: draftlint %s, %d platitude(s)\n", draftlint_version(), platitudes);
  return platitudes > 0 ? 0 : 1;
}
