// Fuzz target: the rule-file loader (RuleSet::load_string), then compiling and running the rule.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <draftlint/linter.h>
#include <draftlint/rules.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  draftlint::LoadResult loaded = draftlint::RuleSet::load_string(yaml, "fuzz-rule.yml");
  if (loaded.rules.size() == 0) return 0;
  draftlint::CompileResult compiled = draftlint::Linter::compile(loaded.rules);
  if (compiled.linter) {
    (void)compiled.linter->lint("We apologize for any inconvenience. Our supplier was late; it will be fixed soon.\n");
  }
  return 0;
}
