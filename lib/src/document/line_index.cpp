// Byte offset → line and code-point column.
#include <algorithm>

#include "draftlint/document.h"
#include "text/utf8.h"

namespace draftlint {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {  // memchr
    starts_.push_back(i + 1);
  }
}

Position LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
  std::size_t start = starts_[line - 1];
  if (start == 0 && detail::has_bom(text_) && offset >= 3) start = 3;
  int column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    if (!detail::is_continuation_byte(static_cast<unsigned char>(text_[i]))) ++column;
  }
  return Position{static_cast<int>(line), column};
}

std::string_view LineIndex::line_text(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::size_t begin = starts_[static_cast<std::size_t>(line - 1)];
  std::size_t end = line < line_count() ? starts_[static_cast<std::size_t>(line)] - 1 : text_.size();
  if (begin == 0 && detail::has_bom(text_)) begin = std::min<std::size_t>(3, end);
  if (end > begin && text_[end - 1] == '\r') --end;
  return text_.substr(begin, end - begin);
}

}  // namespace draftlint
