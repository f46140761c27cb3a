// Fixes: applying the replacements that substitution rules suggest, showing them as a unified
// diff, and writing a fixed file back safely. Shared by the CLI (--fix, --diff) and editors.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "draftlint/diagnostic.h"
#include "draftlint/linter.h"

namespace draftlint {

struct FixResult {
  std::string text;                 // the text with every applied fix
  std::vector<Diagnostic> applied;  // in text order
  std::vector<Diagnostic> skipped;  // had a fix that was left out: it overlaps a fix taken
                                    // first, spans markup, lies outside the text, or would
                                    // change nothing
};

// Applies the fixes of `diagnostics` to `text` in one pass. Overlaps are resolved the same way
// every time: fixes are taken leftmost first, on the same start the longer one first, then by
// rule id; a fix overlapping one already taken is skipped. Fixes that only touch both apply.
// A fix whose span holds markup of `format` (an HTML tag, Markdown emphasis, code or link
// syntax) or template syntax ({{ }}, {% %}, {name}) is skipped: replacing the span would drop
// the markup. Diagnostics without a fix are in neither list.
FixResult apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics,
                      InputFormat format = InputFormat::text);

// Which findings count (e.g. only those on changed lines); others are neither fixed nor kept.
using FindingFilter = std::function<bool(const Diagnostic&)>;

struct FixAllResult {
  std::string text;                   // the fixed text
  std::size_t applied = 0;            // fixes applied over all passes
  std::vector<Diagnostic> remaining;  // the findings of the fixed text (those `keep` keeps)
  bool converged = true;              // false when max_passes ran out with fixes left to apply
};

// Lints `text`, applies the fixes, lints the result again, and so on until a pass applies no
// fix (a fix skipped for overlapping may apply once the other is in) or `max_passes` passes
// have run. Running it again on its own result then changes nothing.
FixAllResult fix_all(const Linter& linter, std::string_view text, const DocumentOptions& options,
                     const FindingFilter& keep = {}, int max_passes = 10);

// A unified diff from `before` to `after`: "--- a/PATH", "+++ b/PATH", then "@@ -a,b +c,d @@"
// hunks with `context` unchanged lines around each change (nearby hunks merge). A last line
// without a line break is followed by "\ No newline at end of file". Empty when equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view path, int context = 3);

// What a file looked like when it was read: its size and modification time (when stamped)
// and a hash of the bytes read.
struct FileStamp {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string content_hash;
};

// Stamps `path` now, with `content` being the bytes just read from it; nullopt when the file
// cannot be examined.
std::optional<FileStamp> stamp_file(const std::filesystem::path& path, std::string_view content);

enum class WriteStatus { written, changed_on_disk, failed };

struct WriteResult {
  WriteStatus status = WriteStatus::written;
  std::string error;  // why, when not written
  bool ok() const { return status == WriteStatus::written; }
};

// Replaces the contents of `path` with `text` atomically: a temporary file in the same
// directory, fsync, rename over the original (through a symbolic link: its target is
// replaced, the link stays). The permission bits are kept. Refuses, writing nothing, when the
// file's size, modification time or content no longer match `expected`.
WriteResult write_file_atomically(const std::filesystem::path& path, std::string_view text, const FileStamp& expected);

}  // namespace draftlint
