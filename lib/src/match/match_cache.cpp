// Locating pattern matches after the gate (see match_cache.h).
#include "match/match_cache.h"

#include <algorithm>

#include <re2/re2.h>

#include "compile/lazy_regex.h"
#include "text/utf8.h"

namespace draftlint::detail {
namespace {

// Chunks are runs of whole paragraphs. A blank line always ends one: a pattern is located only
// in the chunks where the gate passed it, so small chunks are searched less, and "no match
// crosses a blank line" is a rule a rule writer can rely on. Other paragraph starts (every line
// of a text with no blank lines, list items, headings) end a chunk once it holds this many
// bytes, so that a hard-wrapped line is still one text to match, mostly, and a file of a
// million lines is not a million gate calls.
constexpr std::size_t kChunkBytes = 1024;

// True when a blank line (only white space) comes right before `start`.
bool after_blank_line(std::string_view text, std::size_t start) {
  int line_breaks = 0;
  for (std::size_t i = start; i > 0; --i) {
    const char c = text[i - 1];
    if (c == '\n') {
      if (++line_breaks == 2) return true;
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
      return false;
    }
  }
  return false;
}

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
    : table_(table), text_(text), located_(table.size()) {
  std::size_t begin = 0;
  for (std::size_t start : chunk_starts) {
    if (start > begin && start <= text.size() && (start - begin >= kChunkBytes || after_blank_line(text, start))) {
      chunks_.push_back({begin, start});
      begin = start;
    }
  }
  if (begin < text.size() || chunks_.empty()) chunks_.push_back({begin, text.size()});
  const PatternTable::Gate gate = table.choose_gate(text.size());
  for (std::size_t c = 0; c < chunks_.size(); ++c) {
    const Span chunk = chunks_[c];
    for (int id : table.gate(text.substr(chunk.begin, chunk.end - chunk.begin), gate)) {
      located_[static_cast<std::size_t>(id)].chunks.push_back(static_cast<std::uint32_t>(c));
    }
  }
}

void MatchCache::locate_through(int id, std::size_t last) {
  Located& l = located_[static_cast<std::size_t>(id)];
  while (l.done < l.chunks.size() && l.chunks[l.done] <= last) {
    const Span chunk = chunks_[l.chunks[l.done]];
    find_all(table_.pattern(id), text_, chunk.begin, chunk.end, l.spans);
    ++l.done;
  }
}

bool MatchCache::has_match(int id, std::size_t chunk) {
  const Located& l = located_[static_cast<std::size_t>(id)];
  if (!std::binary_search(l.chunks.begin(), l.chunks.end(), static_cast<std::uint32_t>(chunk))) return false;
  const Pattern& pattern = table_.pattern(id);
  const bool located = l.done > 0 && l.chunks[l.done - 1] >= chunk;
  if (located || pattern.phrase || table_.may_match_empty(id)) return !spans_in(id, chunk).empty();
  // Every match is then a span: the first one answers, and its start is not needed.
  const RE2& re = pattern.re->get();
  const Span c = chunks_[chunk];
  return re.ok() && re.Match(re2::StringPiece(text_.data(), text_.size()), c.begin, c.end, RE2::UNANCHORED, nullptr, 0);
}

const std::vector<Span>& MatchCache::spans(int id) {
  locate_through(id, chunks_.size());
  return located_[static_cast<std::size_t>(id)].spans;
}

std::span<const Span> MatchCache::spans_in(int id, std::size_t chunk) {
  locate_through(id, chunk);
  const std::vector<Span>& spans = located_[static_cast<std::size_t>(id)].spans;
  const Span bounds = chunks_[chunk];
  auto first = std::lower_bound(spans.begin(), spans.end(), bounds.begin,
                                [](const Span& s, std::size_t value) { return s.begin < value; });
  auto last = first;
  while (last != spans.end() && last->begin < bounds.end) ++last;
  return {first, last};
}

}  // namespace draftlint::detail
