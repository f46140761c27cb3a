// Code-point columns to UTF-16 and UTF-8 columns, walking the line's code points.
#include "capi/columns.h"

#include "text/utf8.h"

namespace draftlint::capi {

std::int32_t column_in(std::string_view line, int column, draftlint_unit unit) {
  if (unit == DRAFTLINT_UNIT_CODE_POINT) return column;
  std::int64_t units = 0;
  int code_points = 1;
  std::size_t offset = 0;
  while (code_points < column && offset < line.size()) {
    std::size_t length = 1;
    const char32_t c = detail::decode_at(line, offset, &length);
    if (unit == DRAFTLINT_UNIT_UTF16) {
      units += c >= 0x10000 ? 2 : 1;
    } else {
      units += static_cast<std::int64_t>(length);
    }
    offset += length;
    ++code_points;
  }
  if (code_points < column) units += column - code_points;
  return static_cast<std::int32_t>(units + 1);
}

}  // namespace draftlint::capi
