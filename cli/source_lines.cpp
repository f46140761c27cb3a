// Finding the source lines of findings (see source_lines.h).
#include "source_lines.h"

#include <algorithm>

namespace draftlint::cli {

std::string_view LineFinder::line_around(std::size_t offset) {
  offset = std::min(offset, text_.size());
  if (!(begin_ <= offset && offset <= end_ && scanned_)) {
    const std::size_t newline = offset == 0 ? std::string_view::npos : text_.rfind('\n', offset - 1);
    begin_ = newline == std::string_view::npos ? 0 : newline + 1;
    end_ = std::min(text_.find('\n', offset), text_.size());
    scanned_ = true;
  }
  std::size_t begin = begin_, end = end_;
  if (begin == 0 && text_.starts_with("\xEF\xBB\xBF")) begin = std::min<std::size_t>(3, end);
  if (end > begin && text_[end - 1] == '\r') --end;
  return text_.substr(begin, end - begin);
}

FindingLines::FindingLines(std::string text, const std::vector<Diagnostic>& diagnostics) {
  spans_.reserve(diagnostics.size());
  LineFinder lines(text);
  std::size_t needed = 0;
  int previous = 0;
  for (const Diagnostic& d : diagnostics) {
    const std::string_view line = lines.line_around(d.offset);
    spans_.push_back({static_cast<std::size_t>(line.data() - text.data()), line.size()});
    if (d.start.line != previous) needed += line.size();
    previous = d.start.line;
  }
  if (needed * 4 >= text.size()) {
    bytes_ = std::move(text);
    return;
  }
  bytes_.reserve(needed);
  previous = 0;
  for (std::size_t i = 0; i < spans_.size(); ++i) {
    // Findings come in offset order: one copy of a line serves all the findings on it.
    if (diagnostics[i].start.line != previous) {
      const std::size_t copied_at = bytes_.size();
      bytes_.append(text, spans_[i].first, spans_[i].second);
      spans_[i].first = copied_at;
    } else {
      spans_[i].first = spans_[i - 1].first;
    }
    previous = diagnostics[i].start.line;
  }
}

}  // namespace draftlint::cli
