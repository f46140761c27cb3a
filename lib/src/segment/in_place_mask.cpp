// Masking in place and restoring (see in_place_mask.h).
#include "segment/in_place_mask.h"

#include "segment/templates.h"
#include "text/utf8.h"

namespace draftlint::detail {

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";
}

InPlaceMask::InPlaceMask(std::string& text) : text_(text), bom_(has_bom(text)) {
  if (bom_) text_.replace(0, kBom.size(), "   ");
  for (const Placeholder& p : mask_templates(text_, &originals_)) spans_.push_back(p.span);
}

InPlaceMask::~InPlaceMask() { restore(); }

void InPlaceMask::restore() {
  if (restored_) return;
  std::size_t from = 0;
  for (const Span& s : spans_) {
    text_.replace(s.begin, s.end - s.begin, originals_, from, s.end - s.begin);
    from += s.end - s.begin;
  }
  if (bom_) text_.replace(0, kBom.size(), kBom);
  restored_ = true;
}

}  // namespace draftlint::detail
