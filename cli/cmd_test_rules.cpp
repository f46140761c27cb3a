// `draftlint test-rules DIR...`: every rule's bad examples must fire it, good ones must not.
#include <algorithm>

#include <fmt/core.h>

#include <draftlint/examples.h>

#include "commands.h"
#include "pack.h"

namespace draftlint::cli {

int run_test_rules(const PackOptions& pack, const LintCommand& lint, const TestRulesCommand& command) {
  PackOptions only_dirs = pack;
  LintCommand settings = lint;
  if (!command.dirs.empty()) {
    // Packs named here are tested alone: no built-in pack, no configuration's packs.
    only_dirs.rule_dirs = command.dirs;
    only_dirs.no_builtin = true;
    settings.config.clear();
    settings.no_config = true;
  }
  auto rules = load_pack(only_dirs, settings);
  if (!rules) return kError;
  const auto failures = check_examples(*rules);
  std::size_t examples = 0;
  for (const RuleInfo& r : rules->info()) examples += r.bad_examples.size() + r.good_examples.size();
  for (const ExampleFailure& f : failures) {
    fmt::print("FAIL {} {} example {}: {}\n     \"{}\"\n", f.rule, f.bad ? "bad" : "good", f.index, f.detail, f.text);
  }
  // A rule that does not compile is one failure without an example: count it apart.
  std::size_t failed_examples = 0;
  for (const ExampleFailure& f : failures) failed_examples += f.index > 0 ? 1 : 0;
  fmt::print("{} rule{}, {} examples: {} passed, {} failed\n", rules->size(), rules->size() == 1 ? "" : "s", examples,
             examples - std::min(examples, failed_examples), failures.size());
  return failures.empty() ? kClean : kFindings;
}

}  // namespace draftlint::cli
