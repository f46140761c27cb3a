// The literals a regex needs, worked out at load time from its text. The built-in pack's
// filters come from the build (builtin_prefilters.h, with RE2's own analysis, which needs every
// pattern compiled); a user pack's patterns get theirs here, by reading the regex syntax, so
// that the literal gate can pass over them too instead of the RE2::Set having to hold them all.
//
// The reading is deliberately partial: whatever it does not know for certain (an unusual
// escape, a flag it does not expect) makes it give up, and a pattern without a filter is a
// candidate everywhere. Every filter it returns is sound: a text the regex matches, folded
// (literal_text.h), holds it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace draftlint::detail {

struct LiteralFormula {
  enum Kind { literal, all, any } kind = literal;
  std::string text;                   // a literal's, folded: kMinLength bytes or more, or one telling byte
  std::vector<LiteralFormula> parts;  // for all / any, at least two
};

// The filter of `regex` (as the translator writes it: the space-run and quote classes are
// understood), or nothing when the regex needs no literal it can name.
std::optional<LiteralFormula> literal_filter(std::string_view regex);

}  // namespace draftlint::detail
