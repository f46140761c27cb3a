// A Workspace answers, for any file, "which configuration applies and which linter runs
// it?", caching configurations, rule packs and compiled linters. The CLI, the language
// server and editor plugins share it. Thread-safe: plan() may run on many threads at once.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "draftlint/config.h"
#include "draftlint/diagnostic.h"
#include "draftlint/linter.h"

namespace draftlint {

// What the caller says, which wins over every configuration file.
//   config     use this file for every path instead of discovering .draftlint.yml
//   no_config  use no configuration file at all
//   no_builtin leave out the built-in pack
//   rule_dirs  more packs, added to the configuration's
//   select     when non-empty, replaces the configuration's select
//   ignore     added to the configuration's ignore
//   fail_on    replaces the configuration's fail_on
struct WorkspaceOptions {
  std::optional<std::filesystem::path> config;
  bool no_config = false;
  bool no_builtin = false;
  std::vector<std::filesystem::path> rule_dirs;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::optional<Severity> fail_on;
  bool report_unused_disables = false;
};

// Everything needed to lint one file.
struct FilePlan {
  std::shared_ptr<const Linter> linter;  // null when the configuration or rules are broken
  DocumentOptions document;
  Severity fail_on = Severity::warning;
  std::optional<std::filesystem::path> config;  // the configuration file used, if any
  FileSettings settings;                        // as resolved, before command-line options
  bool excluded = false;                        // an `exclude` glob matches
  std::vector<Problem> problems;                // why linter is null (each reported once)
};

class Workspace {
 public:
  explicit Workspace(WorkspaceOptions options);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // The plan for `file`. `name` (defaults to `file`) decides the format by extension, as
  // --stdin-filename does for standard input. Problems are returned only the first time
  // they occur, so a broken configuration shared by many files is reported once.
  FilePlan plan(const std::filesystem::path& file, const std::optional<std::filesystem::path>& name = std::nullopt);

  // True when the configuration that applies to `path` excludes it (cheap: compiles nothing).
  bool excluded(const std::filesystem::path& path);

  // Forgets cached configurations and linters (after a .draftlint.yml changed).
  void reset();

 private:
  struct State;
  // The configuration for an absolute path (loaded once); null when none applies.
  // Caller holds the state's mutex.
  const ConfigResult* config_for(const std::filesystem::path& absolute, std::optional<std::filesystem::path>& config_path);
  WorkspaceOptions options_;
  std::unique_ptr<State> state_;
};

}  // namespace draftlint
