// The match → filter pipeline shared by span rules (existence, substitution): find the rule's
// matches, drop those overlapping an exception or preceded/followed by a not_before/not_after
// pattern in the same sentence, and keep the leftmost-longest of overlapping matches.
#pragma once

#include <cstdint>
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

  // Calls `visit` with the hits find() would return, in order, until it returns false. No
  // match crosses a chunk, so the hits of one chunk are final before the next is located:
  // stopping early saves locating the rest of the text.
  template <class Visit>
  void each(const CheckContext& context, Visit visit) const {
    const std::vector<Span> units = scope(context);
    for (std::uint32_t chunk : candidate_chunks(context)) {
      for (const Hit& hit : find_in_chunk(context, chunk, units)) {
        if (!visit(hit)) return;
      }
    }
  }

  // True when find() would return at least one hit; stops at the first span that passes the
  // filters (what a `required` rule with min 1 needs).
  bool any(const CheckContext& context) const;

 private:
  // The exception spans of one document, sorted by start, with the furthest end reached so
  // far, so that "does this span overlap an exception?" is a binary search.
  struct ExceptionIndex {
    std::vector<Span> spans;
    std::vector<std::size_t> max_end;
    bool overlaps(Span span) const;
  };
  static ExceptionIndex index_of(std::vector<Span> spans);
  // Exception spans of the whole text, or of one chunk.
  ExceptionIndex exceptions(const CheckContext& context) const;
  ExceptionIndex exceptions_in(const CheckContext& context, std::size_t chunk) const;
  std::vector<Span> scope(const CheckContext& context) const;
  // True when the gate saw one of the exception patterns in `chunk`.
  bool exceptions_may_hit(const CheckContext& context, std::size_t chunk) const;
  // Chunks where the gate saw one of the match patterns, ascending.
  std::vector<std::uint32_t> candidate_chunks(const CheckContext& context) const;
  std::vector<Hit> find_in_chunk(const CheckContext& context, std::size_t chunk, const std::vector<Span>& units) const;
  // Sorts `hits` and keeps the leftmost-longest of overlapping ones that pass the filters.
  std::vector<Hit> keep(const CheckContext& context, std::vector<Hit>& hits, const ExceptionIndex& exceptions,
                        const std::vector<Span>& units) const;
  // True when the span survives the rule's exceptions and not_before/not_after filters.
  bool allowed(const CheckContext& context, const ExceptionIndex& exceptions, Span span) const;

  const Rule& rule_;
  Filters filters_;
  std::vector<int> match_ids_;
  std::vector<int> exception_ids_;
};

}  // namespace draftlint::detail
