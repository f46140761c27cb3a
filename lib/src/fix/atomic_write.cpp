// Writing a fixed file back: never half-written (temporary file, fsync, rename), never over
// someone else's edit (size, mtime and content must still be what was read).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

#include "draftlint/fix.h"
#include "format/sha256.h"

namespace draftlint {
namespace {

std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

std::string errno_text() { return std::strerror(errno); }

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

WriteResult failed(std::string error) { return {WriteStatus::failed, std::move(error)}; }

// Test hook, not a feature: DRAFTLINT_FAULT_INJECT=STEP kills the process with SIGKILL right
// after STEP (created, half-written, synced, closed, renamed), so tests/scripts/fix_kill_test.sh
// can prove that an interrupted --fix leaves the old or the new file, never a mix.
void fault_point(const char* step) {
  static const char* const wanted = std::getenv("DRAFTLINT_FAULT_INJECT");
  if (wanted && std::strcmp(wanted, step) == 0) ::raise(SIGKILL);
}

}  // namespace

std::optional<FileStamp> stamp_file(const std::filesystem::path& path, std::string_view content) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileStamp{static_cast<std::uintmax_t>(st.st_size), mtime_ns(st), detail::sha256_hex(content)};
}

WriteResult write_file_atomically(const std::filesystem::path& path, std::string_view text, const FileStamp& expected) {
  // Through a symbolic link, replace the file it points at and keep the link.
  std::error_code ec;
  std::filesystem::path target = path;
  if (std::filesystem::is_symlink(path, ec)) {
    target = std::filesystem::canonical(path, ec);
    if (ec) return failed("cannot resolve the symbolic link: " + ec.message());
  }

  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) return failed("cannot examine the file: " + errno_text());
  std::string current;
  {
    std::ifstream in(target, std::ios::binary);
    if (!in) return failed("cannot read the file again: " + errno_text());
    current.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (static_cast<std::uintmax_t>(st.st_size) != expected.size || mtime_ns(st) != expected.mtime_ns ||
      detail::sha256_hex(current) != expected.content_hash) {
    return {WriteStatus::changed_on_disk, "the file changed on disk after it was read; not written"};
  }

  const std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string temporary = (directory / ("." + target.filename().string() + ".draftlint-XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return failed("cannot create a temporary file in " + directory.string() + ": " + errno_text());
  auto abandon = [&](std::string error) {
    ::close(fd);
    ::unlink(temporary.c_str());
    return failed(std::move(error));
  };
  fault_point("created");
  const std::size_t half = text.size() / 2;
  if (!write_all(fd, text.substr(0, half))) return abandon("cannot write " + temporary + ": " + errno_text());
  fault_point("half-written");
  if (!write_all(fd, text.substr(half))) return abandon("cannot write " + temporary + ": " + errno_text());
  // Keep the permission bits (mkstemp creates 0600); the owner too when we may.
  if (::fchmod(fd, st.st_mode & 07777) != 0) return abandon("cannot set the file mode: " + errno_text());
  if (::fchown(fd, st.st_uid, st.st_gid) != 0 && errno != EPERM) return abandon("cannot set the owner: " + errno_text());
  if (::fsync(fd) != 0) return abandon("cannot flush " + temporary + ": " + errno_text());
  fault_point("synced");
  if (::close(fd) != 0) {
    ::unlink(temporary.c_str());
    return failed("cannot close " + temporary + ": " + errno_text());
  }
  fault_point("closed");  // the last moment before the rename
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    const std::string error = errno_text();
    ::unlink(temporary.c_str());
    return failed("cannot replace the file: " + error);
  }
  fault_point("renamed");
  // The rename itself is durable only once the directory is flushed.
  const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return {};
}

}  // namespace draftlint
