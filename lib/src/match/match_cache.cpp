// Locating pattern matches after the set gate (see match_cache.h).
#include "match/match_cache.h"

#include <re2/re2.h>

#include "text/utf8.h"

namespace draftlint::detail {
namespace {

// A phrase that starts or ends with a word character must not continue a word of the text:
// RE2's \b only knows ASCII, so "caf" must not match inside "café".
bool at_word_boundaries(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin == end) return true;
  std::size_t length = 0;
  if (begin > 0 && is_word_code_point(decode_at(text, begin, &length)) &&
      is_word_code_point(decode_before(text, begin))) {
    return false;
  }
  if (end < text.size() && is_word_code_point(decode_before(text, end)) &&
      is_word_code_point(decode_at(text, end, &length))) {
    return false;
  }
  return true;
}

}  // namespace

std::vector<Span> find_all(const Pattern& pattern, std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Span> spans;
  const re2::StringPiece input(text.data(), end);
  re2::StringPiece found;
  std::size_t pos = begin;
  while (pos <= end && pattern.re->Match(input, pos, end, RE2::UNANCHORED, &found, 1)) {
    const auto match_begin = static_cast<std::size_t>(found.data() - text.data());
    const std::size_t match_end = match_begin + found.size();
    if (pattern.phrase && !at_word_boundaries(text, match_begin, match_end)) {
      if (match_begin >= end) break;
      pos = next_code_point(text, match_begin);
      continue;
    }
    if (match_end > match_begin) spans.push_back({match_begin, match_end});
    if (match_end == match_begin) {
      if (match_end >= end) break;
      pos = next_code_point(text, match_end);
    } else {
      pos = match_end;
    }
  }
  return spans;
}

MatchCache::MatchCache(const PatternTable& table, std::string_view text)
    : table_(table), text_(text), may_match_(table.size(), 0), spans_(table.size()) {
  for (int id : table.gate(text)) may_match_[static_cast<std::size_t>(id)] = 1;
}

const std::vector<Span>& MatchCache::spans(int id) {
  auto& slot = spans_[static_cast<std::size_t>(id)];
  if (!slot) {
    slot = may_match_[static_cast<std::size_t>(id)] ? find_all(table_.pattern(id), text_, 0, text_.size())
                                                    : std::vector<Span>{};
  }
  return *slot;
}

}  // namespace draftlint::detail
