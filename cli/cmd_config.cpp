// `draftlint init` (write a starter .draftlint.yml) and `draftlint config PATH` (print the
// settings that apply to a file, after configuration and command-line options).
#include <filesystem>
#include <fstream>

#include <fmt/core.h>

#include <draftlint/config.h>
#include <draftlint/workspace.h>

#include "commands.h"
#include "pack.h"

namespace draftlint::cli {
namespace {

std::string list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

}  // namespace

int run_init(const InitCommand& command) {
  const std::filesystem::path target = ".draftlint.yml";
  std::error_code ec;
  if (std::filesystem::exists(target, ec) && !command.force) {
    fmt::print(stderr, "draftlint: error: {} already exists (use --force to overwrite)\n", target.string());
    return kError;
  }
  const std::filesystem::path temporary = ".draftlint.yml.tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << Config::starter();
    if (!out.flush()) {
      fmt::print(stderr, "draftlint: error: cannot write {}\n", temporary.string());
      std::filesystem::remove(temporary, ec);
      return kError;
    }
  }
  std::filesystem::rename(temporary, target, ec);
  if (ec) {
    fmt::print(stderr, "draftlint: error: cannot create {}: {}\n", target.string(), ec.message());
    std::filesystem::remove(temporary, ec);
    return kError;
  }
  fmt::print("wrote {}\n", target.string());
  return kClean;
}

int run_config(const PackOptions& pack, const LintCommand& lint, const ConfigCommand& command) {
  Workspace workspace(workspace_options(pack, lint));
  const FilePlan plan = workspace.plan(command.path);
  print_problems(plan.problems);
  const FileSettings& s = plan.settings;
  fmt::print("file: {}\n", command.path);
  fmt::print("config: {}\n", plan.config ? plan.config->string() : "none");
  fmt::print("format: {}\n", to_string(plan.document.format));
  fmt::print("excluded: {}\n", plan.excluded);
  fmt::print("builtin: {}\n", !pack.no_builtin && s.builtin.value_or(true));
  std::vector<std::string> dirs;
  for (const auto& d : s.rule_dirs) dirs.push_back(d.string());
  for (const auto& d : pack.rule_dirs) dirs.push_back(d);
  fmt::print("rules: {}\n", list(dirs));
  const auto select = !lint.select.empty() ? lint.select : s.select.value_or(std::vector<std::string>{});
  fmt::print("select: {}\n", select.empty() ? "all" : list(select));
  std::vector<std::string> ignore = s.ignore;
  ignore.insert(ignore.end(), lint.ignore.begin(), lint.ignore.end());
  fmt::print("ignore: {}\n", list(ignore));
  std::vector<std::string> severities;
  for (const auto& [rule, severity] : s.severity) severities.push_back(rule + ": " + std::string(to_string(severity)));
  fmt::print("severity: {}\n", list(severities));
  fmt::print("fail_on: {}\n", to_string(plan.fail_on));
  fmt::print("accept: {}\n", list(s.accept));
  fmt::print("front_matter: {}\n", list(plan.document.front_matter));
  if (plan.linter) {
    std::vector<std::string> active;
    for (const RuleInfo& r : plan.linter->rules().info()) active.push_back(r.id);
    fmt::print("active rules: {}\n", list(active));
  }
  return plan.problems.empty() ? kClean : kError;
}

}  // namespace draftlint::cli
