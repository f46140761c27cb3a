// Helpers for document-level kinds: which hits fall in which scope unit, and where to put a
// finding about a whole unit.
#pragma once

#include <algorithm>
#include <vector>

#include "kinds/kind.h"
#include "kinds/span_matcher.h"
#include "segment/scope_units.h"

namespace draftlint::detail {

inline bool inside(Span unit, Span s) { return unit.begin <= s.begin && s.end <= unit.end; }

// The hits that lie inside `unit`, in order. `hits` must be sorted and non-overlapping, as
// SpanMatcher::find returns them: a binary search, not a scan, so per-sentence scopes stay
// linear in the document.
inline std::vector<SpanMatcher::Hit> hits_in(const std::vector<SpanMatcher::Hit>& hits, Span unit) {
  auto it = std::lower_bound(hits.begin(), hits.end(), unit.begin,
                             [](const SpanMatcher::Hit& h, std::size_t value) { return h.span.begin < value; });
  std::vector<SpanMatcher::Hit> out;
  for (; it != hits.end() && it->span.begin < unit.end; ++it) {
    if (it->span.end <= unit.end) out.push_back(*it);
  }
  return out;
}

// Indexes [first, last) of the sentences that lie inside `unit`.
inline std::pair<std::size_t, std::size_t> sentences_within(const Segmentation& segments, Span unit) {
  const auto& sentences = segments.sentences;
  auto first = std::lower_bound(sentences.begin(), sentences.end(), unit.begin,
                                [](const Span& s, std::size_t value) { return s.begin < value; });
  auto last = first;
  while (last != sentences.end() && last->end <= unit.end) ++last;
  return {static_cast<std::size_t>(first - sentences.begin()), static_cast<std::size_t>(last - sentences.begin())};
}

// The first body sentence inside `unit` (titles skipped), else its first sentence, else the unit.
inline Span first_sentence_in(const Segmentation& segments, Span unit) {
  const auto [first, last] = sentences_within(segments, unit);
  for (std::size_t i = first; i < last; ++i) {
    if (!segments.titles[i]) return segments.sentences[i];
  }
  return first < last ? segments.sentences[first] : unit;
}

// The scope units with some text in them.
inline std::vector<Span> nonempty_units(const Rule& rule, const CheckContext& context) {
  std::vector<Span> units = scope_units(rule.scope, context.segments, context.text.size());
  std::erase_if(units, [&](Span u) {
    const std::string_view text = context.text.substr(u.begin, u.end - u.begin);
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
  });
  return units;
}

}  // namespace draftlint::detail
