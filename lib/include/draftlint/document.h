// Reading input files and mapping byte offsets to lines and columns.
#pragma once

#include <cstddef>
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
};

struct ReadResult {
  ReadStatus status = ReadStatus::ok;
  std::string text;            // the bytes as read (also filled for invalid_utf8)
  std::string error;           // human-readable reason when status != ok
  std::size_t error_offset = 0;
  bool ok() const { return status == ReadStatus::ok; }
};

// Reads a whole file and checks that it is UTF-8 text.
ReadResult read_file(const std::filesystem::path& path);

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
