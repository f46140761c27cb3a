// Loading the rule set the command line asks for: the built-in pack and --rules directories.
#pragma once

#include <optional>

#include <draftlint/rules.h>

#include "options.h"

namespace draftlint::cli {

// Loads the rules; prints every problem to stderr and returns nullopt when there is any.
std::optional<RuleSet> load_pack(const PackOptions& options);

// Prints problems to stderr as "draftlint: file:line:col: message".
void print_problems(const std::vector<Problem>& problems);

}  // namespace draftlint::cli
