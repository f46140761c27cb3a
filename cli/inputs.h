// Expanding command-line paths into the files to lint.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace draftlint::cli {

struct InputList {
  std::vector<std::string> files;   // in command-line order; directory contents sorted; "-" is stdin
  std::vector<std::string> errors;  // "path: reason" for paths that do not exist or cannot be listed
};

// Says whether a path found by walking a directory is left out (e.g. config `exclude` globs).
// It gets the path as it would be printed: the command-line directory joined with the path
// below it ("docs/drafts", "docs/drafts/a.md"). It is asked about every file, and about every
// directory below a command-line directory, before that directory's contents (true skips the
// directory and everything in it). It is never asked about a path named on the command line.
using ExcludePredicate = std::function<bool(const std::filesystem::path&)>;

// Says whether a file found by walking, whose extension format_for_path() does not know, is
// linted anyway (e.g. an extension the configuration's `formats` maps). Same path as above.
using FormatPredicate = std::function<bool(const std::filesystem::path&)>;

// Files (and "-") named on the command line are taken as given, whatever their extension.
// Directories are walked recursively for files that format_for_path() knows or `configured`
// accepts, sorted by path,
// skipping:
//   - hidden files and directories (name starting with '.') below the named directory;
//   - inside a git work tree (with git on PATH), files the repository's .gitignore files,
//     .git/info/exclude and core.excludesFile ignore (git itself decides); outside one the
//     walk does not read .gitignore files;
//   - symbolic links to directories (never descended) and to anything outside the named
//     directory;
//   - whatever `excluded` says.
// A file reached twice (same canonical path) is listed once, where it first appears.
InputList expand_paths(const std::vector<std::string>& paths, const ExcludePredicate& excluded = {},
                       const FormatPredicate& configured = {});

}  // namespace draftlint::cli
