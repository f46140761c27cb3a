// The text form a pattern's required literals are looked for in (see prefilter_gate.h). Both
// sides are folded the same way: the built-in pack's literals at build time, each text chunk at
// lint time. Folding only ever merges characters, so a literal of a matching text is always a
// literal of its folded form.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace draftlint::detail {

// ASCII letters lowered; each run of white space (RE2's \s and U+00A0) one space; curly quotes
// straight; the Kelvin sign and long s (which RE2's case folding matches to k and s) as k and
// s. Everything else is copied. Appends to `out`.
void fold_for_literals(std::string_view text, std::string& out);

// One character as fold_for_literals leaves it (a white-space character as one space), or
// nothing for a character it copies unchanged beyond ASCII: RE2 may match a case variant of
// that one which the folding does not merge.
std::optional<char> fold_code_point(char32_t c);

// `regex` with the translator's white-space runs written as one space and its quote classes as
// the straight quote, so that RE2's literal analysis sees whole phrases ("we value your")
// rather than single words. Only for that analysis: the result matches folded text.
std::string join_phrases(std::string_view regex);

}  // namespace draftlint::detail
