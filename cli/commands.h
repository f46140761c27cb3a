// The commands; each returns the process exit code.
#pragma once

#include <draftlint/workspace.h>

#include "options.h"

namespace draftlint::cli {

int run_lint(const PackOptions& pack, const LintCommand& command);
int run_rules(const PackOptions& pack, const LintCommand& lint);
int run_explain(const PackOptions& pack, const LintCommand& lint, const ExplainCommand& command);
int run_test_rules(const PackOptions& pack, const LintCommand& lint, const TestRulesCommand& command);
int run_init(const InitCommand& command);
int run_config(const PackOptions& pack, const LintCommand& lint, const ConfigCommand& command);
int run_lsp(const PackOptions& pack, const LintCommand& lint);  // cmd_lsp.cpp

// The workspace options the command line asks for (shared by every command that loads rules).
WorkspaceOptions workspace_options(const PackOptions& pack, const LintCommand& command);

}  // namespace draftlint::cli
