// The match → filter pipeline shared by span rules (existence, substitution): find the rule's
// matches, drop those overlapping an exception or preceded/followed by a not_before/not_after
// pattern in the same sentence, and keep the leftmost-longest of overlapping matches.
#pragma once

#include <vector>

#include "kinds/kind.h"

namespace draftlint::detail {

class SpanMatcher {
 public:
  SpanMatcher(const Rule& rule, PatternTable& table);

  struct Hit {
    Span span;
    std::size_t pattern;  // index into rule.match
  };
  std::vector<Hit> find(const CheckContext& context) const;

  // True when the span survives the rule's exceptions and not_before/not_after filters.
  bool allowed(const CheckContext& context, Span span) const;

 private:
  const Rule& rule_;
  std::vector<int> match_ids_;
  std::vector<int> exception_ids_;
};

}  // namespace draftlint::detail
