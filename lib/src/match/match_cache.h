// Per-lint() cache of where each pattern matches. The text is cut into chunks of whole
// paragraphs, a blank line always ending one (see match_cache.cpp); the gate runs once over
// every chunk, and a pattern is located only in the chunks where the gate passed it, chunk by
// chunk and only as far as a caller has asked. So locating costs the size of the chunks that
// can match, not the size of the document times the number of patterns, and a check that
// needs only the first match stops there. A match never crosses a chunk boundary, and chunks
// only break between paragraphs. One instance per call, so lint() stays const.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
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

  // The same matches, only those inside chunk `chunk`. Locates no further than that chunk, so
  // a caller walking the chunks in order can stop early.
  std::span<const Span> spans_in(int id, std::size_t chunk);

  // True when spans_in(id, chunk) is not empty. For a pattern that is no phrase and cannot
  // match an empty string that is one forward search that stops at the first match.
  bool has_match(int id, std::size_t chunk);

  // The chunks where the gate passed pattern `id`, ascending: it may match there, and it
  // matches nowhere else.
  std::span<const std::uint32_t> gate_chunks(int id) const { return located_[static_cast<std::size_t>(id)].chunks; }

 private:
  struct Located {
    std::vector<std::uint32_t> chunks;  // chunks where the gate passed the pattern, ascending
    std::size_t done = 0;               // how many of them are located into `spans`
    std::vector<Span> spans;
  };
  // Locates pattern `id` in its gate chunks up to and including chunk `last`.
  void locate_through(int id, std::size_t last);

  const PatternTable& table_;
  std::string_view text_;
  std::vector<Span> chunks_;
  std::vector<Located> located_;
};

// Every match of `pattern` in text[begin, end), with the same rules as MatchCache::spans();
// the rest of the text is context only (for ^, $ and \b). The second form appends.
std::vector<Span> find_all(const Pattern& pattern, std::string_view text, std::size_t begin, std::size_t end);
void find_all(const Pattern& pattern, std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>& spans);

}  // namespace draftlint::detail
