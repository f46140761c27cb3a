// The commands; each returns the process exit code.
#pragma once

#include "options.h"

namespace draftlint::cli {

int run_lint(const PackOptions& pack, const LintCommand& command);
int run_rules(const PackOptions& pack);
int run_explain(const PackOptions& pack, const ExplainCommand& command);
int run_test_rules(const PackOptions& pack, const TestRulesCommand& command);

}  // namespace draftlint::cli
