// The match → filter pipeline shared by span rules (existence, substitution): find the rule's
// matches, drop those overlapping an exception or preceded/followed by a not_before/not_after
// pattern in the same sentence, and keep the leftmost-longest of overlapping matches.
#pragma once

#include <vector>

#include "kinds/kind.h"

namespace draftlint::detail {

class SpanMatcher {
 public:
  // Which of the rule's filters apply: all (exceptions, not_before/not_after, scope), or only
  // the scope (for patterns that locate something, like a required rule's anchor).
  enum class Filters { all, scope_only };

  // Matches the rule's own tokens/patterns.
  SpanMatcher(const Rule& rule, PatternTable& table);
  // Matches another list of the rule's patterns (e.g. a conditional's `if`), with the rule's
  // exceptions, context filters and scope. `patterns` must outlive the matcher.
  SpanMatcher(const Rule& rule, const std::vector<Pattern>& patterns, PatternTable& table,
              Filters filters = Filters::all);

  struct Hit {
    Span span;
    std::size_t pattern;  // index into the pattern list
  };
  std::vector<Hit> find(const CheckContext& context) const;

  // True when find() would return at least one hit; stops at the first, without locating the
  // remaining patterns (what a `required` rule with min 1 needs).
  bool any(const CheckContext& context) const;

 private:
  // The exception spans of one document, sorted by start, with the furthest end reached so
  // far, so that "does this span overlap an exception?" is a binary search.
  struct ExceptionIndex {
    std::vector<Span> spans;
    std::vector<std::size_t> max_end;
    bool overlaps(Span span) const;
  };
  ExceptionIndex exceptions(const CheckContext& context) const;
  // True when the span survives the rule's exceptions and not_before/not_after filters.
  bool allowed(const CheckContext& context, const ExceptionIndex& exceptions, Span span) const;

  const Rule& rule_;
  Filters filters_;
  std::vector<int> match_ids_;
  std::vector<int> exception_ids_;
};

}  // namespace draftlint::detail
