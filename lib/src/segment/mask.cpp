// Masking of non-prose bytes (see mask.h).
#include "segment/mask.h"

#include "text/utf8.h"

namespace draftlint::detail {

std::string mask_plain_text(std::string_view text) {
  std::string masked(text);
  if (has_bom(masked)) masked.replace(0, 3, "   ");
  return masked;
}

}  // namespace draftlint::detail
