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
  // False with no_config and no named config: no file has a configuration, so excluded() and
  // configured_format() answer without looking (a caller walking a tree can skip asking).
  bool uses_config_files() const { return options_.config || !options_.no_config; }

  // The format the `formats` of the configuration that applies to `path` gives its
  // extension (overrides included); nullopt when it gives none or the configuration is
  // broken. A directory walk uses it to pick up configured extensions.
  std::optional<InputFormat> configured_format(const std::filesystem::path& path);

  // The rules a lint of files in `directory` loads: the built-in pack and rule packs of the
  // top level of the configuration that applies there (overrides are per file and are not
  // consulted), then the options' no_builtin and rule_dirs. select, ignore and severity are
  // not applied. Problems (a broken or escaping configuration, a bad pack, no rules at all)
  // are in the result; `config` is set to the configuration file used, if any.
  LoadResult rules_for(const std::filesystem::path& directory, std::optional<std::filesystem::path>& config);

  // Forgets cached configurations and linters (after a .draftlint.yml changed).
  void reset();

 private:
  struct State;
  // The configuration for files in an absolute directory (loaded once); null when none
  // applies. Caller holds the state's mutex.
  const ConfigResult* config_for(const std::filesystem::path& directory, std::optional<std::filesystem::path>& config_path);
  // The rule packs for these settings (loaded once, keyed by *key). Caller holds the mutex.
  const LoadResult& pack_for(bool builtin, const std::vector<std::string>& rule_dirs, std::string& key);
  WorkspaceOptions options_;
  std::unique_ptr<State> state_;
};

}  // namespace draftlint
