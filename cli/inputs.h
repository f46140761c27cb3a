// Expanding command-line paths into the files to lint.
#pragma once

#include <string>
#include <vector>

namespace draftlint::cli {

struct InputList {
  std::vector<std::string> files;   // in command-line order; directory contents sorted; "-" is stdin
  std::vector<std::string> errors;  // "path: reason" for paths that do not exist or cannot be listed
};

// Files are taken as given; directories are walked recursively for .md .markdown .txt .html
// .htm files, skipping hidden entries, without following symbolic links to directories.
InputList expand_paths(const std::vector<std::string>& paths);

}  // namespace draftlint::cli
