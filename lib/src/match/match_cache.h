// Per-lint() cache of where each pattern matches. The text is cut into chunks of whole
// paragraphs (about a kilobyte each); the set gate runs once over every chunk, and a
// pattern's spans are located on first request, only in the chunks where the gate saw it.
// So locating costs the size of the chunks that can match, not the size of the document
// times the number of patterns. A match never crosses a chunk boundary, and chunks only
// break between paragraphs. One instance per call, so lint() stays const.
#pragma once

#include <cstddef>
#include <cstdint>
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
  // `chunk_starts` are offsets where a chunk may begin (paragraph starts), ascending.
  MatchCache(const PatternTable& table, std::string_view text, const std::vector<std::size_t>& chunk_starts);

  // Every leftmost, non-overlapping match of pattern `id` in the text, in order. Phrase
  // patterns only match where the text has a word boundary (checked in Unicode).
  const std::vector<Span>& spans(int id);

 private:
  const PatternTable& table_;
  std::string_view text_;
  std::vector<Span> chunks_;
  std::vector<std::vector<std::uint32_t>> chunks_of_;  // per pattern: chunks where the gate hit
  std::vector<std::optional<std::vector<Span>>> spans_;
};

// Every match of `pattern` in text[begin, end), with the same rules as MatchCache::spans();
// the rest of the text is context only (for ^, $ and \b). The second form appends.
std::vector<Span> find_all(const Pattern& pattern, std::string_view text, std::size_t begin, std::size_t end);
void find_all(const Pattern& pattern, std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>& spans);

}  // namespace draftlint::detail
