// Fuzz target: linting a markdown document with the built-in rules.
#include "lint_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_lint(data, size, draftlint::InputFormat::markdown);
}
