// Template tags by hand (see template_scanner.h).
#include "segment/template_scanner.h"

#include <algorithm>

#include "text/utf8.h"

namespace draftlint::detail {
namespace {

// Block tags: opening, closing, in the order the regex tries them.
struct Block {
  std::string_view open;
  std::string_view close;
};
constexpr std::array<Block, 5> kBlocks = {{{"{{!--", "--}}"}, {"{{{", "}}}"}, {"{{", "}}"}, {"{%", "%}"}, {"{#", "#}"}}};

// The longest an ICU placeholder's arguments may be, in code points: {name, plural, ...}.
constexpr std::size_t kMaxArgumentCodePoints = 80;

bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return is_alpha(c) || c == '_'; }

}  // namespace

TemplateScanner::TemplateScanner(std::string_view text) : text_(text) {
  for (std::size_t b = 0; b < kBlocks.size(); ++b) closers_[b] = NextOccurrence(kBlocks[b].close);
}

std::optional<Span> TemplateScanner::next(std::size_t from) {
  // The nearer of the next '{' and the next '%', each found with memchr and remembered.
  for (std::size_t at = from;;) {
    at = std::min(next_brace_.at_or_after(text_, at), next_percent_.at_or_after(text_, at));
    if (at == std::string_view::npos) return std::nullopt;
    if (const auto end = tag_at(at)) return Span{at, *end};
    ++at;
  }
}

std::size_t TemplateScanner::NextOccurrence::at_or_after(std::string_view text, std::size_t from) {
  if (!known_ || from < from_ || (at_ != std::string_view::npos && at_ < from)) {
    known_ = true;
    from_ = from;
    at_ = needle_.size() == 1 ? text.find(needle_[0], from) : text.find(needle_, from);
  }
  return at_;
}

std::optional<std::size_t> TemplateScanner::tag_at(std::size_t at) {
  return text_[at] == '{' ? brace_tag_at(at) : printf_tag_at(at);
}

std::optional<std::size_t> TemplateScanner::brace_tag_at(std::size_t at) {
  const std::string_view rest = text_.substr(at);
  // {{ ... }} and the like: the shortest body up to the closing delimiter, over line breaks.
  for (std::size_t b = 0; b < kBlocks.size(); ++b) {
    if (!rest.starts_with(kBlocks[b].open)) continue;
    const std::size_t close = closers_[b].at_or_after(text_, at + kBlocks[b].open.size());
    if (close != std::string_view::npos) return close + kBlocks[b].close.size();
  }
  // {name} or {name, arguments}: an ASCII name, then up to 80 code points with no brace or
  // line break before the closing brace.
  std::size_t i = at + 1;
  if (i >= text_.size() || !is_name_start(text_[i])) return std::nullopt;
  ++i;
  while (i < text_.size() && (is_name_start(text_[i]) || is_digit(text_[i]) || text_[i] == '.')) ++i;
  if (i < text_.size() && text_[i] == ',') {
    ++i;
    std::size_t code_points = 0;
    for (; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '{' || c == '}' || c == '\n') break;
      if (!is_continuation_byte(static_cast<unsigned char>(c)) && code_points++ == kMaxArgumentCodePoints) break;
    }
  }
  if (i < text_.size() && text_[i] == '}') return i + 1;
  return std::nullopt;
}

std::optional<std::size_t> TemplateScanner::printf_tag_at(std::size_t at) const {
  const std::size_t n = text_.size();
  auto in = [](char c, std::string_view set) { return set.find(c) != std::string_view::npos; };
  // Flags, width and precision, then a conversion from `conversions`; each run is taken
  // whole, as no shorter one could be followed by a conversion letter.
  auto conversion_from = [&](std::size_t i, std::string_view conversions) -> std::optional<std::size_t> {
    while (i < n && in(text_[i], "-+#0")) ++i;
    while (i < n && is_digit(text_[i])) ++i;
    if (i + 1 < n && text_[i] == '.' && is_digit(text_[i + 1])) {
      i += 2;
      while (i < n && is_digit(text_[i])) ++i;
    }
    if (i < n && in(text_[i], conversions)) return i + 1;
    return std::nullopt;
  };
  // %(name)s
  if (at + 2 < n && text_[at + 1] == '(' && is_name_start(text_[at + 2])) {
    std::size_t i = at + 3;
    while (i < n && (is_name_start(text_[i]) || is_digit(text_[i]))) ++i;
    if (i < n && text_[i] == ')') {
      if (const auto end = conversion_from(i + 1, "sdifrxXeEgGc")) return end;
    }
  }
  // %1$s
  std::size_t i = at + 1;
  while (i < n && is_digit(text_[i])) ++i;
  if (i > at + 1 && i + 1 < n && text_[i] == '$' && (text_[i + 1] == 's' || text_[i + 1] == 'd')) return i + 2;
  // %s, %05.2f
  return conversion_from(at + 1, "sdif");
}

}  // namespace draftlint::detail
