// Per-lint() cache of where each pattern matches: the set gate runs once, and each pattern's
// spans are located on first request only. One instance per call, so lint() stays const.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "compile/pattern_table.h"

namespace draftlint::detail {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

class MatchCache {
 public:
  MatchCache(const PatternTable& table, std::string_view text);

  // Every leftmost, non-overlapping match of pattern `id` in the text, in order. Phrase
  // patterns only match where the text has a word boundary (checked in Unicode).
  const std::vector<Span>& spans(int id);

 private:
  const PatternTable& table_;
  std::string_view text_;
  std::vector<char> may_match_;
  std::vector<std::optional<std::vector<Span>>> spans_;
};

// Every match of `re` in text[begin, end), with the same rules as MatchCache::spans().
std::vector<Span> find_all(const Pattern& pattern, std::string_view text, std::size_t begin, std::size_t end);

}  // namespace draftlint::detail
