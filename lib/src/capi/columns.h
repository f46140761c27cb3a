// Columns in other units: a code-point column turned into UTF-16 units or UTF-8 bytes.
#pragma once

#include <cstdint>
#include <string_view>

#include "draftlint/draftlint.h"

namespace draftlint::capi {

// The 1-based column, counted in `unit`, of the 1-based code-point column `column` of `line`
// (a line's text without its line ending, as LineIndex::line_text gives it). Columns past the
// end of the line (the end of a span that takes in the line break) count one unit each.
std::int32_t column_in(std::string_view line, int column, draftlint_unit unit);

}  // namespace draftlint::capi
