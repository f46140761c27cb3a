// `draftlint [OPTIONS] PATH...`: expand the paths, lint each file with the plan the library's
// Workspace gives it (configuration + linter), print, pick the exit code. Files are linted
// on --jobs threads; output is printed in input order, so it is the same whatever the count.
// Per-file errors are printed and the run goes on; they make the exit code 2.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <mutex>
#include <thread>

#include <fmt/core.h>

#include <draftlint/document.h>
#include <draftlint/format.h>
#include <draftlint/workspace.h>

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

// A progress line only for a person watching a terminal: never in pipes or CI.
bool progress_wanted() {
  const char* ci = std::getenv("CI");
  return isatty(STDERR_FILENO) != 0 && !(ci && *ci);
}

ReadResult read_stdin() {
  std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (std::cin.bad()) {
    ReadResult failed;
    failed.status = ReadStatus::unreadable;
    failed.error = "cannot read standard input";
    return failed;
  }
  return check_text(std::move(bytes));
}

std::string summary(const std::size_t counts[3], std::size_t files) {
  const std::size_t errors = counts[2], warnings = counts[1], suggestions = counts[0];
  const std::size_t total = errors + warnings + suggestions;
  return fmt::format("{} finding{} ({} error{}, {} warning{}, {} suggestion{}) in {} file{}\n", total,
                     total == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                     suggestions, suggestions == 1 ? "" : "s", files, files == 1 ? "" : "s");
}

// One file's result, filled by a worker and printed by the main thread.
struct Outcome {
  std::string display;
  std::string text;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> errors;  // printed as "draftlint: error: ..."
  std::string note;                 // printed as "draftlint: note: ..."
  bool linted = false;
  bool failing = false;
};

}  // namespace

WorkspaceOptions workspace_options(const PackOptions& pack, const LintCommand& command) {
  WorkspaceOptions options;
  if (!command.config.empty()) options.config = command.config;
  options.no_config = command.no_config;
  options.no_builtin = pack.no_builtin;
  for (const std::string& dir : pack.rule_dirs) options.rule_dirs.emplace_back(dir);
  options.select = command.select;
  options.ignore = command.ignore;
  options.fail_on = command.fail_on;
  options.report_unused_disables = command.report_unused_disables;
  return options;
}

int run_lint(const PackOptions& pack, const LintCommand& command) {
  if (!command.config.empty()) {
    const ConfigResult checked = Config::load(command.config);
    if (!checked.ok()) {
      print_problems(checked.problems);
      return kError;
    }
  }
  Workspace workspace(workspace_options(pack, command));
  const std::vector<std::string> paths = command.paths.empty() ? std::vector<std::string>{"-"} : command.paths;
  const InputList inputs = expand_paths(paths, [&](const std::filesystem::path& p) { return workspace.excluded(p); });
  bool errored = !inputs.errors.empty();
  for (const std::string& e : inputs.errors) fmt::print(stderr, "draftlint: error: {}\n", e);

  // Standard input is read up front, on this thread.
  std::optional<ReadResult> stdin_input;
  for (const std::string& f : inputs.files) {
    if (f == "-" && !stdin_input) stdin_input = read_stdin();
  }

  const std::size_t count = inputs.files.size();
  std::vector<Outcome> outcomes(count);
  std::vector<char> done(count, 0);
  std::mutex mutex;
  std::condition_variable finished;
  std::atomic<std::size_t> next{0};
  auto work = [&]() {
    for (std::size_t i = next++; i < count; i = next++) {
      Outcome& out = outcomes[i];
      const std::string& path = inputs.files[i];
      const bool from_stdin = path == "-";
      out.display = from_stdin ? (command.stdin_filename.empty() ? "<stdin>" : command.stdin_filename) : path;
      ReadResult input = from_stdin ? *stdin_input : read_file(path);
      const std::filesystem::path where = from_stdin ? std::filesystem::path(command.stdin_filename.empty() ? "stdin" : command.stdin_filename)
                                                     : std::filesystem::path(path);
      FilePlan plan = workspace.plan(where, std::filesystem::path(out.display));
      for (const Problem& p : plan.problems) out.errors.push_back(p.to_string());
      if (input.status == ReadStatus::binary) {
        out.note = out.display + ": " + input.error;
      } else if (!input.ok()) {
        out.errors.push_back(out.display + ": " + input.error);
      } else if (plan.linter) {
        out.diagnostics = plan.linter->lint(input.text, plan.document);
        out.linted = true;
        for (const Diagnostic& d : out.diagnostics) out.failing = out.failing || d.severity >= plan.fail_on;
        out.text = std::move(input.text);
      } else if (plan.problems.empty()) {
        out.errors.push_back(out.display + ": not linted (see the configuration error above)");
      }
      {
        std::lock_guard lock(mutex);
        done[i] = 1;
      }
      finished.notify_all();
    }
  };
  const unsigned jobs = std::max(1u, std::min<unsigned>(command.jobs ? command.jobs : std::thread::hardware_concurrency(),
                                                        static_cast<unsigned>(std::max<std::size_t>(count, 1))));
  std::vector<std::thread> workers;
  for (unsigned j = 0; j < jobs; ++j) workers.emplace_back(work);

  const bool color = command.format == OutputFormat::text && use_color(command.color);
  const bool progress = progress_wanted();
  const auto started = std::chrono::steady_clock::now();
  bool progress_shown = false;
  std::vector<FileReport> reports;
  std::size_t counts[3] = {0, 0, 0};
  std::size_t linted = 0;
  bool failing = false;
  for (std::size_t i = 0; i < count; ++i) {
    {
      std::unique_lock lock(mutex);
      while (!done[i]) {
        finished.wait_for(lock, std::chrono::milliseconds(200));
        if (progress && std::chrono::steady_clock::now() - started > std::chrono::seconds(1)) {
          fmt::print(stderr, "\r\x1b[Kdraftlint: {}/{} files", i, count);
          progress_shown = true;
        }
      }
    }
    if (progress_shown) fmt::print(stderr, "\r\x1b[K");
    Outcome& out = outcomes[i];
    for (const std::string& e : out.errors) fmt::print(stderr, "draftlint: error: {}\n", e);
    if (!out.note.empty()) fmt::print(stderr, "draftlint: note: {}\n", out.note);
    errored = errored || !out.errors.empty();
    if (!out.linted) continue;
    ++linted;
    failing = failing || out.failing;
    for (const Diagnostic& d : out.diagnostics) ++counts[static_cast<int>(d.severity)];
    if (command.format == OutputFormat::text) {
      std::fputs(format_text(FileReport{out.display, out.text, out.diagnostics}, color).c_str(), stdout);
    } else {
      reports.push_back(FileReport{out.display, {}, std::move(out.diagnostics)});
    }
    out = Outcome{};  // printed: free its text
  }
  for (std::thread& w : workers) w.join();
  if (command.format == OutputFormat::json) {
    std::fputs(format_json(reports).c_str(), stdout);
  } else if (linted > 0 || !errored) {  // no summary when errors stopped every file
    std::fputs(summary(counts, linted).c_str(), stdout);
  }
  std::fflush(stdout);
  if (errored) return kError;
  return failing ? kFindings : kClean;
}

}  // namespace draftlint::cli
