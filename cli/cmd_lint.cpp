// `draftlint [OPTIONS] PATH...`: expand the paths, lint each file with the plan the library's
// Workspace gives it (configuration + linter), print, pick the exit code. Files are linted
// on --jobs threads, at most a few files ahead of the printing, and each file's output is
// written as soon as it is its turn: in input order (a structured document: by path), so it
// is the same whatever the count.
// Per-file errors are printed and the run goes on; they make the exit code 2.
// --changed-since runs git here (the filtering is the library's); --fix and --diff use the
// library's fixing, diffing and atomic writing.
#include <fcntl.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <set>
#include <thread>

#include <fmt/core.h>

#include <draftlint/document.h>
#include <draftlint/fix.h>
#include <draftlint/format.h>
#include <draftlint/workspace.h>

#include "commands.h"
#include "inputs.h"
#include "pack.h"
#include "source_lines.h"

extern char** environ;

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

ReadResult read_stdin(std::uint64_t max_size) {
  std::string bytes;
  // Redirected from a file: one allocation of its size rather than growth by doubling.
  struct stat input {};
  if (::fstat(STDIN_FILENO, &input) == 0 && S_ISREG(input.st_mode) && input.st_size > 0 &&
      (!max_size || static_cast<std::uint64_t>(input.st_size) <= max_size)) {
    bytes.reserve(static_cast<std::size_t>(input.st_size));
  }
  char buffer[65536];
  while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
    if (max_size && bytes.size() > max_size) {
      ReadResult refused;
      refused.status = ReadStatus::too_large;
      refused.error = fmt::format("input too large (more than {}; the limit is {}, see --max-file-size), skipped",
                                  describe_size(max_size), describe_size(max_size));
      return refused;
    }
  }
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

// --- running git (--changed-since) --------------------------------------------------------------

struct ProcessResult {
  int status = -1;  // exit status; -1 when it could not run or died of a signal
  std::string out;
  std::string err;
};

// Runs argv[0] from PATH, without a shell, with standard input from /dev/null; collects both
// output streams (polled together, so neither pipe can fill up and stall the child).
ProcessResult run_process(const std::vector<std::string>& argv) {
  ProcessResult result;
  int out_pipe[2], err_pipe[2];
  // Close-on-exec: other threads may be spawning git at the same moment.
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return result;
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    result.err = fmt::format("cannot run {}: {}", argv[0], std::strerror(spawned));
    return result;
  }
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_count = 2;
  char buffer[8192];
  while (open_count > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
  for (pollfd& p : fds) {
    if (p.fd >= 0) ::close(p.fd);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string first_line(std::string_view text) {
  while (!text.empty() && (text.front() == '\n' || text.front() == ' ')) text.remove_prefix(1);
  return std::string(text.substr(0, text.find('\n')));
}

// Why `directory` cannot be used with --changed-since ("" when it is inside a git work
// tree); asked once per directory.
std::string work_tree_problem(const std::string& directory) {
  static std::mutex mutex;
  static std::map<std::string, std::string, std::less<>> known;
  {
    std::lock_guard lock(mutex);
    if (const auto it = known.find(directory); it != known.end()) return it->second;
  }
  const ProcessResult probe = run_process({"git", "-C", directory, "rev-parse", "--is-inside-work-tree"});
  std::string problem;
  if (probe.status == 0 && probe.out.starts_with("true")) {
    problem = "";
  } else if (probe.status < 0 && !probe.err.empty()) {
    problem = probe.err;  // git itself could not run
  } else {
    problem = "not inside a git work tree (--changed-since needs one)";
  }
  std::lock_guard lock(mutex);
  known.emplace(directory, problem);
  return problem;
}

struct ChangedLines {
  std::optional<std::vector<LineRange>> lines;  // nullopt: every line counts (untracked file)
  std::string error;
};

// The lines of `path` changed since `ref`, from `git diff --unified=0 REF -- FILE` run in the
// file's directory (so the file's own repository answers).
ChangedLines changed_lines(const std::string& path, const std::string& ref) {
  const std::filesystem::path file(path);
  const std::string directory = file.has_parent_path() ? file.parent_path().string() : ".";
  const std::string name = file.filename().string();
  const std::vector<std::string> git = {"git", "--no-optional-locks", "-C", directory};
  auto with = [&](std::initializer_list<std::string> more) {
    std::vector<std::string> argv = git;
    argv.insert(argv.end(), more);
    return argv;
  };
  ChangedLines changed;
  // Outside a work tree `git diff A -- B` would quietly compare two files (--no-index).
  if (std::string problem = work_tree_problem(directory); !problem.empty()) {
    changed.error = std::move(problem);
    return changed;
  }
  const ProcessResult diff =
      run_process(with({"diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", ref, "--", name}));
  if (diff.status != 0) {
    const std::string why = first_line(diff.err);
    changed.error = fmt::format("git diff against '{}' failed{}{}", ref, why.empty() ? "" : ": ", why);
    return changed;
  }
  if (diff.out.empty()) {
    // No difference, or a file git does not track (then all of it is new).
    const ProcessResult tracked = run_process(with({"ls-files", "--error-unmatch", "--", name}));
    if (tracked.status != 0) return changed;
  }
  changed.lines = parse_diff_hunks(diff.out);
  return changed;
}

// --- linting one file ---------------------------------------------------------------------------

// One file's result, filled by a worker and printed by the main thread.
struct Outcome {
  std::string display;
  std::string text;  // what the findings point into (the fixed text after --fix), while needed
  FindingLines lines;  // the text format's source lines
  std::vector<Diagnostic> diagnostics;
  std::shared_ptr<const Linter> linter;
  std::string diff;        // --diff
  std::size_t fixed = 0;   // fixes applied (--fix) or shown (--diff)
  std::vector<std::string> errors;  // printed as "draftlint: error: ..."
  std::string note;                 // printed as "draftlint: note: ..."
  bool linted = false;
  bool failing = false;
  // A large file's findings are printed by its worker as they come (see run_lint):
  bool errors_printed = false;                 // `errors` went out before them
  std::size_t printed_counts[3] = {0, 0, 0};  // how many, by severity
};

// Text output of files this large is printed by the worker, finding by finding, once it is
// the file's turn: holding all of a file's findings can take more memory than its text.
constexpr std::size_t kPrintAsFoundBytes = 8u << 20;

// From the first file this large on, blocks of 128 KiB and more (a large file's text,
// findings, segmentation) always come from mmap and go back to the system when freed. By
// default glibc raises that threshold after each such free, so the next large blocks land in
// the heap and stay there once freed: a 50 MiB file peaked 25% higher. Not from the start: a
// fixed threshold made a run over 20,000 small notices 13% slower at --jobs 2 (mmap, munmap
// and page faults for blocks the heap would have reused).
constexpr std::size_t kLargeFileBytes = 8u << 20;

void return_large_blocks_to_the_system() {
#if defined(__GLIBC__)
  static std::once_flag once;
  std::call_once(once, [] { mallopt(M_MMAP_THRESHOLD, 128 * 1024); });
#endif
}

// Lints (and with --fix or --diff, fixes) one readable file into `out`.
void lint_text(const LintCommand& command, const std::string& path, bool from_stdin, const FilePlan& plan,
               std::string text, const std::optional<FileStamp>& stamp, Outcome& out) {
  const Linter& linter = *plan.linter;
  FindingFilter keep;
  if (!command.changed_since.empty()) {
    ChangedLines changed = changed_lines(path, command.changed_since);
    if (!changed.error.empty()) {
      out.errors.push_back(out.display + ": " + changed.error);
      return;
    }
    if (changed.lines) keep = [lines = std::move(*changed.lines)](const Diagnostic& d) { return touches_lines(d, lines); };
  }
  // The text is this file's own, so template syntax is masked in it rather than in a copy.
  auto lint_kept = [&](std::string& what) {
    std::vector<Diagnostic> found = linter.lint_in_place(what, plan.document);
    if (keep) std::erase_if(found, [&](const Diagnostic& d) { return !keep(d); });
    return found;
  };

  if (command.fix || command.diff) {
    FixAllResult fixed = fix_all(linter, text, plan.document, keep);
    if (!fixed.converged) out.note = out.display + ": some fixes were left after 10 passes (do two rules undo each other?)";
    out.fixed = fixed.applied;
    bool kept_on_disk = false;
    if (command.diff) {
      out.diff = unified_diff(text, fixed.text, out.display);
    } else if (!from_stdin && fixed.text != text) {
      const WriteResult written = stamp ? write_file_atomically(path, fixed.text, *stamp)
                                        : WriteResult{WriteStatus::failed, "cannot examine the file"};
      if (!written.ok()) {
        out.errors.push_back(out.display + ": " + written.error);
        out.fixed = 0;
        kept_on_disk = true;
      }
    }
    if (kept_on_disk) {
      out.diagnostics = lint_kept(text);  // the file is as it was read: report on that
      out.text = std::move(text);
    } else {
      out.diagnostics = std::move(fixed.remaining);
      out.text = std::move(fixed.text);
    }
  } else {
    out.diagnostics = lint_kept(text);
    out.text = std::move(text);
  }
  out.linted = true;
  for (const Diagnostic& d : out.diagnostics) out.failing = out.failing || d.severity >= plan.fail_on;
}

// Options that cannot work together, or a REF git would read as an option: a message, or "".
std::string usage_error(const LintCommand& command, const InputList& inputs) {
  const bool reads_stdin = std::find(inputs.files.begin(), inputs.files.end(), "-") != inputs.files.end();
  if ((command.fix || command.diff) && reads_stdin && inputs.files.size() > 1) {
    return "--fix and --diff read standard input only on its own, with no other paths";
  }
  if (!command.changed_since.empty()) {
    if (command.changed_since.starts_with('-')) return fmt::format("--changed-since: '{}' is not a revision", command.changed_since);
    if (reads_stdin) return "--changed-since needs files in a git work tree, not standard input";
  }
  return {};
}

// The rules of every linter used, each id once (first linter wins), for SARIF.
std::vector<RuleInfo> rules_of(const std::vector<std::shared_ptr<const Linter>>& linters) {
  std::vector<RuleInfo> rules;
  std::set<std::string, std::less<>> seen;
  for (const auto& linter : linters) {
    for (RuleInfo& info : linter->rules().info()) {
      if (seen.insert(info.id).second) rules.push_back(std::move(info));
    }
  }
  return rules;
}

ReportFormat report_format(OutputFormat format) {
  switch (format) {
    case OutputFormat::sarif: return ReportFormat::sarif;
    case OutputFormat::github: return ReportFormat::github;
    case OutputFormat::gitlab: return ReportFormat::gitlab;
    case OutputFormat::json:
    case OutputFormat::text: break;
  }
  return ReportFormat::json;
}

void write_stdout(std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), stdout); }

// How much text the run will lint, for Linter::expect(): counted only until it is well past
// the point where the library compiles its pattern set at once, so a large tree costs a few
// dozen stat() calls.
std::size_t expected_bytes(const std::vector<std::string>& files, const std::optional<ReadResult>& stdin_input) {
  constexpr std::size_t kEnough = std::size_t{1} << 20;
  std::size_t total = 0;
  for (const std::string& f : files) {
    if (f == "-") {
      total += stdin_input ? stdin_input->text.size() : 0;
    } else {
      std::error_code ec;
      const std::uintmax_t size = std::filesystem::file_size(f, ec);
      if (!ec) total += static_cast<std::size_t>(size);
    }
    if (total >= kEnough) break;
  }
  return total;
}

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
  const bool configured = workspace.uses_config_files();
  const InputList inputs = expand_paths(
      paths, configured ? ExcludePredicate([&](const std::filesystem::path& p) { return workspace.excluded(p); }) : nullptr,
      configured ? FormatPredicate([&](const std::filesystem::path& p) { return workspace.configured_format(p).has_value(); })
                 : nullptr);
  if (const std::string usage = usage_error(command, inputs); !usage.empty()) {
    fmt::print(stderr, "draftlint: error: {}\n", usage);
    return kError;
  }
  bool errored = !inputs.errors.empty();
  for (const std::string& e : inputs.errors) fmt::print(stderr, "draftlint: error: {}\n", e);

  // Standard input is read up front, on this thread.
  std::optional<ReadResult> stdin_input;
  for (const std::string& f : inputs.files) {
    if (f == "-" && !stdin_input) stdin_input = read_stdin(command.max_file_size);
  }
  // --fix on standard input is a filter: the fixed text (or, failing that, the text as read)
  // is the whole of standard output.
  const bool filter = command.fix && !command.diff && stdin_input.has_value();
  const bool write_in_place = command.fix && !command.diff;

  const std::size_t count = inputs.files.size();
  const std::size_t expected = expected_bytes(inputs.files, stdin_input);
  const bool text_format = command.format == OutputFormat::text;
  // Text prints each file's findings as it comes; the other formats write one document.
  const bool list_findings = text_format && !command.statistics && !command.diff && !filter;
  const bool structured = !text_format && !command.diff && !filter;
  const bool sarif = structured && command.format == OutputFormat::sarif;
  auto display_of = [&](const std::string& path) -> std::string_view {
    if (path != "-") return path;
    return command.stdin_filename.empty() ? std::string_view("<stdin>") : std::string_view(command.stdin_filename);
  };
  // Files are linted in the order they are printed: input order, but by path for a
  // structured document (which lists its files by path).
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (structured) {
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return display_of(inputs.files[a]) < display_of(inputs.files[b]); });
  }
  const unsigned jobs = std::max(1u, std::min<unsigned>(command.jobs ? command.jobs : std::thread::hardware_concurrency(),
                                                        static_cast<unsigned>(std::max<std::size_t>(count, 1))));
  // Workers run at most `window` files ahead of the printer, so memory does not grow with the
  // number of files; outcome n lives in slot n % window until it is printed. The printer is
  // woken once a batch of files is done (or every kPrintEvery), not once per file: on a tree
  // of small notices a wake-up per file cost more than printing them.
  const std::size_t window = 4 * static_cast<std::size_t>(jobs);
  const std::size_t batch = window / 2;
  constexpr auto kPrintEvery = std::chrono::milliseconds(20);
  std::vector<Outcome> slots(window);
  std::vector<char> done(window, 0);
  std::size_t next = 0, printed = 0, unprinted = 0;  // guarded by mutex; unprinted: done, not printed
  std::mutex mutex;
  std::condition_variable finished, room;
  const bool color = text_format && use_color(command.color);
  const bool progress = progress_wanted();
  const bool stdout_is_terminal = isatty(STDOUT_FILENO) != 0;
  bool progress_shown = false;  // guarded by mutex
  bool worker_printing = false;  // guarded by mutex: a worker prints its file's findings
  // Waits until file n is the next to print and takes the terminal for its findings: its
  // errors first, as the printer would have shown them.
  auto take_turn = [&](std::size_t n, Outcome& out) {
    {
      std::unique_lock lock(mutex);
      room.wait(lock, [&] { return printed == n; });
      worker_printing = true;
      if (progress_shown) fmt::print(stderr, "\r\x1b[K");
      progress_shown = false;
    }
    for (const std::string& e : out.errors) fmt::print(stderr, "draftlint: error: {}\n", e);
    out.errors_printed = true;
  };
  // Lints a large file for the text output, printing each finding as it comes.
  auto print_as_found = [&](std::size_t n, const FilePlan& plan, std::string& text, Outcome& out) {
    LineFinder lines(text);
    plan.linter->lint_in_place(text, plan.document, [&](Diagnostic&& d) {
      if (!out.errors_printed) take_turn(n, out);
      ++out.printed_counts[static_cast<int>(d.severity)];
      out.failing = out.failing || d.severity >= plan.fail_on;
      write_stdout(format_text_finding(out.display, d, lines.line_around(d.offset), color));
    });
    out.linted = true;
  };
  auto work = [&]() {
    for (;;) {
      std::size_t n = 0;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return next >= count || next < printed + window; });
        if (next >= count) return;
        n = next++;
      }
      Outcome& out = slots[n % window];
      const std::string& path = inputs.files[order[n]];
      const bool from_stdin = path == "-";
      out.display = std::string(display_of(path));
      // "-" is listed once, so its file takes standard input's text rather than a copy.
      ReadResult input = from_stdin ? std::move(*stdin_input) : read_file(path, ReadOptions{command.max_file_size});
      if (input.text.size() >= kLargeFileBytes) return_large_blocks_to_the_system();
      // Stamped right after reading: a later change on disk must stop the write.
      std::optional<FileStamp> stamp;
      if (write_in_place && !from_stdin && input.ok()) stamp = stamp_file(path, input.text);
      const std::filesystem::path where = from_stdin ? std::filesystem::path(command.stdin_filename.empty() ? "stdin" : command.stdin_filename)
                                                     : std::filesystem::path(path);
      FilePlan plan = workspace.plan(where, std::filesystem::path(out.display));
      if (plan.linter) plan.linter->expect(expected);
      for (const Problem& p : plan.problems) out.errors.push_back(p.to_string());
      if (filter) out.text = input.text;
      if (input.status == ReadStatus::binary) {
        out.note = out.display + ": " + input.error;
      } else if (!input.ok()) {
        out.errors.push_back(out.display + ": " + input.error);
      } else if (plan.linter && list_findings && !command.fix && command.changed_since.empty() &&
                 input.text.size() >= kPrintAsFoundBytes) {
        print_as_found(n, plan, input.text, out);
      } else if (plan.linter) {
        out.linter = plan.linter;
        lint_text(command, path, from_stdin, plan, std::move(input.text), stamp, out);
        // Only the filter (the whole text) and SARIF (UTF-16 columns) print from the text.
        if (list_findings) out.lines = FindingLines(std::move(out.text), out.diagnostics);
        if (!filter && !sarif) out.text = std::string();
      } else if (plan.problems.empty()) {
        out.errors.push_back(out.display + ": not linted (see the configuration error above)");
      }
      bool wake = false;
      {
        std::lock_guard lock(mutex);
        done[n % window] = 1;
        if (out.errors_printed) worker_printing = false;
        wake = ++unprinted >= batch || next >= count;
      }
      if (wake) finished.notify_all();
    }
  };
  // One file (an editor's save hook, a pre-commit check) is linted on this thread: a worker
  // would only add its start and its exit, which hands its heap back to the allocator (about
  // 7% of the instructions of a run on one 2 KB notice).
  std::vector<std::thread> workers;
  if (count == 1) {
    work();
  } else {
    for (unsigned j = 0; j < jobs; ++j) workers.emplace_back(work);
  }

  const auto started = std::chrono::steady_clock::now();
  const std::unique_ptr<ReportWriter> writer = structured ? make_report_writer(report_format(command.format), write_stdout) : nullptr;
  RuleCounter rule_counts;  // --statistics
  std::vector<std::shared_ptr<const Linter>> linter_of_input(sarif ? count : 0);  // SARIF's rules, in input order
  std::size_t counts[3] = {0, 0, 0};
  std::size_t linted = 0, fixes = 0, fixed_files = 0;
  bool failing = false, any_diff = false;
  auto print = [&](std::size_t n, Outcome& out) {
    if (!out.errors_printed) {
      for (const std::string& e : out.errors) fmt::print(stderr, "draftlint: error: {}\n", e);
    }
    if (!out.note.empty()) fmt::print(stderr, "draftlint: note: {}\n", out.note);
    errored = errored || !out.errors.empty();
    if (filter) std::fwrite(out.text.data(), 1, out.text.size(), stdout);
    if (!out.linted) return;
    ++linted;
    failing = failing || out.failing;
    fixes += out.fixed;
    fixed_files += out.fixed > 0 ? 1 : 0;
    if (command.diff) {
      any_diff = any_diff || !out.diff.empty();
      std::fputs(out.diff.c_str(), stdout);
      return;
    }
    for (const Diagnostic& d : out.diagnostics) ++counts[static_cast<int>(d.severity)];
    for (int s = 0; s < 3; ++s) counts[s] += out.printed_counts[s];
    const FileReport report{out.display, out.text, std::move(out.diagnostics)};
    if (list_findings) {
      for (std::size_t i = 0; i < report.diagnostics.size(); ++i) {
        write_stdout(format_text_finding(report.path, report.diagnostics[i], out.lines.line(i), color));
      }
    }
    if (command.statistics) rule_counts.add(report);
    if (writer) writer->add(report);
    if (sarif) linter_of_input[order[n]] = out.linter;
  };
  auto last_progress = started;
  bool draining = false;  // printing a run of done files: no waiting until one is not done
  for (std::size_t n = 0; n < count; ++n) {
    {
      std::unique_lock lock(mutex);
      // File n, once a batch is ready (see `batch`), or once kPrintEvery has passed with it done.
      while (!(done[n % window] && (draining || unprinted >= batch || next >= count))) {
        draining = false;
        const bool timed_out = finished.wait_for(lock, kPrintEvery) == std::cv_status::timeout;
        if (timed_out && done[n % window]) break;
        const auto now = std::chrono::steady_clock::now();
        if (progress && !worker_printing && now - started > std::chrono::seconds(1) &&
            now - last_progress >= std::chrono::milliseconds(200)) {
          fmt::print(stderr, "\r\x1b[Kdraftlint: {}/{} files", n, count);
          progress_shown = true;
          last_progress = now;
        }
      }
      // The progress line goes before this file's errors or (on the same terminal) its
      // output, and only then: not a write per file.
      const Outcome& ready = slots[n % window];
      if (progress_shown && (stdout_is_terminal || !ready.errors.empty() || !ready.note.empty())) {
        fmt::print(stderr, "\r\x1b[K");
        progress_shown = false;
      }
      draining = true;
    }
    Outcome& out = slots[n % window];
    print(n, out);
    out = Outcome{};  // printed: free it
    {
      std::lock_guard lock(mutex);
      done[n % window] = 0;
      --unprinted;
      printed = n + 1;
    }
    room.notify_all();
  }
  for (std::thread& w : workers) w.join();
  if (progress_shown) fmt::print(stderr, "\r\x1b[K");

  if (!command.diff && !filter) {
    const std::string fixed_line =
        write_in_place ? fmt::format("fixed {} finding{} in {} file{}\n", fixes, fixes == 1 ? "" : "s", fixed_files,
                                     fixed_files == 1 ? "" : "s")
                       : "";
    const std::string statistics = command.statistics ? format_statistics(rule_counts.counts()) : "";
    if (!text_format) {
      // Standard output stays one valid document; the rest goes to standard error.
      std::vector<std::shared_ptr<const Linter>> linters;  // each once, in input order
      for (const auto& linter : linter_of_input) {
        if (linter && std::find(linters.begin(), linters.end(), linter) == linters.end()) linters.push_back(linter);
      }
      writer->finish(sarif ? rules_of(linters) : std::vector<RuleInfo>{});
      std::fflush(stdout);
      std::fputs(statistics.c_str(), stderr);
      if (write_in_place) fmt::print(stderr, "draftlint: {}", fixed_line);
    } else if (linted > 0 || !errored) {  // no summary when errors stopped every file
      std::fputs(statistics.c_str(), stdout);
      std::fputs(fixed_line.c_str(), stdout);
      std::fputs(summary(counts, linted).c_str(), stdout);
    }
  }
  std::fflush(stdout);
  if (errored) return kError;
  if (command.diff) return any_diff ? kFindings : kClean;
  return failing ? kFindings : kClean;
}

}  // namespace draftlint::cli
