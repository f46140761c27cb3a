// Scope → units (see scope_units.h).
#include "segment/scope_units.h"

#include <algorithm>

namespace draftlint::detail {

std::vector<Span> scope_units(const Scope& scope, const Segmentation& segments, std::size_t text_size) {
  const auto& paragraphs = segments.paragraphs;
  const auto& sentences = segments.sentences;
  switch (scope.kind) {
    case ScopeKind::text:
    case ScopeKind::document: return {Span{0, text_size}};
    case ScopeKind::sentence: return sentences;
    case ScopeKind::paragraph: return paragraphs;
    case ScopeKind::first_paragraph: {
      // The first paragraph of the body: titles, greetings and headings do not count.
      for (std::size_t i : segments.body_sentences()) {
        for (const Span& p : paragraphs) {
          if (p.begin <= sentences[i].begin && sentences[i].end <= p.end) return {p};
        }
      }
      return {};
    }
    case ScopeKind::last_paragraph:
      return paragraphs.empty() ? std::vector<Span>{} : std::vector<Span>{paragraphs.back()};
    case ScopeKind::first_sentences: {
      // The first N sentences of the body, from the first one's start to the Nth one's end.
      const std::vector<std::size_t> body = segments.body_sentences();
      if (body.empty()) return {};
      const std::size_t last = std::min<std::size_t>(body.size(), static_cast<std::size_t>(scope.count)) - 1;
      return {Span{sentences[body.front()].begin, sentences[body[last]].end}};
    }
  }
  return {Span{0, text_size}};
}

}  // namespace draftlint::detail
