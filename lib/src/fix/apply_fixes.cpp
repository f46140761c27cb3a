// One pass of fixes over a text, with a fixed order for overlapping ones.
#include <algorithm>
#include <numeric>

#include "draftlint/fix.h"

namespace draftlint {
namespace {

// The linter matches prose, so a span can run across markup ("prior <b>to</b>"); a plain
// replacement there would eat the tag. Entities (&nbsp;) and line breaks are fine to replace.
bool spans_markup(std::string_view span, InputFormat format) {
  std::string_view markup = "{}";  // template syntax, in every format
  if (format == InputFormat::html) markup = "{}<>";
  if (format == InputFormat::markdown) markup = "{}<>*_`[]\\~|";
  return span.find_first_of(markup) != std::string_view::npos;
}

}  // namespace

FixResult apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, InputFormat format) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (diagnostics[i].fix) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Fix& x = *diagnostics[a].fix;
    const Fix& y = *diagnostics[b].fix;
    if (x.offset != y.offset) return x.offset < y.offset;
    if (x.length != y.length) return x.length > y.length;
    return diagnostics[a].rule < diagnostics[b].rule;
  });

  FixResult result;
  std::size_t copied = 0;  // text before this offset is already in result.text
  bool any = false;
  for (std::size_t i : order) {
    const Diagnostic& d = diagnostics[i];
    const Fix& fix = *d.fix;
    const bool inside = fix.offset <= text.size() && fix.length <= text.size() - fix.offset;
    const bool overlaps = any && fix.offset < copied;
    const std::string_view span = inside ? text.substr(fix.offset, fix.length) : std::string_view();
    const bool no_op = span == fix.replacement;
    if (!inside || overlaps || no_op || spans_markup(span, format)) {
      result.skipped.push_back(d);
      continue;
    }
    result.text.append(text.substr(copied, fix.offset - copied));
    result.text += fix.replacement;
    copied = fix.offset + fix.length;
    any = true;
    result.applied.push_back(d);
  }
  result.text.append(text.substr(std::min(copied, text.size())));
  return result;
}

}  // namespace draftlint
