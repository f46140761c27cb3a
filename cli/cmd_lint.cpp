// `draftlint [OPTIONS] PATH...`: read each file, lint it with the library, print, pick the
// exit code. Per-file errors are printed and the run goes on; they make the exit code 2.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <deque>
#include <iterator>

#include <fmt/core.h>

#include <draftlint/document.h>
#include <draftlint/format.h>
#include <draftlint/linter.h>

#include "commands.h"
#include "inputs.h"
#include "pack.h"

namespace draftlint::cli {
namespace {

bool use_color(ColorMode mode) {
  if (mode == ColorMode::always) return true;
  if (mode == ColorMode::never) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

ReadResult read_input(const std::string& path) {
  if (path != "-") return read_file(path);
  std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (std::cin.bad()) {
    ReadResult failed;
    failed.status = ReadStatus::unreadable;
    failed.error = "cannot read standard input";
    return failed;
  }
  return check_text(std::move(bytes));
}

std::string summary(std::size_t errors, std::size_t warnings, std::size_t suggestions, std::size_t files) {
  const std::size_t total = errors + warnings + suggestions;
  return fmt::format("{} finding{} ({} error{}, {} warning{}, {} suggestion{}) in {} file{}\n", total,
                     total == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                     suggestions, suggestions == 1 ? "" : "s", files, files == 1 ? "" : "s");
}

}  // namespace

int run_lint(const PackOptions& pack, const LintCommand& command) {
  auto rules = load_pack(pack);
  if (!rules) return kError;
  LintOptions options;
  options.select = command.select;
  options.ignore = command.ignore;
  const CompileResult compiled = Linter::compile(*rules, options);
  if (!compiled.ok()) {
    print_problems(compiled.problems);
    return kError;
  }
  const Linter& linter = *compiled.linter;

  InputList inputs = expand_paths(command.paths.empty() ? std::vector<std::string>{"-"} : command.paths);
  bool errored = !inputs.errors.empty();
  for (const std::string& e : inputs.errors) fmt::print(stderr, "draftlint: error: {}\n", e);

  const bool color = command.format == OutputFormat::text && use_color(command.color);
  std::deque<std::string> texts;  // kept for JSON, which prints once at the end (deque: stable addresses)
  std::vector<FileReport> reports;
  std::size_t counts[3] = {0, 0, 0};
  std::size_t linted = 0;
  bool failing = false;
  for (const std::string& path : inputs.files) {
    const bool from_stdin = path == "-";
    const std::string display = from_stdin ? (command.stdin_filename.empty() ? "<stdin>" : command.stdin_filename) : path;
    ReadResult input = read_input(path);
    if (input.status == ReadStatus::binary) {
      fmt::print(stderr, "draftlint: note: {}: {}\n", display, input.error);
      continue;
    }
    if (!input.ok()) {
      fmt::print(stderr, "draftlint: error: {}: {}\n", display, input.error);
      errored = true;
      continue;
    }
    ++linted;
    DocumentOptions document;
    document.format = format_for_path(display).value_or(InputFormat::text);
    document.report_unused_disables = command.report_unused_disables;
    FileReport report{display, input.text, linter.lint(input.text, document)};
    for (const Diagnostic& d : report.diagnostics) {
      ++counts[static_cast<int>(d.severity)];
      failing = failing || d.severity >= command.fail_on;
    }
    if (command.format == OutputFormat::text) {
      std::fputs(format_text(report, color).c_str(), stdout);
    } else {
      texts.push_back(std::move(input.text));
      report.text = texts.back();
      reports.push_back(std::move(report));
    }
  }
  if (command.format == OutputFormat::json) {
    std::fputs(format_json(reports).c_str(), stdout);
  } else {
    std::fputs(summary(counts[2], counts[1], counts[0], linted).c_str(), stdout);
  }
  std::fflush(stdout);
  if (errored) return kError;
  return failing ? kFindings : kClean;
}

}  // namespace draftlint::cli
