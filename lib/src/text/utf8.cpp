// UTF-8 decoding for word boundaries and column counting.
#include "text/utf8.h"

namespace draftlint::detail {

char32_t decode_at(std::string_view text, std::size_t offset, std::size_t* length) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  std::size_t size = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (size == 0 || offset + size > text.size()) {
    *length = 1;
    return lead;
  }
  char32_t c = size == 1 ? lead : size == 2 ? (lead & 0x1F) : size == 3 ? (lead & 0x0F) : (lead & 0x07);
  for (std::size_t i = 1; i < size; ++i) {
    const auto byte = static_cast<unsigned char>(text[offset + i]);
    if (!is_continuation_byte(byte)) {
      *length = 1;
      return lead;
    }
    c = (c << 6) | (byte & 0x3F);
  }
  *length = size;
  return c;
}

char32_t decode_before(std::string_view text, std::size_t offset) {
  std::size_t start = offset - 1;
  while (start > 0 && offset - start < 4 && is_continuation_byte(static_cast<unsigned char>(text[start]))) --start;
  std::size_t length = 0;
  const char32_t c = decode_at(text, start, &length);
  return start + length == offset ? c : static_cast<unsigned char>(text[offset - 1]);
}

bool is_word_code_point(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  if (c == 0xA0 || c == 0xAD || (c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7) return false;  // Latin-1 symbols
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation: spaces, dashes, quotes
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c == 0xFEFF || c == 0xFFFD) return false;
  if (c >= 0xE000 && c <= 0xF8FF) return false;  // private use: our placeholder markers
  return true;
}

std::size_t next_code_point(std::string_view text, std::size_t offset) {
  std::size_t length = 1;
  decode_at(text, offset, &length);
  return offset + length;
}

}  // namespace draftlint::detail
