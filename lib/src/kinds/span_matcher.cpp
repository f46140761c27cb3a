// Shared matching for span rules (see span_matcher.h).
#include "kinds/span_matcher.h"

#include <algorithm>
#include <optional>

#include <re2/re2.h>

#include "segment/scope_units.h"

namespace draftlint::detail {

namespace {

// Units are sorted and disjoint: the only candidate is the last one starting at or before s.
bool inside_scope(const std::vector<Span>& units, Span s) {
  auto it = std::upper_bound(units.begin(), units.end(), s.begin, [](std::size_t value, const Span& u) { return value < u.begin; });
  return it != units.begin() && std::prev(it)->end >= s.end;
}

}  // namespace

SpanMatcher::SpanMatcher(const Rule& rule, PatternTable& table) : SpanMatcher(rule, rule.match, table) {}

SpanMatcher::SpanMatcher(const Rule& rule, const std::vector<Pattern>& patterns, PatternTable& table, Filters filters)
    : rule_(rule), filters_(filters) {
  for (const Pattern& p : patterns) match_ids_.push_back(table.add(p));
  if (filters_ == Filters::all) {
    for (const Pattern& p : rule.exceptions) exception_ids_.push_back(table.add(p));
  }
}

bool SpanMatcher::ExceptionIndex::overlaps(Span span) const {
  // Exceptions starting before the span ends; does any of them end after it starts?
  auto it = std::lower_bound(spans.begin(), spans.end(), span.end, [](const Span& e, std::size_t value) { return e.begin < value; });
  if (it == spans.begin()) return false;
  return max_end[static_cast<std::size_t>(it - spans.begin()) - 1] > span.begin;
}

SpanMatcher::ExceptionIndex SpanMatcher::index_of(std::vector<Span> spans) {
  SpanMatcher::ExceptionIndex index;
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::size_t furthest = 0;
  for (const Span& s : spans) {
    furthest = std::max(furthest, s.end);
    index.max_end.push_back(furthest);
  }
  index.spans = std::move(spans);
  return index;
}

SpanMatcher::ExceptionIndex SpanMatcher::exceptions(const CheckContext& context) const {
  std::vector<Span> spans;
  for (int id : exception_ids_) {
    const auto& found = context.matches.spans(id);
    spans.insert(spans.end(), found.begin(), found.end());
  }
  return index_of(std::move(spans));
}

// Enough for a hit in `chunk`: no exception crosses a chunk either, so only the chunk's own
// exceptions can overlap it.
SpanMatcher::ExceptionIndex SpanMatcher::exceptions_in(const CheckContext& context, std::size_t chunk) const {
  std::vector<Span> spans;
  for (int id : exception_ids_) {
    const auto found = context.matches.spans_in(id, chunk);
    spans.insert(spans.end(), found.begin(), found.end());
  }
  return index_of(std::move(spans));
}

std::vector<Span> SpanMatcher::scope(const CheckContext& context) const {
  return scope_units(rule_.scope, context.segments, context.text.size());
}

std::vector<std::uint32_t> SpanMatcher::candidate_chunks(const CheckContext& context) const {
  std::vector<std::uint32_t> chunks;
  for (int id : match_ids_) {
    const auto gated = context.matches.gate_chunks(id);
    chunks.insert(chunks.end(), gated.begin(), gated.end());
  }
  std::sort(chunks.begin(), chunks.end());
  chunks.erase(std::unique(chunks.begin(), chunks.end()), chunks.end());
  return chunks;
}

bool SpanMatcher::allowed(const CheckContext& context, const ExceptionIndex& exceptions, Span span) const {
  if (filters_ == Filters::scope_only) return true;
  if (exceptions.overlaps(span)) return false;
  if (rule_.not_before.empty() && rule_.not_after.empty()) return true;
  const Span sentence = context.segments.sentence_at(span.begin);
  const std::size_t sentence_begin = std::min(sentence.begin, span.begin);
  const std::size_t sentence_end = std::max(sentence.end, span.end);
  const std::string_view before = context.text.substr(sentence_begin, span.begin - sentence_begin);
  const std::string_view after = context.text.substr(span.end, sentence_end - span.end);
  for (const Pattern& p : rule_.not_before) {
    if (RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), p.re->get())) return false;
  }
  for (const Pattern& p : rule_.not_after) {
    if (RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), p.re->get())) return false;
  }
  return true;
}

// Whether any span survives does not depend on which overlapping ones find() would keep, so
// this looks at one pattern at a time and stops at the first span that passes the filters.
bool SpanMatcher::any(const CheckContext& context) const {
  const std::vector<Span> units = scope(context);
  const bool whole_text = rule_.scope.kind == ScopeKind::text || rule_.scope.kind == ScopeKind::document;
  const bool no_context_filters = filters_ == Filters::scope_only || (rule_.not_before.empty() && rule_.not_after.empty());
  for (std::uint32_t chunk : candidate_chunks(context)) {
    // With no filter that can apply in this chunk, a match is enough and its place is not needed.
    const bool unfiltered = whole_text && no_context_filters && !exceptions_may_hit(context, chunk);
    std::optional<ExceptionIndex> exception_index;  // the chunk's, built at the first candidate
    for (int id : match_ids_) {
      if (unfiltered) {
        if (context.matches.has_match(id, chunk)) return true;
        continue;
      }
      for (const Span& s : context.matches.spans_in(id, chunk)) {
        if (!inside_scope(units, s)) continue;
        if (!exception_index) exception_index = exceptions_in(context, chunk);
        if (allowed(context, *exception_index, s)) return true;
      }
    }
  }
  return false;
}

bool SpanMatcher::exceptions_may_hit(const CheckContext& context, std::size_t chunk) const {
  for (int id : exception_ids_) {
    const auto gated = context.matches.gate_chunks(id);
    if (std::binary_search(gated.begin(), gated.end(), static_cast<std::uint32_t>(chunk))) return true;
  }
  return false;
}

std::vector<SpanMatcher::Hit> SpanMatcher::find(const CheckContext& context) const {
  std::vector<Hit> hits;
  for (std::size_t i = 0; i < match_ids_.size(); ++i) {
    for (const Span& s : context.matches.spans(match_ids_[i])) hits.push_back({s, i});
  }
  if (hits.empty()) return hits;
  return keep(context, hits, exceptions(context), scope(context));
}

std::vector<SpanMatcher::Hit> SpanMatcher::find_in_chunk(const CheckContext& context, std::size_t chunk,
                                                         const std::vector<Span>& units) const {
  std::vector<Hit> hits;
  for (std::size_t i = 0; i < match_ids_.size(); ++i) {
    for (const Span& s : context.matches.spans_in(match_ids_[i], chunk)) hits.push_back({s, i});
  }
  if (hits.empty()) return hits;
  return keep(context, hits, exceptions_in(context, chunk), units);
}

std::vector<SpanMatcher::Hit> SpanMatcher::keep(const CheckContext& context, std::vector<Hit>& hits,
                                                const ExceptionIndex& exception_index,
                                                const std::vector<Span>& units) const {
  // Leftmost first; at the same start the longest; then the earlier pattern.
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return a.pattern < b.pattern;
  });
  std::vector<Hit> kept;
  std::size_t covered_until = 0;
  for (const Hit& h : hits) {
    if (!kept.empty() && h.span.begin < covered_until) continue;
    if (!inside_scope(units, h.span)) continue;
    if (!allowed(context, exception_index, h.span)) continue;
    kept.push_back(h);
    covered_until = h.span.end;
  }
  return kept;
}

}  // namespace draftlint::detail
