// Reading files as UTF-8 text: binary and invalid input are reported, never linted blindly.
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "draftlint/document.h"
#include "text/utf8.h"

namespace draftlint {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    char32_t min = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2, min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3, min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4, min = 0x10000;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    std::size_t decoded = 0;
    const char32_t c = detail::decode_at(text, i, &decoded);
    if (decoded != length || c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return i;
    i += length;
  }
  return std::nullopt;
}

ReadResult check_text(std::string bytes) {
  ReadResult result;
  result.text = std::move(bytes);
  if (const std::size_t nul = result.text.find('\0'); nul != std::string::npos) {
    result.status = ReadStatus::binary;
    result.error_offset = nul;
    result.error = fmt::format("binary file (NUL byte at offset {}), skipped", nul);
    return result;
  }
  if (auto bad = find_invalid_utf8(result.text)) {
    result.status = ReadStatus::invalid_utf8;
    result.error_offset = *bad;
    result.error = fmt::format("invalid UTF-8 at byte offset {}", *bad);
  }
  return result;
}

ReadResult read_file(const std::filesystem::path& path) {
  ReadResult result;
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    result.status = ReadStatus::not_found;
    result.error = "no such file or directory";
    return result;
  }
  if (std::filesystem::is_directory(status)) {
    result.status = ReadStatus::unreadable;
    result.error = "is a directory";
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.status = ReadStatus::unreadable;
    result.error = "cannot open the file (permission denied?)";
    return result;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    result.status = ReadStatus::unreadable;
    result.error = "I/O error while reading";
    return result;
  }
  return check_text(std::move(buffer).str());
}

}  // namespace draftlint
