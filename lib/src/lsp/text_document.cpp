// Document text with LSP positions (UTF-16 code units) and incremental edits (see lsp.h).
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "draftlint/lsp.h"

namespace draftlint::lsp {
namespace {

// Bytes in the UTF-8 sequence led by `c` (1 for a stray continuation byte).
std::size_t sequence_length(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

}  // namespace

TextDocument::TextDocument(std::string text) : text_(std::move(text)) { index(); }

void TextDocument::index() {
  line_starts_.assign(1, 0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text_[i] == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

std::string_view TextDocument::line_text(int line) const {
  if (line < 0 || line >= line_count()) return {};
  const std::size_t start = line_starts_[static_cast<std::size_t>(line)];
  const std::size_t next = static_cast<std::size_t>(line) + 1;
  std::size_t end = next < line_starts_.size() ? line_starts_[next] : text_.size();
  if (end > start && text_[end - 1] == '\n') --end;  // one line break: \n, \r\n or \r
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

std::string_view TextDocument::line_ending() const {
  const std::size_t i = text_.find_first_of("\r\n");
  if (i == std::string::npos || text_[i] == '\n') return "\n";
  return i + 1 < text_.size() && text_[i + 1] == '\n' ? "\r\n" : "\r";
}

std::size_t TextDocument::offset_at(TextPosition position) const {
  if (position.line < 0) return 0;
  if (position.line >= line_count()) return text_.size();
  const std::string_view line = line_text(position.line);
  const std::size_t start = line_starts_[static_cast<std::size_t>(position.line)];
  const int wanted = std::max(position.character, 0);
  int units = 0;
  std::size_t i = 0;
  while (i < line.size() && units < wanted) {
    const std::size_t n = std::min(sequence_length(static_cast<unsigned char>(line[i])), line.size() - i);
    const int width = n == 4 ? 2 : 1;
    if (units + width > wanted) break;  // inside a surrogate pair: the start of the code point
    units += width;
    i += n;
  }
  return start + i;
}

TextPosition TextDocument::position_at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  const std::size_t start = line_starts_[line];
  offset = std::min(offset, start + line_text(static_cast<int>(line)).size());  // not inside "\r\n"
  int units = 0;
  std::size_t i = start;
  while (i < offset) {
    const std::size_t n = sequence_length(static_cast<unsigned char>(text_[i]));
    if (i + n > offset) break;  // inside a sequence: the start of the code point
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return {static_cast<int>(line), units};
}

TextRange TextDocument::range_of(std::size_t offset, std::size_t length) const {
  return {position_at(offset), position_at(offset + length)};
}

void TextDocument::apply_change(const std::optional<TextRange>& range, std::string_view text) {
  if (!range) {
    text_.assign(text);
  } else {
    std::size_t begin = offset_at(range->start);
    std::size_t end = offset_at(range->end);
    if (end < begin) std::swap(begin, end);
    text_.replace(begin, end - begin, text);
  }
  index();
}

// ---------------------------------------------------------------------------------------------
// URIs (RFC 3986 file URIs as editors send them).

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::filesystem::path> path_from_uri(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size() ||
      !std::equal(scheme.begin(), scheme.end(), uri.begin(), [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); })) {
    return std::nullopt;
  }
  uri.remove_prefix(scheme.size());
  // file://host/path: only an empty host or localhost name this machine.
  const std::size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view host = uri.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  uri.remove_prefix(slash);
  if (const std::size_t cut = uri.find_first_of("?#"); cut != std::string_view::npos) uri = uri.substr(0, cut);
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 && hex_value(uri[i + 2]) >= 0) {
      path += static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  // file:///C:/x on Windows.
  if (path.size() >= 3 && path[0] == '/' && std::isalpha(static_cast<unsigned char>(path[1])) && path[2] == ':') path.erase(0, 1);
  return std::filesystem::path(path);
}

std::string uri_from_path(const std::filesystem::path& path) {
  std::string generic = std::filesystem::absolute(path).lexically_normal().generic_string();
  if (generic.empty() || generic[0] != '/') generic.insert(0, "/");
  std::string out = "file://";
  for (char c : generic) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || std::string_view("-._~/!$&'()*+,;=:@").find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

}  // namespace draftlint::lsp
