// UTF-8 byte offset → UTF-16 column: code points above U+FFFF take two code units.
#include "format/utf16_columns.h"

#include <algorithm>

#include "text/utf8.h"

namespace draftlint::detail {

int utf16_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  std::size_t start = newline == std::string_view::npos ? 0 : newline + 1;
  if (start == 0 && has_bom(text) && offset >= 3) start = 3;
  int column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_continuation_byte(c)) continue;
    column += c >= 0xF0 ? 2 : 1;  // a four-byte sequence is a surrogate pair
  }
  return column;
}

}  // namespace draftlint::detail
