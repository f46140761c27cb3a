// Turns what rule authors write (phrases in `tokens`, RE2 in `patterns`) into the RE2 text the
// matcher runs. Both get the same conveniences: straight and curly quotes are equal and a
// space matches any run of whitespace, line breaks included, so matches survive line wraps.
#pragma once

#include <string>
#include <string_view>

namespace draftlint::detail {

// What the translation writes for a run of white space (RE2's \s is ASCII only, and text
// pasted from a word processor is full of U+00A0) and for a quote of either kind. The literal
// prefilter (compile/literal_text.h) recognises exactly these strings.
inline constexpr std::string_view kSpaceRun = "[\\s\\x{A0}]+";
inline constexpr std::string_view kSingleQuoteClass = "['\u2018\u2019]";
inline constexpr std::string_view kDoubleQuoteClass = "[\"\u201C\u201D]";

// A phrase as a regex: metacharacters literal, words joined by \s+, quotes equalised, and \b
// on each side whose edge is an ASCII word character (other boundaries are checked after
// matching, in Unicode). "A.S.A.P." and "(sic)" keep no boundary on their punctuation sides.
std::string phrase_to_regex(std::string_view phrase);

// An RE2 pattern with the conveniences applied: outside a character class ' and " match
// their curly forms and a run of spaces (not followed by a quantifier) becomes \s+; inside a
// class, ' and " add their curly forms. Escapes and \Q…\E are left alone.
std::string translate_pattern(std::string_view pattern);

// Prefixes the case flag: "(?i)" when ignorecase.
std::string with_case(std::string_view regex, bool ignorecase);

}  // namespace draftlint::detail
