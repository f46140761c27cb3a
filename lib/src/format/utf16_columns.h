// Columns in UTF-16 code units, as SARIF counts them by default.
#pragma once

#include <cstddef>
#include <string_view>

namespace draftlint::detail {

// The 1-based UTF-16 column of byte `offset` in `text`: one plus the UTF-16 code units from
// the start of its line ("\n" ends a line; a BOM at the start of the text takes no column).
int utf16_column(std::string_view text, std::size_t offset);

}  // namespace draftlint::detail
