// The command line as plain data: CLI11 fills these structs, the commands read them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <draftlint/diagnostic.h>

namespace draftlint::cli {

enum class OutputFormat { text, json, sarif, github, gitlab };
enum class ColorMode { auto_detect, always, never };

// Options that choose the rules, shared by every command.
struct PackOptions {
  std::vector<std::string> rule_dirs;  // --rules DIR (repeatable)
  bool no_builtin = false;             // --no-builtin
};

struct LintCommand {
  std::vector<std::string> paths;
  OutputFormat format = OutputFormat::text;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::optional<Severity> fail_on;     // unset: the configuration's, else warning
  std::string config;                  // --config FILE
  bool no_config = false;              // --no-config
  unsigned jobs = 0;                   // 0: one per core
  ColorMode color = ColorMode::auto_detect;
  std::string stdin_filename;          // names standard input: its format, its path in output
  bool report_unused_disables = false;
  bool statistics = false;             // --statistics: findings per rule
  std::string changed_since;           // --changed-since REF: only findings on lines changed since REF
  bool fix = false;                    // --fix: apply fixes in place (stdin: print the fixed text)
  bool diff = false;                   // --diff: print the fixes as a unified diff, write nothing
  std::uint64_t max_file_size = 16u * 1024 * 1024;  // --max-file-size: larger files are refused (0: no limit)
};

struct InitCommand {
  bool force = false;
};

struct ConfigCommand {
  std::string path;
};

struct ExplainCommand {
  std::string rule;
};

struct TestRulesCommand {
  std::vector<std::string> dirs;
};

// Exit statuses, stable for scripts and CI.
enum ExitCode : int { kClean = 0, kFindings = 1, kError = 2 };

}  // namespace draftlint::cli
