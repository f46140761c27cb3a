// Repository configuration: .draftlint.yml, found by walking up from a linted file.
//
//   builtin: true                 # load the built-in pack
//   rules: [house-rules]          # more pack directories, relative to this file
//   select: [platitude]           # run only these rules
//   ignore: [long-sentence]       # never run these
//   severity: {hedged-commitment: warning}
//   fail_on: warning              # lowest severity that fails the run
//   exclude: ["drafts/**"]        # globs of files not to lint
//   accept: ["Acme Care"]         # phrases never flagged
//   formats: {".tmpl": html}      # extension → text | markdown | html
//   front_matter: [subject]       # Markdown front-matter fields linted as prose
//   overrides:                    # per-file settings, later entries win
//     - files: ["legal/**"]
//       ignore: [plain-words]
//
// Globs: a glob without "/" matches a file name in any directory; with "/", the path
// relative to the configuration file's directory. "*" stays inside one directory, "**"
// crosses directories, "?" is one character, [abc] a class.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "draftlint/diagnostic.h"
#include "draftlint/linter.h"

namespace draftlint {

// The settings that apply to one file: the configuration's top level with every matching
// override applied in order. Unset optionals mean "not said".
struct FileSettings {
  std::optional<bool> builtin;
  std::vector<std::filesystem::path> rule_dirs;  // absolute
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> ignore;
  std::map<std::string, Severity, std::less<>> severity;
  std::optional<Severity> fail_on;
  std::vector<std::string> accept;
  std::map<std::string, InputFormat, std::less<>> formats;  // ".ext" → format
  std::vector<std::string> front_matter;
};

struct ConfigResult;

class Config {
 public:
  // Reads and checks a configuration file: unknown keys (with "did you mean"), wrong types
  // and bad values are Problems with file, line and column.
  // With `root` (for a discovered file, see repository_root), the file and every rule
  // directory it names, and each rule or recognizer file in those directories, must resolve
  // (following `..` and symbolic links) inside `root`; an entry that does not is a Problem at
  // its line and column. Without `root` (a file the user named), paths are not limited.
  static ConfigResult load(const std::filesystem::path& file,
                           const std::optional<std::filesystem::path>& root = std::nullopt);

  // The repository a discovered configuration file belongs to: the nearest directory at or
  // above it that holds .git, else the file's own directory.
  static std::filesystem::path repository_root(const std::filesystem::path& config_file);

  // The configuration file for `path`: the first .draftlint.yml (or .yaml) found in its
  // directory or above, stopping after a directory that holds .git, or at the root.
  static std::optional<std::filesystem::path> discover(const std::filesystem::path& path);

  // A commented starter configuration (what `draftlint init` writes).
  static std::string_view starter();

  // The settings for `file` (any path; made absolute against the current directory).
  FileSettings settings_for(const std::filesystem::path& file) const;
  // The top-level settings, without any override (what applies before a file is known).
  const FileSettings& top_level() const;
  // True when an `exclude` glob matches `file`.
  bool excluded(const std::filesystem::path& file) const;

  const std::filesystem::path& path() const;
  const std::filesystem::path& directory() const;

  Config();
  ~Config();
  Config(const Config&);
  Config& operator=(const Config&);
  Config(Config&&) noexcept;
  Config& operator=(Config&&) noexcept;

  struct Data;

 private:
  std::shared_ptr<const Data> data_;
};

struct ConfigResult {
  Config config;
  std::vector<Problem> problems;
  bool ok() const { return problems.empty(); }
};

// True when `glob` (syntax above) matches `relative_path` (with "/" separators).
bool glob_match(std::string_view glob, std::string_view relative_path);

}  // namespace draftlint
