// Rule-set loading for the CLI (see pack.h).
#include "pack.h"

#include <fmt/core.h>

namespace draftlint::cli {

void print_problems(const std::vector<Problem>& problems) {
  for (const Problem& p : problems) fmt::print(stderr, "draftlint: error: {}\n", p.to_string());
}

std::optional<RuleSet> load_pack(const PackOptions& options) {
  RuleSet rules;
  std::vector<Problem> problems;
  if (!options.no_builtin) {
    LoadResult builtin = RuleSet::builtin();
    problems.insert(problems.end(), builtin.problems.begin(), builtin.problems.end());
    rules.merge(builtin.rules);
  }
  for (const std::string& dir : options.rule_dirs) {
    LoadResult pack = RuleSet::load_directory(dir);
    problems.insert(problems.end(), pack.problems.begin(), pack.problems.end());
    rules.merge(pack.rules);
  }
  if (!problems.empty()) {
    print_problems(problems);
    return std::nullopt;
  }
  if (rules.empty()) {
    fmt::print(stderr, "draftlint: error: no rules to run (--no-builtin without --rules?)\n");
    return std::nullopt;
  }
  return rules;
}

}  // namespace draftlint::cli
