// Loading the rule set the command line asks for: the built-in pack, the packs of the
// configuration discovered from the current directory, and --rules directories.
#pragma once

#include <optional>

#include <draftlint/rules.h>

#include "options.h"

namespace draftlint::cli {

// Loads the rules a lint in the current directory would load (the configuration's top level,
// with --config/--no-config as for linting); prints every problem to stderr and returns
// nullopt when there is any.
std::optional<RuleSet> load_pack(const PackOptions& pack, const LintCommand& lint);

// Prints problems to stderr as "draftlint: file:line:col: message".
void print_problems(const std::vector<Problem>& problems);

}  // namespace draftlint::cli
