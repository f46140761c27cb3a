// Reading files as UTF-8 text: binary and invalid input are reported, never linted blindly.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <limits>

#include <fmt/format.h>

#include "draftlint/document.h"
#include "text/utf8.h"

namespace draftlint {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Eight ASCII bytes at a time: most of a notice is ASCII.
    if (i + 8 <= text.size()) {
      std::uint64_t eight = 0;
      std::memcpy(&eight, text.data() + i, 8);
      if ((eight & 0x8080808080808080) == 0) {
        i += 8;
        continue;
      }
    }
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    char32_t min = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2, min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3, min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4, min = 0x10000;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    std::size_t decoded = 0;
    const char32_t c = detail::decode_at(text, i, &decoded);
    if (decoded != length || c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return i;
    i += length;
  }
  return std::nullopt;
}

std::string describe_size(std::uintmax_t bytes) {
  constexpr std::uintmax_t kKiB = 1024, kMiB = kKiB * 1024, kGiB = kMiB * 1024;
  auto scaled = [&](std::uintmax_t unit, const char* name) {
    if (bytes % unit == 0) return fmt::format("{} {}", bytes / unit, name);
    return fmt::format("{:.1f} {}", static_cast<double>(bytes) / static_cast<double>(unit), name);
  };
  if (bytes >= kGiB) return scaled(kGiB, "GiB");
  if (bytes >= kMiB) return scaled(kMiB, "MiB");
  if (bytes >= kKiB) return scaled(kKiB, "KiB");
  return fmt::format("{} byte{}", bytes, bytes == 1 ? "" : "s");
}

ReadResult check_text(std::string bytes) {
  ReadResult result;
  result.text = std::move(bytes);
  // UTF-16 and UTF-32 text is full of NUL bytes: say what it is rather than "binary".
  const std::string_view head(result.text.data(), std::min<std::size_t>(result.text.size(), 4));
  const bool utf32 = head == std::string_view("\xFF\xFE\0\0", 4) || head == std::string_view("\0\0\xFE\xFF", 4);
  if (utf32 || head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    result.status = ReadStatus::unsupported_encoding;
    result.error = utf32 ? "UTF-32 is not supported; convert to UTF-8" : "UTF-16 is not supported; convert to UTF-8";
    return result;
  }
  if (const std::size_t nul = result.text.find('\0'); nul != std::string::npos) {
    result.status = ReadStatus::binary;
    result.error_offset = nul;
    result.error = fmt::format("binary file (NUL byte at offset {}), skipped", nul);
    return result;
  }
  if (auto bad = find_invalid_utf8(result.text)) {
    result.status = ReadStatus::invalid_utf8;
    result.error_offset = *bad;
    result.error = fmt::format("invalid UTF-8 at byte offset {}", *bad);
  }
  return result;
}

ReadResult read_file(const std::filesystem::path& path) { return read_file(path, ReadOptions{}); }

ReadResult read_file(const std::filesystem::path& path, const ReadOptions& options) {
  ReadResult result;
  auto fail = [&](ReadStatus status, std::string error) {
    result.status = status;
    result.error = std::move(error);
    result.text.clear();
    return result;
  };
  auto too_large = [&](std::uintmax_t size, bool at_least) {
    return fail(ReadStatus::too_large,
                fmt::format("file too large ({}{}; the limit is {}, see --max-file-size), skipped",
                            at_least ? "more than " : "", describe_size(size), describe_size(options.max_size)));
  };
  // stat() before open(): opening a FIFO would block, and reading a device may never end.
  struct stat before {};
  if (::stat(path.c_str(), &before) != 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR) return fail(ReadStatus::not_found, "no such file or directory");
    return fail(ReadStatus::unreadable, fmt::format("cannot read the file: {}", std::strerror(err)));
  }
  if (S_ISDIR(before.st_mode)) return fail(ReadStatus::unreadable, "is a directory");
  if (!S_ISREG(before.st_mode)) return fail(ReadStatus::unreadable, "not a regular file (a FIFO, device or socket), skipped");
  if (options.max_size && static_cast<std::uintmax_t>(before.st_size) > options.max_size) {
    return too_large(static_cast<std::uintmax_t>(before.st_size), false);
  }
  // O_NONBLOCK: if the path was swapped for a FIFO after stat(), open() does not hang.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return fail(ReadStatus::not_found, "no such file or directory");
    if (err == EACCES || err == EPERM) return fail(ReadStatus::unreadable, "cannot open the file: permission denied");
    return fail(ReadStatus::unreadable, fmt::format("cannot open the file: {}", std::strerror(err)));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat opened {};
  if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
    return fail(ReadStatus::unreadable, "not a regular file (a FIFO, device or socket), skipped");
  }
  // Read at most max_size + 1 bytes: a file that grows while we read is still bounded.
  const std::uintmax_t limit = options.max_size ? options.max_size + 1 : std::numeric_limits<std::uintmax_t>::max();
  // Read straight into a string of the file's size: one allocation, no copy. Past that size
  // (a file that grew since fstat()) reads go through a small buffer, still bounded by `limit`.
  std::string bytes(static_cast<std::size_t>(std::min<std::uintmax_t>(std::max<off_t>(opened.st_size, 0), limit)), '\0');
  std::size_t filled = 0;
  char more[4096];
  while (filled < limit) {
    const bool sized = filled < bytes.size();
    const std::size_t want =
        sized ? bytes.size() - filled : static_cast<std::size_t>(std::min<std::uintmax_t>(sizeof more, limit - filled));
    const ssize_t n = ::read(fd, sized ? bytes.data() + filled : more, want);
    if (n > 0) {
      if (!sized) bytes.append(more, static_cast<std::size_t>(n));
      filled += static_cast<std::size_t>(n);
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      return fail(ReadStatus::unreadable, fmt::format("I/O error while reading: {}", std::strerror(errno)));
    }
  }
  bytes.resize(filled);  // shorter when the file shrank
  if (options.max_size && bytes.size() > options.max_size) return too_large(options.max_size, true);
  return check_text(std::move(bytes));
}

}  // namespace draftlint
