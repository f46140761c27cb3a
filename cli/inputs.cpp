// Path expansion (see inputs.h).
//
// A directory is listed by git when it sits in a git work tree and git is on PATH: git knows
// every rule about ignored files (nested .gitignore, negation, info/exclude, the global
// excludes file) and we do not re-implement them. Otherwise, or when git fails, the directory
// is walked on the file system, and then .gitignore files are NOT honoured. Both listings go
// through the same filters (hidden, format or `configured`, symbolic links, `excluded`) and
// are sorted the same way (byte order of the path below the named directory), so they print
// alike.
#include "inputs.h"

#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <optional>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include <draftlint/linter.h>

namespace draftlint::cli {
namespace {

namespace fs = std::filesystem;

bool hidden(std::string_view name) { return name.size() > 1 && name[0] == '.'; }

// Whether `path` (canonical) is `root` (canonical) or below it.
bool within(const fs::path& path, const fs::path& root) {
  auto r = root.begin();
  for (auto p = path.begin(); r != root.end(); ++p, ++r) {
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

// The key files are deduplicated by: the canonical path, or failing that the normalised
// absolute one (e.g. for special files).
std::string identity(const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::canonical(path, ec);
  if (ec) canonical = fs::absolute(path, ec).lexically_normal();
  return canonical.string();
}

struct ProcessOutput {
  int status = -1;
  std::string out;
};

// Runs `git -C dir ARGS...` without a shell: stdin and stderr on /dev/null, stdout captured.
// nullopt when git cannot be started or does not exit normally. core.fsmonitor is turned off:
// a repository's own config must not make listing it run a command.
std::optional<ProcessOutput> run_git(const fs::path& dir, std::initializer_list<const char*> args) {
  std::vector<std::string> words = {"git", "-c", "core.fsmonitor=false", "-C",
                                    dir.empty() ? std::string(".") : dir.string()};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);

  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (spawned != 0) {
    close(fds[0]);
    return std::nullopt;
  }
  ProcessOutput result;
  char buffer[65536];
  for (;;) {
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n > 0) {
      result.out.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(fds[0]);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0) {
    if (errno != EINTR) return std::nullopt;
  }
  if (!WIFEXITED(wstatus)) return std::nullopt;
  result.status = WEXITSTATUS(wstatus);
  return result;
}

// `dir` and a relative path below it, joined as std::filesystem::path's operator/ joins them.
std::string join(const std::string& dir, std::string_view rel) {
  if (rel.empty()) return dir;
  std::string out;
  out.reserve(dir.size() + 1 + rel.size());
  out += dir;
  if (!out.empty() && out.back() != '/') out += '/';
  out += rel;
  return out;
}

// The part of a '/'-separated relative path before its last component ("" at the top).
std::string_view parent_of(std::string_view rel) {
  const std::size_t slash = rel.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : rel.substr(0, slash);
}

std::string_view name_of(std::string_view rel) { return rel.substr(rel.rfind('/') + 1); }

struct DirectoryEntry {
  std::string name;
  fs::file_type type;  // links not followed
};

// Lists `dir` with readdir(): the entry types come with the names (d_type), so a tree of
// thousands of files costs no stat() per file and no std::filesystem::path per entry.
// Returns false with errno's message when the directory cannot be opened or read through.
bool list_directory(const std::string& dir, std::vector<DirectoryEntry>& entries, std::string& error) {
  entries.clear();
  DIR* handle = opendir(dir.c_str());
  if (!handle) {
    error = std::generic_category().message(errno);
    return false;
  }
  for (;;) {
    errno = 0;
    const dirent* entry = readdir(handle);
    if (!entry) break;
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    fs::file_type type = fs::file_type::unknown;
    switch (entry->d_type) {
      case DT_DIR: type = fs::file_type::directory; break;
      case DT_REG: type = fs::file_type::regular; break;
      case DT_LNK: type = fs::file_type::symlink; break;
      case DT_UNKNOWN: {  // file systems that do not fill d_type
        std::error_code ec;
        type = fs::symlink_status(join(dir, name), ec).type();
        break;
      }
      default: break;  // FIFOs, sockets, devices: never linted
    }
    entries.push_back({std::string(name), type});
  }
  const int read_error = errno;
  closedir(handle);
  if (read_error != 0) {
    error = std::generic_category().message(read_error);
    return false;
  }
  return true;
}

// Collects the lintable files below one command-line directory. Paths below it are kept as
// '/'-separated strings ("drafts/a.md"), which sort in the order they print.
class Walker {
 public:
  Walker(std::string root, fs::path canonical_root, const ExcludePredicate& excluded, const FormatPredicate& configured,
         std::vector<std::string>& errors)
      : root_(std::move(root)),
        canonical_root_(std::move(canonical_root)),
        excluded_(excluded),
        configured_(configured),
        errors_(errors) {}

  struct File {
    std::string shown;     // as printed
    std::string identity;  // as deduplicated (see identity())
  };

  // The files found, sorted, as they will be printed.
  std::vector<File> run() {
    collect(std::string());
    std::sort(found_.begin(), found_.end(), [](const Found& a, const Found& b) { return a.rel < b.rel; });
    std::vector<File> files;
    files.reserve(found_.size());
    for (Found& f : found_) files.push_back({display(f.rel), std::move(f.identity)});
    return files;
  }

 private:
  std::string display(std::string_view rel) const { return join(root_, rel); }

  bool excluded(std::string_view rel) const { return excluded_ && excluded_(fs::path(display(rel))); }

  // Built-in extensions first: asking about the configuration costs a lookup per file.
  bool lintable(std::string_view rel) const {
    return format_for_path(fs::path(name_of(rel))).has_value() || (configured_ && configured_(fs::path(display(rel))));
  }

  // Lists one directory (the root, or a nested repository found in it) with git, or walks it.
  void collect(const std::string& rel_dir) {
    if (!list_with_git(rel_dir)) walk(rel_dir);
  }

  // False when git cannot list `rel_dir`: git missing or failing, no work tree, or the
  // directory itself ignored (a directory named on the command line is linted even then).
  bool list_with_git(const std::string& rel_dir) {
    const fs::path dir = display(rel_dir);
    const auto inside = run_git(dir, {"rev-parse", "--is-inside-work-tree"});
    if (!inside || inside->status != 0 || inside->out != "true\n") return false;
    const auto listed = run_git(dir, {"ls-files", "-z", "--cached", "--others", "--exclude-standard"});
    if (!listed || listed->status != 0) return false;
    if (listed->out.empty()) {
      const auto ignored = run_git(dir, {"check-ignore", "-q", "."});
      if (ignored && ignored->status == 0) return false;
    }
    std::string_view rest = listed->out;
    while (!rest.empty()) {
      const std::size_t end = std::min(rest.find('\0'), rest.size());
      std::string_view entry = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      if (!entry.empty() && entry.back() == '/') entry.remove_suffix(1);  // a nested repository
      if (entry.empty()) continue;
      const std::string rel = join(rel_dir, entry);
      if (skipped_by_ancestors(rel)) continue;
      std::error_code ec;
      const fs::file_type type = fs::symlink_status(display(rel), ec).type();
      if (type == fs::file_type::directory) {
        // A nested repository or submodule: git lists it as one entry; list it in turn.
        if (!excluded(rel) && visit_directory(rel)) collect(rel);
      } else {
        consider_file(rel, type);  // dropped if it no longer exists
      }
    }
    return true;
  }

  // For git's listing: hidden components and excluded directories on the way to `rel`.
  bool skipped_by_ancestors(std::string_view rel) {
    for (std::size_t begin = 0;;) {
      const std::size_t slash = rel.find('/', begin);
      if (hidden(rel.substr(begin, slash - begin))) return true;
      if (slash == std::string_view::npos) return false;
      auto [it, added] = excluded_dirs_.try_emplace(std::string(rel.substr(0, slash)), false);
      if (added) it->second = excluded(it->first);
      if (it->second) return true;
      begin = slash + 1;
    }
  }

  // The file-system walk (no .gitignore). Directory symlinks are never descended, and each
  // directory is entered once, so links cannot make it loop.
  void walk(const std::string& start) {
    std::vector<std::string> pending = {start};
    visit_directory(start);
    std::vector<DirectoryEntry> entries;
    while (!pending.empty()) {
      const std::string rel_dir = std::move(pending.back());
      pending.pop_back();
      std::string error;
      const bool complete = list_directory(display(rel_dir), entries, error);
      for (const DirectoryEntry& entry : entries) {
        if (hidden(entry.name)) continue;
        const std::string rel = join(rel_dir, entry.name);
        if (entry.type == fs::file_type::directory) {
          if (!excluded(rel) && visit_directory(rel)) pending.push_back(rel);
        } else {
          consider_file(rel, entry.type);
        }
      }
      if (!complete) errors_.push_back(display(rel_dir) + ": cannot list directory: " + error);
    }
  }

  // True the first time a (real) directory is seen.
  bool visit_directory(const std::string& rel) { return visited_dirs_.insert(directory_identity(rel)).second; }

  // identity() of a directory, remembered: a file's is its directory's plus its name.
  const std::string& directory_identity(std::string_view rel_dir) {
    auto [it, added] = directory_identities_.try_emplace(std::string(rel_dir));
    if (added) it->second = identity(display(rel_dir));
    return it->second;
  }

  // A non-directory entry: a regular file, or a symlink to a regular file inside the root.
  void consider_file(const std::string& rel, fs::file_type type) {
    std::string file_identity;
    if (type == fs::file_type::symlink) {
      std::error_code ec;
      const fs::path target = fs::canonical(display(rel), ec);
      if (ec || !within(target, canonical_root_) || !fs::is_regular_file(fs::status(target, ec))) return;
      file_identity = target.string();
    } else if (type != fs::file_type::regular) {
      return;
    }
    if (!lintable(rel) || excluded(rel)) return;
    if (file_identity.empty()) {
      // Not a link, so its real path is its directory's real path and its name: no
      // canonical() per file (a system call per path component).
      file_identity = join(directory_identity(parent_of(rel)), name_of(rel));
    }
    found_.push_back({rel, std::move(file_identity)});
  }

  struct Found {
    std::string rel;  // '/'-separated below the root: also the sort key
    std::string identity;
  };

  std::string root_;
  fs::path canonical_root_;
  const ExcludePredicate& excluded_;
  const FormatPredicate& configured_;
  std::vector<std::string>& errors_;
  std::vector<Found> found_;
  std::unordered_set<std::string> visited_dirs_;
  std::unordered_map<std::string, std::string> directory_identities_;
  std::map<std::string, bool> excluded_dirs_;
};

}  // namespace

InputList expand_paths(const std::vector<std::string>& paths, const ExcludePredicate& excluded,
                       const FormatPredicate& configured) {
  InputList out;
  std::unordered_set<std::string> seen;  // identities of the files already listed, and "-"
  auto add = [&](const std::string& shown, const std::string& key) {
    if (seen.insert(key).second) out.files.push_back(shown);
  };
  for (const std::string& path : paths) {
    if (path == "-") {
      add(path, path);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) {
      const bool missing = !ec || ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory;
      out.errors.push_back(path + ": " + (missing ? std::string("no such file or directory") : ec.message()));
      continue;
    }
    if (!fs::is_directory(status)) {
      add(path, identity(path));
      continue;
    }
    const fs::path canonical_root = fs::canonical(path, ec);
    fs::directory_iterator probe(path, ec);
    if (ec) {
      out.errors.push_back(path + ": cannot list directory: " + ec.message());
      continue;
    }
    Walker walker(path, canonical_root, excluded, configured, out.errors);
    for (const Walker::File& file : walker.run()) add(file.shown, file.identity);
  }
  return out;
}

}  // namespace draftlint::cli
