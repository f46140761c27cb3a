// Masking: the text the matcher sees is the input with everything that is not prose replaced
// by spaces (line breaks kept), so it has the same length and every offset is an offset into
// the input. Plain text masks only a leading byte order mark.
#pragma once

#include <string>
#include <string_view>

namespace draftlint::detail {

std::string mask_plain_text(std::string_view text);

}  // namespace draftlint::detail
