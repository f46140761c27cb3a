// draftlint's command line: parse arguments into option structs and run one command.
#include <csignal>
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <draftlint/version.h>

#include "commands.h"
#include "options.h"

namespace {

using namespace draftlint;
using namespace draftlint::cli;

// "a,b" "c" → {"a", "b", "c"}
std::vector<std::string> split_commas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = std::min(value.find(',', start), value.size());
      if (comma > start) out.push_back(value.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe (| head) ends output, not the process with a signal

  CLI::App app{"draftlint: lint draft customer notices that deliver bad news.\n"
               "Finds blame-shifting, platitudes, non-apologies, minimizing and hedged promises.",
               "draftlint"};
  app.set_version_flag("--version", std::string(draftlint::version()));
  app.footer(
      "Exit status: 0 no findings at or above --fail-on; 1 findings at or above it; 2 usage, rule-file or I/O error.\n"
      "Docs: docs/cli.md, docs/rules.md");

  PackOptions pack;
  LintCommand lint;
  std::vector<std::string> select_raw;
  std::vector<std::string> ignore_raw;
  app.add_option("paths", lint.paths, "Files or directories to lint; - reads standard input (default)");
  // Enums are read as names and mapped after parsing, so help shows names and numbers are refused.
  const std::map<std::string, OutputFormat> formats = {{"text", OutputFormat::text},
                                                       {"json", OutputFormat::json},
                                                       {"sarif", OutputFormat::sarif},
                                                       {"github", OutputFormat::github},
                                                       {"gitlab", OutputFormat::gitlab}};
  std::string format_name = "text";
  app.add_option("--format", format_name, "Output format: text, json, sarif, github or gitlab")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  app.add_option("--rules", pack.rule_dirs, "Add a rule pack directory (repeatable); its rules replace built-ins with the same id")
      ->type_name("DIR")
      ->allow_extra_args(false);
  app.add_flag("--no-builtin", pack.no_builtin, "Do not load the built-in rule pack");
  app.add_option("--select", select_raw, "Run only these rules (repeatable, comma-separated)")
      ->type_name("RULE")
      ->allow_extra_args(false);
  app.add_option("--ignore", ignore_raw, "Skip these rules (repeatable, comma-separated)")
      ->type_name("RULE")
      ->allow_extra_args(false);
  std::string fail_on;
  app.add_option("--fail-on", fail_on, "Lowest severity that makes the exit status 1 (default: the config's, else warning)")
      ->check(CLI::IsMember({"error", "warning", "suggestion"}));
  app.add_option("--config", lint.config, "Use this configuration file for every path (no discovery)")->type_name("FILE");
  app.add_flag("--no-config", lint.no_config, "Ignore .draftlint.yml files");
  app.add_option("-j,--jobs", lint.jobs, "Files linted in parallel (default: one per core)")->type_name("N");
  const std::map<std::string, ColorMode> colors = {
      {"auto", ColorMode::auto_detect}, {"always", ColorMode::always}, {"never", ColorMode::never}};
  std::string color_name = "auto";
  app.add_option("--color", color_name, "Colour the text output: auto (honours NO_COLOR and terminals), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN")
      ->capture_default_str();

  app.add_option("--stdin-filename", lint.stdin_filename,
                 "Name for standard input: picks its format by extension and labels its findings")
      ->type_name("PATH");
  app.add_flag("--report-unused-disables", lint.report_unused_disables,
               "Report draftlint-disable comments that silenced nothing");
  app.add_flag("--statistics", lint.statistics,
               "Count findings per rule: a table instead of the findings (text), or on stderr after them");
  app.add_option("--changed-since", lint.changed_since, "Report only findings on lines changed since this git revision")
      ->type_name("REF");
  app.add_flag("--fix", lint.fix,
               "Apply the fixes of substitution rules in place (standard input: print the fixed text), then report what is left");
  app.add_option("--max-file-size", lint.max_file_size,
                 "Refuse (exit 2) input files larger than this, e.g. 16MiB, 512k (0: no limit)")
      ->transform(CLI::AsSizeValue(false).description(""))
      ->type_name("SIZE")
      ->default_str("16MiB");
  app.add_flag("--diff", lint.diff, "Print the fixes as a unified diff instead of writing them");

  CLI::App* rules_cmd = app.add_subcommand("rules", "List the rules: id, kind, severity, message");
  ExplainCommand explain;
  CLI::App* explain_cmd = app.add_subcommand("explain", "Print a rule's description and examples");
  explain_cmd->add_option("rule", explain.rule, "Rule id")->required();
  TestRulesCommand test_rules;
  CLI::App* test_cmd = app.add_subcommand("test-rules", "Check each rule's examples: bad ones must fire, good ones must not");
  test_cmd->add_option("dirs", test_rules.dirs, "Rule pack directories (default: the rules a lint here would load: configuration, --rules, --no-builtin)");
  InitCommand init;
  CLI::App* init_cmd = app.add_subcommand("init", "Write a commented starter .draftlint.yml here");
  init_cmd->add_flag("--force", init.force, "Overwrite an existing .draftlint.yml");
  ConfigCommand config;
  CLI::App* config_cmd = app.add_subcommand("config", "Print the settings that apply to a file");
  config_cmd->add_option("path", config.path, "The file")->required();
  CLI::App* lsp_cmd = app.add_subcommand("lsp", "Run the language server (LSP over standard input/output)");
  lsp_cmd->add_flag("--stdio")->description("Use standard input/output (the default and only transport)");
  // Each subcommand and what runs it; with none, the lint command runs.
  const std::vector<std::pair<CLI::App*, std::function<int()>>> commands = {
      {rules_cmd, [&] { return run_rules(pack, lint); }},
      {explain_cmd, [&] { return run_explain(pack, lint, explain); }},
      {test_cmd, [&] { return run_test_rules(pack, lint, test_rules); }},
      {init_cmd, [&] { return run_init(init); }},
      {config_cmd, [&] { return run_config(pack, lint, config); }},
      {lsp_cmd, [&] { return run_lsp(pack, lint); }},
  };
  for (const auto& entry : commands) entry.first->fallthrough();
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with code 0; every real usage error exits 2.
    const int code = app.exit(e);
    return code == 0 ? kClean : kError;
  }
  lint.format = formats.at(format_name);
  lint.color = colors.at(color_name);
  lint.select = split_commas(select_raw);
  lint.ignore = split_commas(ignore_raw);
  if (!fail_on.empty()) lint.fail_on = parse_severity(fail_on);

  try {
    for (const auto& [sub, run] : commands) {
      if (*sub) return run();
    }
    return run_lint(pack, lint);
  } catch (const std::exception& e) {
    fmt::print(stderr, "draftlint: internal error: {}\n", e.what());
    return kError;
  }
}
