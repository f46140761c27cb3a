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

namespace {

constexpr std::size_t kChunkBytes = 1024;

}  // namespace

std::vector<Span> find_all(const Pattern& pattern, std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Span> spans;
  find_all(pattern, text, begin, end, spans);
  return spans;
}

void find_all(const Pattern& pattern, std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>& spans) {
  // The whole text is the context, so ^, $ and \b see the real neighbours of the range.
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece found;
  std::size_t pos = begin;
  const RE2& re = pattern.re->get();
  if (!re.ok()) return;  // refused at compile time (a memory limit); matches nothing
  while (pos <= end && re.Match(input, pos, end, RE2::UNANCHORED, &found, 1)) {
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
}

MatchCache::MatchCache(const PatternTable& table, std::string_view text, const std::vector<std::size_t>& chunk_starts)
    : table_(table), text_(text), chunks_of_(table.size()), spans_(table.size()) {
  std::size_t begin = 0;
  for (std::size_t start : chunk_starts) {
    if (start > begin && start - begin >= kChunkBytes && start <= text.size()) {
      chunks_.push_back({begin, start});
      begin = start;
    }
  }
  if (begin < text.size() || chunks_.empty()) chunks_.push_back({begin, text.size()});
  for (std::size_t c = 0; c < chunks_.size(); ++c) {
    const Span chunk = chunks_[c];
    for (int id : table.gate(text.substr(chunk.begin, chunk.end - chunk.begin))) {
      chunks_of_[static_cast<std::size_t>(id)].push_back(static_cast<std::uint32_t>(c));
    }
  }
}

const std::vector<Span>& MatchCache::spans(int id) {
  auto& slot = spans_[static_cast<std::size_t>(id)];
  if (!slot) {
    slot.emplace();
    for (std::uint32_t c : chunks_of_[static_cast<std::size_t>(id)]) {
      find_all(table_.pattern(id), text_, chunks_[c].begin, chunks_[c].end, *slot);
    }
  }
  return *slot;
}

}  // namespace draftlint::detail
