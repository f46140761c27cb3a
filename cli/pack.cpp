// Rule-set loading for the CLI (see pack.h).
#include "pack.h"

#include <filesystem>

#include <fmt/core.h>

#include <draftlint/workspace.h>

#include "commands.h"

namespace draftlint::cli {

void print_problems(const std::vector<Problem>& problems) {
  for (const Problem& p : problems) fmt::print(stderr, "draftlint: error: {}\n", p.to_string());
}

std::optional<RuleSet> load_pack(const PackOptions& pack, const LintCommand& lint) {
  // The Workspace discovers and confines the configuration exactly as it does for a lint.
  Workspace workspace(workspace_options(pack, lint));
  std::optional<std::filesystem::path> config;
  LoadResult loaded = workspace.rules_for(std::filesystem::current_path(), config);
  if (!loaded.ok()) {
    print_problems(loaded.problems);
    return std::nullopt;
  }
  return std::move(loaded.rules);
}

}  // namespace draftlint::cli
