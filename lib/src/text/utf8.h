// Small UTF-8 helpers shared by the reader, the line index and the matcher.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace draftlint::detail {

inline bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Decodes the code point starting at `offset` (which must be < text.size()); sets *length to
// its byte length. Invalid bytes decode as themselves with length 1.
char32_t decode_at(std::string_view text, std::size_t offset, std::size_t* length);

// Decodes the code point ending just before `offset` (which must be > 0).
char32_t decode_before(std::string_view text, std::size_t offset);

// True for letters, digits and '_' in ASCII and for code points that may be part of a word in
// other scripts (anything >= U+0080 that is not a space, quote, dash or punctuation mark).
bool is_word_code_point(char32_t c);

// The offset just past the code point at `offset`.
std::size_t next_code_point(std::string_view text, std::size_t offset);

// True when the text starts with a UTF-8 byte order mark.
inline bool has_bom(std::string_view text) { return text.substr(0, 3) == "\xEF\xBB\xBF"; }

}  // namespace draftlint::detail
