// The source line of each finding, for the text output: found around the finding's offset,
// and kept (as a copy of those lines, or the whole text) so the text output can print them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <draftlint/diagnostic.h>

namespace draftlint::cli {

// The line holding byte `offset`, as LineIndex::line_text gives it (no line end, no BOM):
// found by scanning around the offset, because a LineIndex of a large file costs 8 bytes a
// line. Offsets come in ascending order, so each line is scanned once, however many
// findings it holds.
class LineFinder {
 public:
  explicit LineFinder(std::string_view text) : text_(text) {}
  std::string_view line_around(std::size_t offset);

 private:
  std::string_view text_;
  std::size_t begin_ = 0, end_ = 0;  // the last line found, before trimming
  bool scanned_ = false;
};

// The source lines the text format prints, one per finding, taken from the file's text so
// that the text can be freed before printing. When they are a quarter of it or more the text
// is kept instead: the copy is made while the text and the findings are all held, the peak
// of a large file's run.
class FindingLines {
 public:
  FindingLines() = default;
  FindingLines(std::string text, const std::vector<Diagnostic>& diagnostics);
  std::string_view line(std::size_t finding) const {
    return std::string_view(bytes_).substr(spans_[finding].first, spans_[finding].second);
  }

 private:
  std::string bytes_;
  std::vector<std::pair<std::size_t, std::size_t>> spans_;  // per finding: offset, length in bytes_
};

}  // namespace draftlint::cli
