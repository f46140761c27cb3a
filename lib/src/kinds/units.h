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

// The hits that lie inside `unit`, in order.
inline std::vector<SpanMatcher::Hit> hits_in(const std::vector<SpanMatcher::Hit>& hits, Span unit) {
  std::vector<SpanMatcher::Hit> out;
  std::copy_if(hits.begin(), hits.end(), std::back_inserter(out), [&](const SpanMatcher::Hit& h) { return inside(unit, h.span); });
  return out;
}

// The first body sentence inside `unit` (titles skipped), else its first sentence, else the unit.
inline Span first_sentence_in(const Segmentation& segments, Span unit) {
  for (std::size_t i : segments.body_sentences()) {
    if (inside(unit, segments.sentences[i])) return segments.sentences[i];
  }
  for (const Span& s : segments.sentences) {
    if (inside(unit, s)) return s;
  }
  return unit;
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
