// Shared matching for span rules (see span_matcher.h).
#include "kinds/span_matcher.h"

#include <algorithm>
#include <optional>

#include <re2/re2.h>

#include "segment/scope_units.h"

namespace draftlint::detail {

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

SpanMatcher::ExceptionIndex SpanMatcher::exceptions(const CheckContext& context) const {
  ExceptionIndex index;
  for (int id : exception_ids_) {
    const auto& spans = context.matches.spans(id);
    index.spans.insert(index.spans.end(), spans.begin(), spans.end());
  }
  std::sort(index.spans.begin(), index.spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::size_t furthest = 0;
  for (const Span& s : index.spans) {
    furthest = std::max(furthest, s.end);
    index.max_end.push_back(furthest);
  }
  return index;
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

bool SpanMatcher::any(const CheckContext& context) const {
  std::optional<ExceptionIndex> exception_index;  // built on the first candidate
  std::optional<std::vector<Span>> units;
  for (int id : match_ids_) {
    for (const Span& s : context.matches.spans(id)) {
      if (!units) units = scope_units(rule_.scope, context.segments, context.text.size());
      auto it = std::upper_bound(units->begin(), units->end(), s.begin,
                                 [](std::size_t value, const Span& u) { return value < u.begin; });
      if (it == units->begin() || std::prev(it)->end < s.end) continue;
      if (!exception_index) exception_index = exceptions(context);
      if (allowed(context, *exception_index, s)) return true;
    }
  }
  return false;
}

std::vector<SpanMatcher::Hit> SpanMatcher::find(const CheckContext& context) const {
  std::vector<Hit> hits;
  for (std::size_t i = 0; i < match_ids_.size(); ++i) {
    for (const Span& s : context.matches.spans(match_ids_[i])) hits.push_back({s, i});
  }
  // Leftmost first; at the same start the longest; then the earlier pattern.
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return a.pattern < b.pattern;
  });
  std::vector<Hit> kept;
  if (hits.empty()) return kept;
  const ExceptionIndex exception_index = exceptions(context);
  const std::vector<Span> units = scope_units(rule_.scope, context.segments, context.text.size());
  // Units are sorted and disjoint: the only candidate is the last one starting at or before s.
  auto inside_scope = [&](Span s) {
    auto it = std::upper_bound(units.begin(), units.end(), s.begin, [](std::size_t value, const Span& u) { return value < u.begin; });
    return it != units.begin() && std::prev(it)->end >= s.end;
  };
  std::size_t covered_until = 0;
  for (const Hit& h : hits) {
    if (!kept.empty() && h.span.begin < covered_until) continue;
    if (!inside_scope(h.span)) continue;
    if (!allowed(context, exception_index, h.span)) continue;
    kept.push_back(h);
    covered_until = h.span.end;
  }
  return kept;
}

}  // namespace draftlint::detail
