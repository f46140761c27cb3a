// Reading input files and mapping byte offsets to lines and columns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "draftlint/diagnostic.h"

namespace draftlint {

enum class ReadStatus {
  ok,            // text holds the file's bytes, valid UTF-8
  not_found,     // no such file
  unreadable,    // exists but cannot be read (permissions, a directory, an I/O error)
  binary,        // contains NUL bytes: not a text file, skipped
  invalid_utf8,  // not valid UTF-8; `error_offset` is the first bad byte
  too_large,     // larger than ReadOptions::max_size: not read
  unsupported_encoding,  // starts with a UTF-16 (or UTF-32) byte-order mark
};

// Limits for read_file().
struct ReadOptions {
  static constexpr std::uintmax_t kDefaultMaxSize = 16u * 1024 * 1024;  // 16 MiB
  std::uintmax_t max_size = kDefaultMaxSize;  // files larger than this are refused (0: no limit)
};

struct ReadResult {
  ReadStatus status = ReadStatus::ok;
  std::string text;            // the bytes as read (also filled for invalid_utf8)
  std::string error;           // human-readable reason when status != ok
  std::size_t error_offset = 0;
  bool ok() const { return status == ReadStatus::ok; }
};

// Reads a whole file and checks that it is UTF-8 text. Only regular files are read (a FIFO,
// a device or a socket is refused as "not a regular file" without being opened), and files
// larger than `options.max_size` are refused without being read.
ReadResult read_file(const std::filesystem::path& path);
ReadResult read_file(const std::filesystem::path& path, const ReadOptions& options);

// A message for a byte count: "16 MiB", "1.5 KiB", "100 bytes".
std::string describe_size(std::uintmax_t bytes);

// Checks bytes obtained elsewhere (stdin, an editor buffer) the same way read_file() does.
ReadResult check_text(std::string bytes);

// Offset of the first byte that is not part of valid UTF-8, or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Maps byte offsets to 1-based lines and code-point columns. A UTF-8 BOM at the start takes
// no column; "\r\n" and "\n" end a line.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  Position position(std::size_t offset) const;
  // The text of a 1-based line without its line ending.
  std::string_view line_text(int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

}  // namespace draftlint
