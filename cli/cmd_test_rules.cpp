// `draftlint test-rules DIR...`: every rule's bad examples must fire it, good ones must not.
#include <fmt/core.h>

#include <draftlint/examples.h>

#include "commands.h"
#include "pack.h"

namespace draftlint::cli {

int run_test_rules(const PackOptions& pack, const TestRulesCommand& command) {
  PackOptions only_dirs = pack;
  if (!command.dirs.empty()) {
    only_dirs.rule_dirs = command.dirs;
    only_dirs.no_builtin = true;
  }
  auto rules = load_pack(only_dirs);
  if (!rules) return kError;
  const auto failures = check_examples(*rules);
  std::size_t examples = 0;
  for (const RuleInfo& r : rules->info()) examples += r.bad_examples.size() + r.good_examples.size();
  for (const ExampleFailure& f : failures) {
    fmt::print("FAIL {} {} example {}: {}\n     \"{}\"\n", f.rule, f.bad ? "bad" : "good", f.index, f.detail, f.text);
  }
  fmt::print("{} rules, {} examples: {} passed, {} failed\n", rules->size(), examples, examples - failures.size(),
             failures.size());
  return failures.empty() ? kClean : kFindings;
}

}  // namespace draftlint::cli
